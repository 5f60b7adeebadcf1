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

  it("the prediction's truth: the perceptron learns AND in 5 epochs", () => {
    expect(new Perceptron(2).fit(andGate()).convergedEpoch).toBe(solutions.predictedEpochs);
  });

  it.each([
    [4, "passed"],
    [6, "passed"],
    [8, "failed"],
    [1, "failed"],
  ] as const)("predicting %d epochs (truth 5, within ±1) is %s", (guess, status) => {
    expect(attempt(lesson02.predictedEpochs, guess).status).toBe(status);
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
