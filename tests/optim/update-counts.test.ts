// Each parameter keeps its own history: Adam's bias correction counts that parameter's updates
// (PyTorch's per-parameter `step`), and SGD's velocity is left alone on a step without a gradient.
import { describe, expect, it } from "vitest";
import * as dl from "../../lib/index";
import { expectNamed } from "../reliability/named-errors";

/** A parameter with the given gradient set (as backward would leave it). */
function withGrad(p: dl.Tensor, g: number[]): void {
  p.grad = dl.tensor(g);
}

describe("Adam counts updates per parameter", () => {
  it("a parameter first updated at step 3 gets the same update as in a fresh Adam (t = 1)", () => {
    const a = dl.tensor([1, 2], { requiresGrad: true });
    const b = dl.tensor([0.5], { requiresGrad: true });
    const opt = new dl.optim.Adam([a, b], { lr: 0.1 });
    for (let step = 0; step < 3; step++) {
      opt.zeroGrad();
      withGrad(a, [0.3, -0.2]);
      if (step === 2) withGrad(b, [0.7]); // b had no gradient on the first two steps
      opt.step();
    }
    const alone = dl.tensor([0.5], { requiresGrad: true });
    const fresh = new dl.optim.Adam([alone], { lr: 0.1 });
    withGrad(alone, [0.7]);
    fresh.step();
    expect(b.data[0]).toBe(alone.data[0]);
    // Adam's first step moves by lr·g/(|g| + eps): about 0.1 (with a global count t = 3 it moved 0.1·(1−β1)/(1−β1³)/… ≠ 0.1)
    expect(b.data[0]).toBeCloseTo(0.4, 6);
    expect(opt.steps).toBe(3);
  });

  it("with a gradient at every step, per-parameter counts change nothing (same as one shared count)", () => {
    const w = dl.tensor([1, -1, 0.5], { requiresGrad: true });
    const opt = new dl.optim.Adam([w], { lr: 0.01 });
    const m = [0, 0, 0];
    const v = [0, 0, 0];
    const expected = [1, -1, 0.5];
    for (let t = 1; t <= 5; t++) {
      const g = expected.map((x) => 2 * x);
      opt.zeroGrad();
      withGrad(w, g);
      opt.step();
      for (let i = 0; i < 3; i++) {
        m[i] = 0.9 * m[i] + 0.1 * g[i];
        v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
        expected[i] -=
          (0.01 * (m[i] / (1 - 0.9 ** t))) / (Math.sqrt(v[i] / (1 - 0.999 ** t)) + 1e-8);
      }
    }
    expect(Array.from(w.data)).toEqual(expected);
  });
});

describe("SGD momentum with a parameter that had no gradient", () => {
  it("its velocity neither decays nor moves on that step (as in PyTorch)", () => {
    const a = dl.tensor([1], { requiresGrad: true });
    const b = dl.tensor([1], { requiresGrad: true });
    const opt = new dl.optim.SGD([a, b], { lr: 0.1, momentum: 0.9 });
    withGrad(a, [1]);
    withGrad(b, [1]);
    opt.step(); // v = 1 for both: w = 0.9
    opt.zeroGrad();
    withGrad(a, [1]);
    opt.step(); // b skipped: unchanged
    expect(b.data[0]).toBeCloseTo(0.9, 15);
    opt.zeroGrad();
    withGrad(b, [1]);
    opt.step(); // b's velocity: 0.9·1 + 1 = 1.9 (not decayed twice)
    expect(b.data[0]).toBeCloseTo(0.9 - 0.19, 15);
    expect(a.data[0]).toBeCloseTo(0.9 - 0.19, 15);
  });
});

describe("a learning rate that goes bad after construction", () => {
  it.each([[-0.1], [0], [NaN], [Infinity]])("opt.lr = %s is refused at the next step", (lr) => {
    const w = dl.tensor([1], { requiresGrad: true });
    for (const opt of [new dl.optim.SGD([w], { lr: 0.1 }), new dl.optim.Adam([w])]) {
      opt.lr = lr;
      withGrad(w, [1]);
      expectNamed(() => opt.step(), "ArgumentError", [/\.step: lr must be a finite number > 0/]);
      expect(w.data[0]).toBe(1);
    }
  });
});
