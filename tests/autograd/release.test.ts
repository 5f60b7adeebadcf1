import { afterEach, describe, expect, it } from "vitest";
import { ReleasedTensorError, Tensor } from "../../lib";
import { backward, detach } from "../../lib/autograd/backward";
import { releaseGraph } from "../../lib/autograd/release";
import { Rng } from "../../lib/rng";
import { MIN_LENGTH, clearPool, poolStats } from "../../lib/kernels/fast/buffer-pool";
import { Sequential } from "../../lib/nn/layers";
import { Linear } from "../../lib/nn/linear";
import { ReLU } from "../../lib/nn/activations";
import { softmaxCrossEntropy } from "../../lib/nn/losses";
import { SGD } from "../../lib/optim/sgd";
import { relu } from "../../lib/tensor/activations";
import { mean } from "../../lib/tensor/reduce";
import { mul } from "../../lib/tensor/elementwise";
import { reshape } from "../../lib/tensor/shape-ops";

/** A leaf of `n` values from a seeded generator, with or without a gradient. */
function leaf(n: number, requiresGrad: boolean, seed = 1): Tensor {
  const rng = new Rng(seed);
  return new Tensor(
    Float64Array.from({ length: n }, () => rng.uniform(-1, 1)),
    [n],
    requiresGrad,
  );
}

describe("releaseGraph", () => {
  afterEach(() => clearPool());

  it("releases the intermediates and their gradients, and leaves the leaves alone", () => {
    const n = MIN_LENGTH * 2;
    const w = leaf(n, true);
    const x = leaf(n, false, 2);
    const h = relu(mul(w, x));
    const loss = mean(h);
    backward(loss);
    const wGrad = Array.from(w.grad!.data);
    expect(releaseGraph(loss)).toBe(3); // mul, relu, mean
    // mul's output and gradient, relu's output and gradient (the loss is too small to pool)
    expect(poolStats()).toEqual({ buffers: 4, bytes: 4 * n * 8 });
    expect(h.released).toBe(true);
    expect(h.grad).toBeNull();
    expect(w.released).toBe(false);
    expect(Array.from(w.grad!.data)).toEqual(wGrad);
    expect(x.data.length).toBe(n);
  });

  it("does nothing to a leaf, and a second release of the same graph is a no-op", () => {
    const w = leaf(MIN_LENGTH, true);
    expect(releaseGraph(w)).toBe(0);
    expect(w.released).toBe(false);
    const loss = mean(relu(w));
    backward(loss);
    expect(releaseGraph(loss)).toBe(2);
    expect(releaseGraph(loss)).toBe(0);
    expect(poolStats().buffers).toBe(2);
    expect(w.grad!.data.length).toBe(MIN_LENGTH);
  });

  it("makes reading a released tensor a named error that says why and what to do", () => {
    const h = relu(leaf(MIN_LENGTH, true));
    const loss = mean(h);
    backward(loss);
    releaseGraph(loss);
    expect(() => h.data).toThrow(ReleasedTensorError);
    expect(() => h.data).toThrow(
      "Tensor: this relu result (shape [1024]) was released after its training step (fit and releaseGraph give intermediate memory back for reuse); read what you need during the step (t.data stays yours), or compute it again",
    );
    expect(() => loss.item()).toThrow(ReleasedTensorError);
  });

  it("never reuses numbers that were read through data or shared by detach", () => {
    const h = relu(leaf(MIN_LENGTH, true));
    const kept = detach(h);
    const before = Array.from(kept.data);
    const loss = mean(h);
    backward(loss);
    const read = h.grad!.data;
    releaseGraph(loss);
    expect(poolStats().buffers).toBe(0); // relu's output (detached) and gradient (read) are kept
    relu(leaf(MIN_LENGTH, false, 9)); // a new op of the same size must not overwrite them
    expect(Array.from(kept.data)).toEqual(before);
    expect(read.every((v) => v === 1 / MIN_LENGTH || v === 0)).toBe(true);
  });

  it("reshape copies (it never aliases), so each released tensor gives back its own memory", () => {
    const h = relu(leaf(MIN_LENGTH, true));
    const r = reshape(h, [2, MIN_LENGTH / 2]);
    const loss = mean(r);
    backward(loss);
    releaseGraph(loss);
    expect(r.released && h.released).toBe(true);
    expect(poolStats().buffers).toBe(4); // relu's and reshape's outputs and gradients
  });

  it("changes no number: training with release gives the same losses and weights bit for bit", () => {
    const run = (release: boolean) => {
      const rng = new Rng(5);
      const model = new Sequential([
        new Linear(64, 32, { rng }),
        new ReLU(),
        new Linear(32, 10, { rng }),
      ]);
      const opt = new SGD(model.parameters(), { lr: 0.1 });
      const x = new Tensor(
        Float64Array.from({ length: 64 * 64 }, () => rng.normal()),
        [64, 64],
      );
      const labels = Array.from({ length: 64 }, () => rng.int(0, 10));
      const losses: number[] = [];
      for (let step = 0; step < 5; step++) {
        opt.zeroGrad();
        const loss = softmaxCrossEntropy(model.forward(x), labels);
        losses.push(loss.item());
        backward(loss);
        opt.step();
        if (release) releaseGraph(loss);
      }
      return { losses, weights: model.parameters().map((p) => Array.from(p.data)) };
    };
    const released = run(true);
    expect(poolStats().buffers).toBeGreaterThan(0);
    expect(released).toEqual(run(false));
  });
});
