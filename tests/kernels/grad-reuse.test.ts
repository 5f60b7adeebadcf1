import { describe, expect, it } from "vitest";
import { addGrad, adoptGrad } from "../../lib/autograd/record";
import { backward } from "../../lib/autograd/backward";
import { Rng } from "../../lib/data/rng";
import { conv2dBackward, conv2dDims } from "../../lib/kernels/conv2d";
import { conv2d } from "../../lib/nn/conv";
import { maxPool2d } from "../../lib/nn/pool";
import { relu } from "../../lib/tensor/activations";
import { Tensor } from "../../lib/tensor/tensor";
import { randomArray } from "./helpers";

/** Σ weights · t, a scalar loss with a distinct gradient for every element of t. */
function weightedSum(t: Tensor, weights: Float64Array): Tensor {
  const out = new Tensor(
    new Float64Array([t.data.reduce((s, v, i) => s + v * weights[i], 0)]),
    [1],
  );
  out.requiresGrad = true;
  out.parents = [t];
  out.backwardFn = () =>
    addGrad(
      t,
      weights.map((w) => w * out.grad!.data[0]),
    );
  return out;
}

describe("adoptGrad (the fresh gradient array becomes the gradient)", () => {
  it("adopts when there is no gradient, adds otherwise, ignores tensors without requiresGrad", () => {
    const t = new Tensor(new Float64Array(3), [3], true);
    const g = new Float64Array([1, 2, 3]);
    adoptGrad(t, g);
    expect(t.grad!.data).toBe(g);
    adoptGrad(t, new Float64Array([10, 20, 30]));
    expect(Array.from(t.grad!.data)).toEqual([11, 22, 33]);
    const frozen = new Tensor(new Float64Array(3), [3]);
    adoptGrad(frozen, new Float64Array([1, 1, 1]));
    expect(frozen.grad).toBeNull();
  });
});

describe("fused ReLU backward", () => {
  it.each([1, 7, 64])("equals (x > 0 ? 1 : 0) · gradOut bit for bit, n = %i", (n) => {
    const rng = new Rng(n);
    const x = new Tensor(randomArray(rng, n), [n], true);
    const weights = randomArray(rng, n);
    backward(weightedSum(relu(x), weights));
    const want = Array.from(x.data, (v, i) => (v > 0 ? 1 : 0) * weights[i]);
    expect(Array.from(x.grad!.data)).toEqual(want);
  });

  it("sums the gradients of an input used twice", () => {
    const x = new Tensor(new Float64Array([-1, 2]), [2], true);
    const y = relu(x);
    const z = relu(x);
    backward(weightedSum(y, new Float64Array([3, 4])));
    backward(weightedSum(z, new Float64Array([5, 6])));
    expect(Array.from(x.grad!.data)).toEqual([0, 10]);
  });
});

describe("conv2d backward skips dx for an input without requiresGrad", () => {
  const rng = new Rng(11);
  const xShape = [2, 3, 6, 5];
  const wShape = [4, 3, 3, 3];
  const xData = randomArray(rng, 2 * 3 * 6 * 5);
  const wData = randomArray(rng, 4 * 27);
  const bData = randomArray(rng, 4);
  const d = conv2dDims(xShape, wShape, { padding: 1 });
  const weights = randomArray(rng, d.n * d.f * d.oh * d.ow);
  const want = conv2dBackward(xData, wData, weights, d);

  it.each([true, false])("x.requiresGrad %s: dw, db (and dx) equal the kernel's", (xGrad) => {
    const x = new Tensor(xData.slice(), xShape, xGrad);
    const w = new Tensor(wData.slice(), wShape, true);
    const b = new Tensor(bData.slice(), [4], true);
    backward(weightedSum(conv2d(x, w, b, { padding: 1 }), weights));
    expect(Array.from(w.grad!.data)).toEqual(Array.from(want.dw));
    expect(Array.from(b.grad!.data)).toEqual(Array.from(want.db));
    if (xGrad) expect(Array.from(x.grad!.data)).toEqual(Array.from(want.dx));
    else expect(x.grad).toBeNull();
  });

  it("max pooling's adopted gradient accumulates over two backward passes", () => {
    const x = new Tensor(new Float64Array([1, 5, 3, 2]), [1, 1, 2, 2], true);
    backward(weightedSum(maxPool2d(x, { size: 2 }), new Float64Array([2])));
    backward(weightedSum(maxPool2d(x, { size: 2 }), new Float64Array([3])));
    expect(Array.from(x.grad!.data)).toEqual([0, 5, 0, 0]);
  });
});
