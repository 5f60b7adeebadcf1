// How ops record themselves (lib/tensor/record.ts): every backward adds into gradOf(input), so
// gradients of a tensor used twice (or over two backward passes) sum, whichever op made them.
import { describe, expect, it } from "vitest";
import { backward } from "../../lib/autograd/backward";
import { conv2d } from "../../lib/nn/conv";
import { maxPool2d } from "../../lib/nn/pool";
import { Rng } from "../../lib/rng";
import { relu } from "../../lib/tensor/activations";
import { add } from "../../lib/tensor/elementwise";
import { attach, gradOf } from "../../lib/tensor/record";
import { Tensor } from "../../lib/tensor/tensor";
import { randomArray } from "../kernels/helpers";

/** Σ weights · t, a scalar loss with a distinct gradient for every element of t. */
function weightedSum(t: Tensor, weights: Float64Array): Tensor {
  const out = new Tensor(Float64Array.of(t.values.reduce((s, v, i) => s + v * weights[i], 0)), []);
  return attach(out, "weightedSum", [t], (g) => {
    const gt = gradOf(t);
    for (let i = 0; i < gt.length; i++) gt[i] += weights[i] * g[0];
  });
}

describe("gradOf", () => {
  it("starts a gradient as zeros of the tensor's shape, and returns the same array after", () => {
    const t = new Tensor(new Float64Array(6), [2, 3], true);
    const g = gradOf(t);
    expect(Array.from(g)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(t.grad!.shape).toEqual([2, 3]);
    g[1] = 4;
    expect(gradOf(t)).toBe(g);
    expect(t.grad!.data[1]).toBe(4);
  });
});

describe("gradients accumulate through gradOf", () => {
  it.each([1, 7, 64, 2000])(
    "relu's backward adds (x > 0 ? 1 : 0) · gradOut into a zero gradient, bit for bit, n = %i",
    (n) => {
      const rng = new Rng(n);
      const x = new Tensor(randomArray(rng, n), [n], true);
      const weights = randomArray(rng, n);
      backward(weightedSum(relu(x), weights));
      const want = Array.from(x.data, (v, i) => (v > 0 ? weights[i] : 0)); // 0 + 0·w is +0
      expect(Array.from(x.grad!.data)).toEqual(want);
    },
  );

  it("an input used twice sums both gradients, within one pass and over two", () => {
    const x = new Tensor(Float64Array.of(-1, 2), [2], true);
    backward(weightedSum(relu(x), Float64Array.of(3, 4)));
    backward(weightedSum(relu(x), Float64Array.of(5, 6)));
    expect(Array.from(x.grad!.data)).toEqual([0, 10]);
    const y = new Tensor(Float64Array.of(1, 2), [2], true);
    const h = relu(y);
    backward(add(weightedSum(h, Float64Array.of(1, 1)), weightedSum(h, Float64Array.of(2, 3))));
    expect(Array.from(y.grad!.data)).toEqual([3, 4]);
  });

  it("max pooling's gradient accumulates over two backward passes", () => {
    const x = new Tensor(Float64Array.of(1, 5, 3, 2), [1, 1, 2, 2], true);
    backward(weightedSum(maxPool2d(x, { size: 2 }), Float64Array.of(2)));
    backward(weightedSum(maxPool2d(x, { size: 2 }), Float64Array.of(3)));
    expect(Array.from(x.grad!.data)).toEqual([0, 5, 0, 0]);
  });

  it.each([true, false])(
    "conv2d with x.requiresGrad %s: x gets a gradient only when it asks",
    (xGrad) => {
      const rng = new Rng(11);
      const x = new Tensor(randomArray(rng, 2 * 3 * 6 * 5), [2, 3, 6, 5], xGrad);
      const w = new Tensor(randomArray(rng, 4 * 27), [4, 3, 3, 3], true);
      const b = new Tensor(randomArray(rng, 4), [4], true);
      const out = conv2d(x, w, b, { padding: 1 });
      backward(weightedSum(out, randomArray(rng, out.size)));
      expect(w.grad!.shape).toEqual([4, 3, 3, 3]);
      expect(b.grad!.shape).toEqual([4]);
      if (xGrad) expect(x.grad!.shape).toEqual([2, 3, 6, 5]);
      else expect(x.grad).toBeNull();
    },
  );
});
