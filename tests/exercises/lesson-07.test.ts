// Lesson 7's checks: the reference reproduces the lecture's numbers; other right answers pass
// (the library's conv2d and maxPool2d wrapped as functions of arrays).
import { describe, expect, it } from "vitest";
import * as lesson07 from "../../lib/exercises/lessons/lesson-07";
import * as solutions from "../../lib/exercises/solutions/lesson-07";
import { conv2d as libConv2d } from "../../lib/nn/conv";
import { maxPool2d } from "../../lib/nn/pool";
import { tensor } from "../../lib/tensor/creation";
import { attempt } from "./helpers";
import { WRONG_07 } from "./lessons-07-08-wrong";
import { KERNEL, SOURCE } from "../lecture-convolution";

const LECTURE_POOL = [
  [4, 1, 5, 0],
  [7, 8, 9, 8],
  [3, 5, 6, 5],
  [2, 4, 1, 0],
];

const viaLibrary = (s: number[][], k: number[][]) =>
  (libConv2d(tensor([[s]]), tensor([[k]]), null).toArray() as number[][][][])[0][0];

describe("lesson 7 checks", () => {
  it("the reference conv2d gives 5 first and the library's whole destination layer", () => {
    const d = solutions.conv2d(SOURCE, KERNEL);
    expect(d[0][0]).toBe(5);
    expect(d).toEqual(viaLibrary(SOURCE, KERNEL));
  });

  it("a conv2d written on the library's dl.nn.conv2d passes", () => {
    expect(attempt(lesson07.conv2d, viaLibrary).status).toBe("passed");
  });

  it("the reference maxPool gives [[8, 9], [5, 6]] on the lecture's layer, and the library's version passes", () => {
    expect(solutions.maxPool(LECTURE_POOL, 2)).toEqual([
      [8, 9],
      [5, 6],
    ]);
    const viaPool = (x: number[][], size: number) =>
      (maxPool2d(tensor([[x]]), { size }).toArray() as number[][][][])[0][0];
    expect(attempt(lesson07.maxPool, viaPool).status).toBe("passed");
  });

  it.each([
    [8, 3, 0, 1, 6],
    [8, 3, 1, 1, 8],
    [8, 3, 1, 2, 4],
    [227, 11, 0, 4, 55],
  ])("outputSize(%i, %i, %i, %i) = %i", (n, k, p, s, o) => {
    expect(solutions.outputSize(n, k, p, s)).toBe(o);
  });

  it.each(Object.entries(WRONG_07))(
    "%s: every wrong answer fails with its message",
    (name, wrongs) => {
      const exercise = lesson07[name as keyof typeof lesson07];
      for (const w of wrongs) expect(attempt(exercise, w.answer).mistake).toMatch(w.mistake);
    },
  );

  it("a maxPool that starts each window from 0 passes the lecture's layer but not the negative one", () => {
    const fromZero = (x: number[][], size: number) =>
      solutions.maxPool(x, size).map((r) => r.map((v) => Math.max(0, v)));
    expect(fromZero(LECTURE_POOL, 2)).toEqual(solutions.maxPool(LECTURE_POOL, 2));
    const v = attempt(lesson07.maxPool, fromZero);
    expect(v.case?.name).toMatch(/only negative numbers/);
    expect(v.mistake).toMatch(/-Infinity/);
  });

  it("sharedParams: the two convolutions' 80 + 1168 = 1248 of the 1898 (the dense 650 are not shared)", () => {
    expect(solutions.sharedParams).toBe(1248);
    expect(solutions.sharedParams + 650).toBe(1898);
  });

  it.each([
    [["CNN", "MLP", "linear"], "passed"],
    [["MLP", "CNN", "linear"], "failed"],
    [["CNN", "MLP"], "invalid"],
  ] as const)(
    "predicting the ranking %j is %s (the truth is CNN, MLP, linear)",
    (guess, status) => {
      expect(attempt(lesson07.predictedRanking, [...guess]).status).toBe(status);
    },
  );
});
