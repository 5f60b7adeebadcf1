import { describe, expect, it } from "vitest";
import { andGate, orGate, xorGate } from "../../lib/data/gates";
import { genderTable } from "../../lib/data/gender";
import { rng } from "../../lib/rng";
import { linearlySeparable } from "../../lib/data/toy";
import { ArgumentError, ShapeError } from "../../lib/errors";
import { Perceptron } from "../../lib/nn/perceptron";
import { tensor } from "../../lib/tensor/creation";

describe("Perceptron", () => {
  it("starts at zero: ŷ = step(0) = 1 for every input", () => {
    const p = new Perceptron(2);
    expect([p.w, p.b]).toEqual([[0, 0], 0]);
    expect(
      p.predict([
        [3, -4],
        [0, 0],
      ]),
    ).toEqual([1, 1]);
  });

  it("update applies w ← w + η (y − ŷ) x, b ← b + η (y − ŷ), worked out", () => {
    const p = new Perceptron(2, { weights: [0.5, -1], bias: 0.25 });
    // z = 0.5·2 + (−1)·1 + 0.25 = 0.25 ≥ 0 → ŷ = 1; y = 0 → y − ŷ = −1
    expect(p.update([2, 1], 0, 0.1)).toBe(-1);
    // w = [0.5 − 0.1·2, −1 − 0.1·1] = [0.3, −1.1]; b = 0.25 − 0.1 = 0.15
    expect(p.w[0]).toBeCloseTo(0.3, 12);
    expect(p.w[1]).toBeCloseTo(-1.1, 12);
    expect(p.b).toBeCloseTo(0.15, 12);
  });

  it("update changes nothing when the answer is right", () => {
    const p = new Perceptron(2, { weights: [1, 1], bias: -1.5 });
    expect(p.update([1, 1], 1)).toBe(0);
    expect([p.w, p.b]).toEqual([[1, 1], -1.5]);
  });

  it.each([
    ["AND", andGate(), 5, [2, 1], -3],
    ["OR", orGate(), 3, [1, 1], -1],
  ] as const)(
    "learns %s from zero in order, lr 1: epoch %d, w %j, b %d",
    (_, data, epoch, w, b) => {
      const p = new Perceptron(2);
      const h = p.fit(data);
      expect(h.convergedEpoch).toBe(epoch);
      expect(h.errors[h.epochs - 1]).toBe(0);
      expect([p.w, p.b]).toEqual([w, b]);
      expect(p.errors(data)).toBe(0);
    },
  );

  it("the lecture's gender table: zero errors after 1 epoch, w = [−25, −6], b = −1 (Bob's update)", () => {
    const p = new Perceptron(2);
    const h = p.fit(genderTable());
    expect(h.convergedEpoch).toBe(1);
    expect([p.w, p.b]).toEqual([[-25, -6], -1]);
  });

  it("lesson 2's separable set (n 50, seed 10, shuffled by the same rng) converges in epoch 10", () => {
    const r = rng(10);
    const data = linearlySeparable({ n: 50, rng: r });
    const h = new Perceptron(2).fit(data, { epochs: 100, rng: r, lr: 0.1 });
    expect(h.convergedEpoch).toBe(10);
    expect(h.errors).toEqual([1, 1, 3, 1, 1, 1, 1, 2, 3, 0]);
    expect(h.weights).toHaveLength(10);
  });

  it("XOR: never zero errors in 100 epochs, in order or shuffled", () => {
    for (const r of [undefined, rng(0), rng(1)]) {
      const h = new Perceptron(2).fit(xorGate(), { epochs: 100, rng: r });
      expect(h.convergedEpoch).toBeNull();
      expect(h.epochs).toBe(100);
      expect(Math.min(...h.errors)).toBeGreaterThan(0);
    }
  });

  it("runAllEpochs keeps going after convergence", () => {
    const h = new Perceptron(2).fit(orGate(), { epochs: 6, runAllEpochs: true });
    expect(h.convergedEpoch).toBe(3);
    expect(h.errors).toEqual([1, 1, 0, 0, 0, 0]);
  });

  it("throws named errors for bad shapes, labels and options", () => {
    expect(() => new Perceptron(0)).toThrow(ArgumentError);
    expect(() => new Perceptron(2, { weights: [1] })).toThrow(
      /init.weights must have 2 entries, got 1/,
    );
    const bad = { x: tensor([[1, 2, 3]]), y: tensor([1]) };
    expect(() => new Perceptron(2).fit(bad)).toThrow(ShapeError);
    expect(() => new Perceptron(2).fit(bad)).toThrow(/expected x \[N, 2\].*got x \[1, 3\]/);
    expect(() => new Perceptron(1).fit({ x: tensor([[1]]), y: tensor([2]) })).toThrow(
      /labels y must be 0 or 1/,
    );
    expect(() => new Perceptron(2).fit(andGate(), { epochs: 0 })).toThrow(
      /epochs must be an integer ≥ 1, got 0/,
    );
    expect(() => new Perceptron(2).fit(andGate(), { lr: 0 })).toThrow(
      /lr must be a finite number > 0, got 0/,
    );
  });
});
