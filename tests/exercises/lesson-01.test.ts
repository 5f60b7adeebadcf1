// Lesson 1's checks beyond the catalog's generic tests: other right answers pass too, and the
// targeted messages name the wrong input (see lessons-00-04-wrong.ts for the wrong answers).
import { describe, expect, it } from "vitest";
import * as lesson01 from "../../lib/exercises/lessons/lesson-01";
import { mcCullochPitts, truthTable } from "../../lib/nn/mcculloch-pitts";
import * as solutions from "../../lib/exercises/solutions/lesson-01";
import { WRONG_01 } from "./lessons-00-04-wrong";
import { attempt } from "./helpers";

describe("lesson 1 checks", () => {
  it("the reference NAND's truth table is 1, 1, 1, 0", () => {
    expect(truthTable(solutions.nand, 2).map((r) => r.y)).toEqual([1, 1, 1, 0]);
  });

  it.each([
    ["weights [−2, −2], θ −3", mcCullochPitts({ weights: [-2, -2], threshold: -3 })],
    ["weights [−1, −1], θ −1.5", mcCullochPitts({ weights: [-1, -1], threshold: -1.5 })],
    ["a plain function", (x: readonly number[]) => (x[0] && x[1] ? 0 : 1)],
  ])("another right NAND passes: %s", (_, gate) => {
    expect(attempt(lesson01.nand, gate).status).toBe("passed");
  });

  it("σ(2) = 0.8808 and σ′(0) = 0.25 are what the references compute", () => {
    expect(solutions.sigmoid(2)).toBeCloseTo(0.880797, 6);
    expect(solutions.sigmoidDerivative(0)).toBe(0.25);
    expect(solutions.neuronOutput([2, 3], [0, 1], 4)).toBeCloseTo(0.999089, 6); // σ(7)
  });

  it.each(Object.entries(WRONG_01).flatMap(([name, ws]) => ws.map((w) => [name, w] as const)))(
    "%s: a wrong answer fails with its message and names the case",
    (name, { answer, mistake }) => {
      const verdict = attempt(lesson01[name as keyof typeof lesson01], answer);
      expect(verdict.status).toBe("failed");
      expect(verdict.mistake).toMatch(mistake);
      expect(verdict.case?.name).toBeTruthy();
    },
  );

  it("a sigmoid that returns the wrong number with no known mistake fails without a mistake", () => {
    const verdict = attempt(lesson01.sigmoid, (z: number) => 0.5 + z / 100);
    expect(verdict.status).toBe("failed");
    expect(verdict.mistake).toBeUndefined();
  });
});
