// Lesson 3's checks: any 2-2-1 threshold network computing XOR passes; the prediction is exact.
import { describe, expect, it } from "vitest";
import * as lesson03 from "../../lib/exercises/lessons/lesson-03";
import * as solutions from "../../lib/exercises/solutions/lesson-03";
import { xorGate } from "../../lib/data/gates";
import { Perceptron } from "../../lib/nn/perceptron";
import { attempt } from "./helpers";

const step = (z: number): number => (z >= 0 ? 1 : 0);

describe("lesson 3 checks", () => {
  it("the reference computes XOR: 0, 1, 1, 0", () => {
    expect([
      solutions.xorNet(0, 0),
      solutions.xorNet(0, 1),
      solutions.xorNet(1, 0),
      solutions.xorNet(1, 1),
    ]).toEqual([0, 1, 1, 0]);
  });

  it("another right network passes (h1 = OR, h2 = NAND, out = AND)", () => {
    const alt = (x1: number, x2: number) => step(step(x1 + x2 - 0.5) + step(-x1 - x2 + 1.5) - 1.5);
    expect(attempt(lesson03.xorNet, alt).status).toBe("passed");
  });

  it("the prediction's truth: in order from zero weights, every one of the 100 epochs ends with 2 errors", () => {
    const h = new Perceptron(2).fit(xorGate(), { epochs: 100 });
    expect(h.epochs).toBe(100);
    expect(new Set(h.errors)).toEqual(new Set([solutions.predictedXorErrors]));
  });

  it.each([
    [2, "passed"],
    [1, "failed"],
    [2.5, "failed"],
    [0, "failed"],
  ] as const)("predicting %d wrong points (the truth is 2, exactly) is %s", (guess, status) => {
    expect(attempt(lesson03.predictedXorErrors, guess).status).toBe(status);
  });
});
