// Lesson 1 executed through the tslab kernel (unsolved and solved): its key numbers on the outputs.
import { describe, expect, it } from "vitest";
import { expectChartBundles, expectCheckMarks, lessonNotebooks, outputOf } from "./helpers";

const lesson = lessonNotebooks("01-neuron");

describe.each(lesson.names)("%s executed", (name) => {
  it("prints the neuron by hand, the M–P tables, the ReLU zero fraction and the 2-2-1 output", () => {
    const nb = lesson.executed(name);
    expect(outputOf(nb, "const x1 = 2")).toMatch(/z = 7, y = σ\(z\) = 0\.9991/);
    expect(outputOf(nb, "const and =")).toMatch(/1\s+1\s+1\s*$/m);
    expect(outputOf(nb, "truthTable(or")).toMatch(
      /NOT: weight −1, threshold 0\nx1  y\n--  -\n 0  1\n 1  0/,
    );
    expect(outputOf(nb, "zeroFraction(0)")).toMatch(/exactly 0 \(seed 0\): 0\.4995/);
    expect(outputOf(nb, "const W1")).toMatch(/o1 = 0\.7216/);
  });

  it("sends every chart as a full bundle (vega-lite, svg, text)", () => {
    expectChartBundles(lesson.executed(name), {
      exactly: 4,
      mimeTypes: ["application/vnd.vegalite.v5+json", "image/svg+xml", "text/plain"],
    });
  });

  it("exercise checks: not attempted unsolved, passed solved", () => {
    expectCheckMarks(lesson.executed(name), name, [
      "01-nand",
      "01-sigmoid",
      "01-sigmoid-derivative",
      "01-predict-zeros",
      "01-neuron-output",
    ]);
  });
});
