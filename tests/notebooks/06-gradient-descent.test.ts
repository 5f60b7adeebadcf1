// Lesson 06 executed through the tslab kernel (unsolved and solved): its key numbers on the outputs.
import { describe, expect, it } from "vitest";
import { expectChartBundles, expectCheckMarks, lessonNotebooks, outputOf } from "./helpers";

const lesson = lessonNotebooks("06-gradient-descent");

describe.each(lesson.names)("%s executed", (name) => {
  it("batch sizes per epoch, the smoothest curve, the learning rates, divergence", () => {
    const nb = lesson.executed(name);
    expect(outputOf(nb, "const runs = [1, 8, 64]")).toMatch(
      / 1\s+64\s+[\d.]+\s+2\.840\s+0\.310[\s\S]* 8\s+8\s+[\d.]+\s+13\.213\s+0\.258[\s\S]*64\s+1\s+[\d.]+\s+26\.406\s+0\.491/,
    );
    expect(outputOf(nb, "function shareOfIncreases")).toMatch(/batch 64: 0\.0% of updates went up/);
    expect(outputOf(nb, "const paths = ")).toMatch(
      /too small \(η = 0\.02\)\s+11\.500\s+1\.92e\+0[\s\S]*right \(η = 0\.3\)\s+11\.500\s+1\.75e-11[\s\S]*too large \(η = 0\.6\)\s+11\.500\s+1\.08e\+4/,
    );
    expect(outputOf(nb, "lr: 20")).toMatch(
      /NonFiniteError: fit: the loss is Infinity at epoch \d+, step 1/,
    );
  });

  it("draws its charts as bundles with a static fallback", () => {
    expectChartBundles(lesson.executed(name), { exactly: 7, calls: /dl\.show\.(chart|plotly)/ });
  });

  it("exercise checks: not attempted unsolved, passed solved", () => {
    expectCheckMarks(lesson.executed(name), name, ["06-predict-smoothest", "06-sgd-epoch"]);
  });
});
