// Lesson 8's checks: the L2 gradient matches the library's penalty gradient, inverted dropout keeps
// the expectation, any patience from 4 to 16 passes, the stopping-epoch prediction is judged ±3.
import { describe, expect, it } from "vitest";
import { backward } from "../../lib/autograd/backward";
import * as lesson08 from "../../lib/exercises/lessons/lesson-08";
import * as solutions from "../../lib/exercises/solutions/lesson-08";
import { Rng } from "../../lib/rng";
import { l2Penalty } from "../../lib/optim/penalties";
import { tensor } from "../../lib/tensor/creation";
import { attempt } from "./helpers";
import { WRONG_08 } from "./lessons-07-08-wrong";

describe("lesson 8 checks", () => {
  it("l2Gradient equals the gradient of dl.optim.l2Penalty", () => {
    const w = tensor([0.5, -1.5, 2, 0], { requiresGrad: true });
    backward(l2Penalty([w], 0.1));
    expect(solutions.l2Gradient([0.5, -1.5, 2, 0], 0.1)).toEqual(Array.from(w.grad!.data));
  });

  it("inverted dropout: the mean of 20000 ones stays ≈ 1, and the fraction dropped ≈ p", () => {
    const rng = new Rng(1);
    const u = Array.from({ length: 20000 }, () => rng.uniform());
    for (const p of [0.2, 0.5, 0.7]) {
      const out = solutions.invertedDropout(new Array<number>(20000).fill(1), p, u);
      expect(out.reduce((s, v) => s + v, 0) / out.length).toBeCloseTo(1, 1);
      expect(out.filter((v) => v === 0).length / out.length).toBeCloseTo(p, 1);
    }
  });

  it.each([
    [4, "passed"],
    [10, "passed"],
    [16, "passed"],
    [3, "failed"],
    [17, "failed"],
    [1, "failed"],
  ] as const)("patience %i is %s", (patience, status) => {
    expect(attempt(lesson08.patience, patience).status).toBe(status);
  });

  it.each([
    [26, "passed"],
    [23, "passed"],
    [29, "passed"],
    [22, "failed"],
    [16, "failed"],
  ] as const)(
    "predicting that fit stops after %i epochs is %s (it stops after 26)",
    (guess, status) => {
      expect(attempt(lesson08.predictedStopEpoch, guess).status).toBe(status);
    },
  );

  it.each(Object.entries(WRONG_08))(
    "%s: every wrong answer fails with its message",
    (name, wrongs) => {
      const exercise = lesson08[name as keyof typeof lesson08];
      for (const w of wrongs) expect(attempt(exercise, w.answer).mistake).toMatch(w.mistake);
    },
  );
});
