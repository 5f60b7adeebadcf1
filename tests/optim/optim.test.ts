import { describe, expect, it } from "vitest";
import { ArgumentError, Tensor, add, backward, tensor } from "../../lib";
import { Linear } from "../../lib/nn/linear";
import { mse } from "../../lib/nn/losses";
import { Adam } from "../../lib/optim/adam";
import { l1Penalty, l2Penalty } from "../../lib/optim/penalties";
import { exponentialDecay, stepDecay } from "../../lib/optim/schedules";
import { SGD } from "../../lib/optim/sgd";

/** A parameter w with a given gradient, as if after backward. */
function param(values: number[], grad: number[]): Tensor {
  const w = tensor(values, { requiresGrad: true });
  w.grad = tensor(grad);
  return w;
}

const close = (actual: Float64Array, expected: number[]) =>
  expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, 12));

describe("SGD", () => {
  it("one plain step: w ← w − η g", () => {
    const w = param([1, -2], [0.5, -0.25]);
    new SGD([w], { lr: 0.1 }).step();
    close(w.data, [1 - 0.05, -2 + 0.025]);
  });

  it("momentum: v ← μv + g, w ← w − ηv over two steps with the same g", () => {
    const w = param([1], [0.5]);
    const opt = new SGD([w], { lr: 0.1, momentum: 0.9 });
    opt.step(); // v = 0.5, w = 1 − 0.05 = 0.95
    close(w.data, [0.95]);
    opt.step(); // v = 0.9·0.5 + 0.5 = 0.95, w = 0.95 − 0.095 = 0.855
    close(w.data, [0.855]);
  });

  it("Nesterov: w ← w − η(g + μv)", () => {
    const w = param([1], [0.5]);
    new SGD([w], { lr: 0.1, momentum: 0.9, nesterov: true }).step();
    close(w.data, [1 - 0.1 * (0.5 + 0.9 * 0.5)]);
  });

  it("weightDecay adds wd·w, l1 adds l1·sign(w) to the gradient", () => {
    const w = param([2, -1], [0, 0]);
    new SGD([w], { lr: 0.1, weightDecay: 0.5, l1: 0.2 }).step();
    close(w.data, [2 - 0.1 * (0.5 * 2 + 0.2), -1 - 0.1 * (0.5 * -1 - 0.2)]);
  });

  it("zeroGrad clears gradients; parameters without a gradient are left alone", () => {
    const w = param([1], [1]);
    const opt = new SGD([w], { lr: 0.1 });
    opt.zeroGrad();
    expect(w.grad).toBeNull();
    opt.step();
    close(w.data, [1]);
  });

  it.each([0, -0.1, NaN, Infinity])("SGD with lr %s throws ArgumentError", (lr) => {
    const make = () => new SGD([param([1], [1])], { lr });
    expect(make).toThrow(ArgumentError);
    expect(make).toThrow(/SGD: lr must be a finite number > 0, got/);
  });

  it("SGD rejects momentum outside [0, 1) and nesterov without momentum", () => {
    expect(() => new SGD([param([1], [1])], { lr: 0.1, momentum: 1 })).toThrow(
      /momentum must be in \[0, 1\)/,
    );
    expect(() => new SGD([param([1], [1])], { lr: 0.1, nesterov: true })).toThrow(
      /nesterov needs momentum/,
    );
  });
});

describe("Adam", () => {
  it("two steps against the bias-corrected formulas written out", () => {
    const w = param([1], [0.5]);
    const opt = new Adam([w], { lr: 0.1 });
    opt.step();
    // m = 0.05, v = 0.00025; m̂ = 0.5, v̂ = 0.25; w = 1 − 0.1·0.5/(0.5 + 1e−8)
    close(w.data, [1 - (0.1 * 0.5) / (0.5 + 1e-8)]);
    const before = w.data[0];
    w.grad = tensor([0.1]);
    opt.step();
    const m = 0.9 * 0.05 + 0.1 * 0.1; // 0.055
    const v = 0.999 * 0.00025 + 0.001 * 0.01; // 0.00025975
    const mHat = m / (1 - 0.9 ** 2);
    const vHat = v / (1 - 0.999 ** 2);
    close(w.data, [before - (0.1 * mHat) / (Math.sqrt(vHat) + 1e-8)]);
  });

  it("Adam rejects lr ≤ 0 and betas outside [0, 1)", () => {
    expect(() => new Adam([param([1], [1])], { lr: -1 })).toThrow(/Adam: lr must be/);
    expect(() => new Adam([param([1], [1])], { beta2: 1 })).toThrow(
      /Adam: beta2 must be in \[0, 1\)/,
    );
  });
});

describe("L1 and L2 penalties: added to the loss or applied as decay, the same steps", () => {
  const x = tensor([
    [1, 2],
    [3, -1],
    [0.5, 0.5],
  ]);
  const y = tensor([[1], [0], [2]]);

  function train(
    penalty: ((p: Tensor[]) => Tensor) | null,
    decay: { weightDecay?: number; l1?: number },
  ) {
    const layer = new Linear(2, 1, { seed: 4 });
    const opt = new SGD(layer.parameters(), { lr: 0.05, ...decay });
    for (let step = 0; step < 5; step++) {
      opt.zeroGrad();
      const data = mse(layer.forward(x), y);
      backward(penalty ? add(data, penalty(layer.parameters())) : data);
      opt.step();
    }
    return layer.state();
  }

  it("l2Penalty(params, λ) = λΣw² in the loss ≡ SGD weightDecay 2λ", () => {
    const viaLoss = train((p) => l2Penalty(p, 0.1), {});
    const viaDecay = train(null, { weightDecay: 0.2 });
    viaLoss.forEach((w, i) => close(w, Array.from(viaDecay[i])));
    expect(viaLoss[0]).not.toEqual(train(null, {})[0]);
  });

  it("l1Penalty(params, λ) = λΣ|w| in the loss ≡ SGD l1 λ", () => {
    const viaLoss = train((p) => l1Penalty(p, 0.1), {});
    const viaDecay = train(null, { l1: 0.1 });
    viaLoss.forEach((w, i) => close(w, Array.from(viaDecay[i])));
  });

  it("the penalties' values are the lecture's formulas", () => {
    const w = [tensor([1, -2]), tensor([3])];
    expect(l2Penalty(w, 0.5).item()).toBe(0.5 * (1 + 4 + 9));
    expect(l1Penalty(w, 0.5).item()).toBe(0.5 * (1 + 2 + 3));
    expect(() => l2Penalty(w, -1)).toThrow(/l2Penalty: lambda must be a finite number ≥ 0, got -1/);
  });
});

describe("schedules", () => {
  it("stepDecay halves every `every` epochs; exponentialDecay multiplies by rate each epoch", () => {
    const s = stepDecay({ initial: 0.1, every: 10 });
    expect([0, 9, 10, 25].map(s)).toEqual([0.1, 0.1, 0.05, 0.025]);
    expect(exponentialDecay({ initial: 0.1, rate: 0.9 })(2)).toBeCloseTo(0.081, 12);
    expect(() => stepDecay({ initial: 0.1, every: 0 })).toThrow(/every must be an integer ≥ 1/);
    expect(() => exponentialDecay({ initial: 0.1, rate: 1.5 })).toThrow(/rate must be in \(0, 1\]/);
  });
});
