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
    expect(outputOf(nb, "zeroFraction(0)")).toMatch(
      /h: \[256,512\], 131072 outputs\nfraction of ReLU outputs that are exactly 0 \(seed 0\): 0\.4995/,
    );
    expect(outputOf(nb, "0.25 ** 10")).toMatch(/0\.25\^10 = 9\.54e-7/);
    expect(outputOf(nb, "const W1")).toMatch(/o1 = 0\.7216/);
  });

  it("ELU bends to −α; a maxout unit's pieces have their own weights, a different one wins", () => {
    const nb = lesson.executed(name);
    expect(outputOf(nb, "const eluPair")).toMatch(
      /ELU, α = 1: +\[ -0\.9933, -0\.6321, 0, 2 \]\nELU, α = 0\.5: \[ -0\.4966, -0\.3161, 0, 2 \]/,
    );
    expect(outputOf(nb, "const pieces")).toMatch(
      /pieces: \[ \[ 3, -1 \], \[ -1, 1\.5 \], \[ -2, -0\.5 \] \]\nmaxout: \[ \[ 3 \], \[ 1\.5 \], \[ -0\.5 \] \]/,
    );
  });

  it("counts dead ReLUs: 160 and 479 of 512 when the biases drop by 1.5 and 2; no leaky ReLU dies", () => {
    expect(outputOf(lesson.executed(name), "function deadUnits")).toMatch(
      /0\s+0\s+0\n\s+1\s+0\s+0\n\s+1\.5\s+160\s+0\n\s+2\s+479\s+0/,
    );
  });

  it("sends every chart as a full bundle (vega-lite, svg, text)", () => {
    expectChartBundles(lesson.executed(name), {
      exactly: 5,
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
