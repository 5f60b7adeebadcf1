// Lesson 04 executed through the tslab kernel (unsolved and solved): its key numbers on the outputs.
import { describe, expect, it } from "vitest";
import { expectChartBundles, expectCheckMarks, lessonNotebooks, outputOf } from "./helpers";

const lesson = lessonNotebooks("04-mlp");

describe.each(lesson.names)("%s executed", (name) => {
  it("the centred table, Alice's forward pass, training and the new people, the error against N", () => {
    const nb = lesson.executed(name);
    expect(outputOf(nb, 'console.log("x ="')).toMatch(
      /x = \[ \[ -2, -1 \], \[ 25, 6 \], \[ 17, 4 \], \[ -15, -6 \] \]/,
    );
    expect(outputOf(nb, "forward221([-2, -1], ones6")).toMatch(
      /h1: 0\.0474258731775667\d*,[\s\S]*o1: 0\.523695174083999\d*/,
    );
    expect(outputOf(nb, "const history = dl.train.fit")).toMatch(
      /MSE: epoch 1 0\.4467 → epoch 1000 0\.0015/,
    );
    expect(outputOf(nb, "const answers")).toMatch(
      /Alice\s+0\.956\s+F[\s\S]*Bob\s+0\.039\s+M[\s\S]*Emily \(new\)\s+0\.967\s+F[\s\S]*Frank \(new\)\s+0\.039\s+M/,
    );
    expect(outputOf(nb, "const fits = unitCounts")).toMatch(/2\s+2\.67e-1\s*\n\s+4\s+4\.03e-3/);
  });

  it("draws its charts as bundles with a static fallback", () => {
    expectChartBundles(lesson.executed(name), { exactly: 5, calls: /dl\.show\.(chart|plotly)/ });
  });

  it("exercise checks: not attempted unsolved, passed solved", () => {
    expectCheckMarks(lesson.executed(name), name, [
      "04-predict-constant-mse",
      "04-alice-output",
      "04-pick-n",
    ]);
  });
});
