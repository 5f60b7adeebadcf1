// Lesson 2 executed through the tslab kernel (unsolved and solved): its key numbers on the outputs.
import { describe, expect, it } from "vitest";
import { expectChartBundles, expectCheckMarks, lessonNotebooks, outputOf } from "./helpers";

const lesson = lessonNotebooks("02-perceptron");

describe.each(lesson.names)("%s executed", (name) => {
  it("prints the hand step, convergence in 10 epochs (seed 10), the table in 1 epoch", () => {
    const nb = lesson.executed(name);
    expect(outputOf(nb, "function oneStep")).toMatch(
      /\{ z: 0\.25, yHat: 1, delta: -1, w: \[ 0\.3, -1\.1 \], b: 0\.15 \}/,
    );
    expect(outputOf(nb, "const perceptron =")).toMatch(
      /converged after 10 epochs \(seed 10\); errors per epoch: 1, 1, 3, 1, 1, 1, 1, 2, 3, 0/,
    );
    expect(outputOf(nb, "const pg =")).toMatch(/converged after 1 epoch; w = \[-25,-6\], b = -1/);
  });

  it("AND: right after epoch 5 (errors 3, 2, 1, 2, 0; updates 2, 3, 3, 2, 1), either comparison", () => {
    const nb = lesson.executed(name);
    const rows = outputOf(nb, "const andPerceptron")
      .split("\n")
      .filter((l) => /^\s*\d/.test(l));
    // the check's verdict follows the table's last row on the same line: keep six numbers
    expect(rows.map((r) => (r.match(/-?\d+/g) ?? []).slice(0, 6).map(Number))).toEqual([
      [1, 1, 1, 0, 3, 2],
      [2, 2, 1, -1, 2, 3],
      [3, 2, 1, -2, 1, 3],
      [4, 2, 2, -2, 2, 2],
      [5, 2, 1, -3, 0, 1],
    ]);
    expect(outputOf(nb, "function learnAnd")).toMatch(
      /z >= 0 \(the course\): \{ epoch: 5, w: \[ 2, 1 \], b: -3 \}\nz > 0 \(strict\): +\{ epoch: 5, w: \[ 2, 1 \], b: -2 \}/,
    );
    expect(outputOf(nb, "const halfLr")).toMatch(
      /η = 0\.5: all right after epoch 5; w = \[1,0\.5\], b = -1\.5/,
    );
  });

  it("draws the scatter, the errors, the boundary panels and slider, the table's boundary", () => {
    expectChartBundles(lesson.executed(name), { exactly: 5 });
  });

  it("exercise checks: not attempted unsolved, passed solved", () => {
    expectCheckMarks(lesson.executed(name), name, [
      "02-update-rule",
      "02-boundary-x2",
      "02-predict-epochs",
      "02-predict-lr",
    ]);
  });
});
