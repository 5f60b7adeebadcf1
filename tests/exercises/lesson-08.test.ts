// Lesson 8's checks: the L1 and L2 gradients match the library's penalties, inverted dropout keeps
// the expectation, pad-and-crop matches dl.data.randomCrop, the patience and the stopping epoch
// are exact (2 and 26: what the lesson's run defines).
import { describe, expect, it } from "vitest";
import { backward } from "../../lib/autograd/backward";
import * as lesson08 from "../../lib/exercises/lessons/lesson-08";
import * as solutions from "../../lib/exercises/solutions/lesson-08";
import { Rng } from "../../lib/data/rng";
import { l1Penalty, l2Penalty } from "../../lib/optim/penalties";
import { randomCrop } from "../../lib/data/augment";
import { PAD_CROP_SLIPS } from "../../lib/exercises/lessons/lesson-08-augment";
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

  it("l1Gradient equals the gradient of dl.optim.l1Penalty, 0 at w = 0", () => {
    const w = tensor([0.5, -1.5, 0, 2], { requiresGrad: true });
    backward(l1Penalty([w], 0.1));
    expect(solutions.l1Gradient([0.5, -1.5, 0, 2], 0.1)).toEqual(Array.from(w.grad!.data));
  });

  it("padCrop equals dl.data.randomCrop's shift (dy, dx) = (top − p, left − p) on every offset", () => {
    const image = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    for (let top = 0; top <= 2; top++)
      for (let left = 0; left <= 2; left++) {
        const viaLibrary = (rngInts: number[]) => {
          const fake = { int: () => rngInts.shift()! } as unknown as Rng;
          const out = randomCrop(tensor([[image]]), { padding: 1, rng: fake });
          return (out.toArray() as number[][][][])[0][0];
        };
        expect(solutions.padCrop(image, 1, top, left)).toEqual(viaLibrary([top - 1, left - 1]));
      }
  });

  it("padCrop: on every case but the unchanged one, the slips differ from the reference and from each other", () => {
    const slips = Object.values(PAD_CROP_SLIPS);
    for (const c of lesson08.padCrop.cases.filter((c) => !/unchanged/.test(c.name))) {
      const [x, p, top, left] = c.args as Parameters<typeof solutions.padCrop>;
      const results = [solutions.padCrop(x, p, top, left), ...slips.map((f) => f(x, p, top, left))];
      const texts = results.map((r) => JSON.stringify(r));
      expect(new Set(texts).size, c.name).toBe(texts.length);
    }
  });

  it.each([
    [2, "passed"],
    [1, "failed"],
    [3, "failed"],
    [16, "failed"],
  ] as const)("the smallest patience is 2: %i is %s", (patience, status) => {
    expect(attempt(lesson08.patience, patience).status).toBe(status);
  });

  it.each([
    [26, "passed"],
    [25, "failed"],
    [27, "failed"],
    [16, "failed"],
  ] as const)(
    "predicting that fit stops after %i epochs is %s (it stops after 26, exactly)",
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
