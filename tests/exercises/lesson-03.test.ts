// Lesson 3's checks: any 2-2-1 threshold network computing XOR passes; the prediction is a boolean.
import { describe, expect, it } from "vitest";
import * as lesson03 from "../../lib/exercises/lessons/lesson-03";
import * as solutions from "../../lib/exercises/solutions/lesson-03";
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

  it.each([
    [false, "passed"],
    [true, "failed"],
  ] as const)("predicting converges = %s is %s (the truth is false)", (guess, status) => {
    expect(attempt(lesson03.predictedConverges, guess).status).toBe(status);
  });
});
