// Lesson 2's numbers: one hand step of the rule, convergence on the separable set (seed 10) in 10
// epochs, the lecture's table in 1 epoch, AND in 5 epochs with its weights per epoch.
import { describe, expect, it } from "vitest";
import { describeKernels } from "../each-kernels";
import { andGate } from "../../lib/data/gates";
import { genderTable } from "../../lib/data/gender";
import { rng } from "../../lib/rng";
import { linearlySeparable } from "../../lib/data/toy";
import { Perceptron } from "../../lib/nn/perceptron";

// Every suite below runs under both kernel implementations (tests/each-kernels.ts).
describeKernels("02-perceptron", () => {
  describe("lesson 02-perceptron", () => {
    it("one step: w (0.5, −1), b 0.25, x (2, 1), y 0, η 0.1 → w (0.3, −1.1), b 0.15", () => {
      const p = new Perceptron(2, { weights: [0.5, -1], bias: 0.25 });
      expect(p.update([2, 1], 0, 0.1)).toBe(-1);
      expect(p.w.map((v) => +v.toFixed(4))).toEqual([0.3, -1.1]);
      expect(+p.b.toFixed(4)).toBe(0.15);
    });

    it("50 separable points (seed 10, η 0.1, shuffled by the same rng): converged after 10 epochs", () => {
      const gen = rng(10);
      const data = linearlySeparable({ n: 50, rng: gen });
      const p = new Perceptron(2);
      const h = p.fit(data, { epochs: 100, lr: 0.1, rng: gen });
      expect(h.convergedEpoch).toBe(10);
      expect(h.errors).toEqual([1, 1, 3, 1, 1, 1, 1, 2, 3, 0]);
      expect(p.w.map((v) => +v.toFixed(3))).toEqual([-0.174, 0.507]);
      expect(+p.b.toFixed(3)).toBe(-0.1);
      expect(p.errors(data)).toBe(0);
    });

    it("the lecture's table: 1 epoch, w = (−25, −6), b = −1, every person right", () => {
      const people = genderTable();
      const p = new Perceptron(2);
      expect(p.fit(people).convergedEpoch).toBe(1);
      expect([p.w, p.b]).toEqual([[-25, -6], -1]);
      expect(p.errors(people)).toBe(0);
    });

    it("AND from zero, in order, η 1: 5 epochs; weights per epoch as the lesson's table", () => {
      const h = new Perceptron(2).fit(andGate());
      expect(h.convergedEpoch).toBe(5);
      expect(h.weights).toEqual([
        [1, 1],
        [2, 1],
        [2, 1],
        [2, 2],
        [2, 1],
      ]);
      expect(h.bias).toEqual([0, -1, -2, -2, -3]);
      expect(h.errors).toEqual([3, 2, 1, 2, 0]);
    });
  });
});
