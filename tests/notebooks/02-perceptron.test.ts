// Lesson 2 executed through the tslab kernel (unsolved and solved): its key numbers on the outputs.
import { describe, expect, it } from "vitest";
import { expectChartBundles, expectCheckMarks, lessonNotebooks, outputOf } from "./helpers";

const lesson = lessonNotebooks("02-perceptron");

describe.each(lesson.names)("%s executed", (name) => {
  it("prints the hand step, convergence in 10 epochs (seed 10), the table in 1 epoch, AND in 5", () => {
    const nb = lesson.executed(name);
    expect(outputOf(nb, "function oneStep")).toMatch(/w: \[ 0\.3, -1\.1 \], b: 0\.15/);
    expect(outputOf(nb, "const perceptron =")).toMatch(
      /converged after 10 epochs \(seed 10\); errors per epoch: 1, 1, 3, 1, 1, 1, 1, 2, 3, 0/,
    );
    expect(outputOf(nb, "const pg =")).toMatch(/converged after 1 epoch; w = \[-25,-6\], b = -1/);
    expect(outputOf(nb, "const andPerceptron")).toMatch(/ 5\s+2\s+1\s+-3\s+0/);
  });

  it("draws the scatter, the errors, the boundary panels and slider, the table's boundary", () => {
    expectChartBundles(lesson.executed(name), { exactly: 5 });
  });

  it("exercise checks: not attempted unsolved, passed solved", () => {
    expectCheckMarks(lesson.executed(name), name, ["02-update-rule", "02-predict-epochs"]);
  });
});
