// Lesson 2's checks: the update rule against the library's Perceptron, and the prediction's tolerance.
import { describe, expect, it } from "vitest";
import * as lesson02 from "../../lib/exercises/lessons/lesson-02";
import * as solutions from "../../lib/exercises/solutions/lesson-02";
import { andGate } from "../../lib/data/gates";
import { Perceptron } from "../../lib/nn/perceptron";
import { attempt } from "./helpers";

describe("lesson 2 checks", () => {
  it("the reference update equals one Perceptron.update step (worked: w [0.3, −1.1], b 0.15)", () => {
    const p = new Perceptron(2, { weights: [0.5, -1], bias: 0.25 });
    p.update([2, 1], 0, 0.1);
    const r = solutions.perceptronUpdate([0.5, -1], 0.25, [2, 1], 0, 0.1);
    expect(r.w).toEqual(p.w);
    expect(r.b).toBe(p.b);
  });

  it("the prediction's truth: AND is right after epoch 5; epoch 5 still made an update", () => {
    const h = new Perceptron(2).fit(andGate());
    expect(h.convergedEpoch).toBe(solutions.predictedEpochs);
    expect(h.errors).toEqual([3, 2, 1, 2, 0]);
    expect(h.updates).toEqual([2, 3, 3, 2, 1]);
  });

  it.each([
    [5, "passed"],
    [4, "failed"],
    [6, "failed"],
    [5.5, "failed"],
  ] as const)("predicting %d (the truth is 5, exactly) is %s", (guess, status) => {
    expect(attempt(lesson02.predictedEpochs, guess).status).toBe(status);
  });

  it.each([
    ["z > 0 (the lecture's 'larger than')", (z: number) => z > 0, "failed"],
    ["z >= 0 (the course)", (z: number) => z >= 0, "passed"],
  ] as const)("an update with %s: %s, named only on the z = 0 case", (_, fires, status) => {
    const update = (w: number[], b: number, x: number[], y: number, lr: number) => {
      const z = w.reduce((s, wi, i) => s + wi * x[i], b);
      const d = lr * (y - (fires(z) ? 1 : 0));
      return { w: w.map((wi, i) => wi + d * x[i]), b: b + d };
    };
    const verdict = attempt(lesson02.perceptronUpdate, update);
    expect(verdict.status).toBe(status);
    if (status === "failed") {
      expect(verdict.case?.name).toMatch(/on the boundary, z = 0/);
      expect(verdict.mistake).toMatch(/strict z > 0/);
    }
  });

  it("every case but the boundary one keeps z and w·x away from 0", () => {
    for (const { name, args } of lesson02.perceptronUpdate.cases) {
      const [w, b, x] = args as [number[], number, number[]];
      const wx = w.reduce((s, wi, i) => s + wi * x[i], 0);
      if (/boundary/.test(name)) expect(wx + b).toBe(0);
      else expect(Math.abs(wx + b)).toBeGreaterThanOrEqual(0.25);
    }
  });

  it("an update that changes w in place gets an invalid verdict", () => {
    const inPlace = (w: number[], b: number, x: number[], y: number, lr: number) => {
      const r = solutions.perceptronUpdate(w, b, x, y, lr);
      r.w.forEach((v, i) => (w[i] = v));
      return { w, b: r.b };
    };
    expect(attempt(lesson02.perceptronUpdate, inPlace).status).toBe("invalid");
  });
});
