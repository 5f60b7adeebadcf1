// Lesson 3 executed through the tslab kernel (unsolved and solved): its key numbers on the outputs.
import { describe, expect, it } from "vitest";
import { expectChartBundles, expectCheckMarks, lessonNotebooks, outputOf } from "./helpers";

const lesson = lessonNotebooks("03-xor");

describe.each(lesson.names)("%s executed", (name) => {
  it("the perceptron never converges on XOR in 100 epochs; the MLP reaches 100%", () => {
    const nb = lesson.executed(name);
    expect(outputOf(nb, "const h = p.fit")).toMatch(
      /epochs run: 100, converged: false\nerrors after each epoch: 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, … \(all 100\)\nfewest errors in any epoch: 2/,
    );
    expect(outputOf(nb, "const hShuffled")).toMatch(/shuffled: fewest errors in any epoch 1/);
    expect(outputOf(nb, "const probs")).toMatch(
      /accuracy on XOR: 100%, final loss 0\.0080, 100% first reached in epoch 162/,
    );
    expect(outputOf(nb, "const handXor")).toMatch(/ 0\s+0\s+0\n 0\s+1\s+1\n 1\s+0\s+1\n 1\s+1\s+0/);
  });

  it("a perceptron learns 14 of the 16 functions of two inputs: all but XOR and XNOR", () => {
    const text = outputOf(lesson.executed(name), "function allTwoInputFunctions");
    expect(text).toMatch(/learned: 14 of 16/);
    const never = text.split("\n").filter((l) => /never\s*$/.test(l));
    expect(never.map((l) => l.trim().split(/\s{2,}/)[0])).toEqual(["0 1 1 0", "1 0 0 1"]);
  });

  it("two hidden layers (h2 = AND, h2' = NAND) both compute XOR: no target for a hidden unit", () => {
    const rows = outputOf(lesson.executed(name), "const nandUnit")
      .split("\n")
      .filter((l) => l.startsWith("("));
    expect(rows.map((r) => r.split(/\s+/).slice(1).map(Number))).toEqual([
      [0, 0, 1, 0],
      [0, 1, 1, 1],
      [0, 1, 1, 1],
      [1, 0, 0, 0],
    ]);
  });

  it("draws its charts as bundles with an SVG fallback", () => {
    expectChartBundles(lesson.executed(name), { exactly: 6 });
  });

  it("exercise checks: not attempted unsolved, passed solved", () => {
    expectCheckMarks(lesson.executed(name), name, [
      "03-predict-errors",
      "03-predict-separable",
      "03-xor-by-hand",
      "03-hidden-points",
    ]);
  });
});
