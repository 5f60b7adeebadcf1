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
      /w5·h1 \+ w6·h2 \+ b3 = 0\.0949\n\{\s+h1: 0\.0474258731775667\d*,[\s\S]*o1: 0\.523695174083999\d*/,
    );
    expect(outputOf(nb, "lectureNet(ones6, zeros3), table.x)")).toMatch(
      /\[\[0\.5237\],\s+\[0\.8808\],\s+\[0\.8808\],\s+\[0\.5000\]\]/,
    );
    expect(outputOf(nb, "const history = dl.train.fit")).toMatch(
      /MSE: epoch 1 0\.4467 → epoch 1000 0\.0015/,
    );
    expect(outputOf(nb, "const rawPeople")).toMatch(
      /Alice\s+133\s+65\s+0\.956\s+F[\s\S]*Bob\s+160\s+72\s+0\.039\s+M[\s\S]*Emily \(new\)\s+128\s+63\s+0\.967\s+F[\s\S]*Frank \(new\)\s+155\s+68\s+0\.039\s+M/,
    );
    expect(outputOf(nb, "const fits = unitCounts")).toMatch(
      /1\s+2\.90e-1\s*\n\s+2\s+2\.67e-1\s*\n\s+4\s+4\.03e-3\s*\n\s+8\s+2\.12e-3\s*\n\s+16\s+7\.64e-4/,
    );
  });

  it("one gradient descent step lowers Alice's loss: 0.4123 → 0.2952, 0.0046 after 50 steps", () => {
    const nb = lesson.executed(name);
    expect(outputOf(nb, "function gradients221")).toMatch(
      /L = 0\.4123\n∂L\/∂w1…w6 = \[ 0\.2321, 0\.116, -0\.1387, -0\.0694, -0\.0794, -0\.1837 \]\n∂L\/∂b1…b3 = \[ -0\.116, 0\.0694, -0\.2951 \]/,
    );
    expect(outputOf(nb, "function descend")).toMatch(
      /Alice's loss: 0\.4123 at the start\nafter 1 step: 0\.2952, after 50 steps: 0\.0046/,
    );
  });

  it("equal initial weights keep h1 = h2 exactly: XOR stuck at 75 %, random start 100 %", () => {
    const rows = outputOf(lesson.executed(name), "function trainFrom")
      .split("\n")
      .filter((l) => /all 0\.5|random/.test(l))
      .map((l) => l.trim().split(/\s{2,}/));
    expect(rows).toEqual([
      ["the lecture's table", "all 0.5", "0.0002", "1", "0"],
      ["the lecture's table", "random", "0.0002", "1", "0.01595"],
      ["XOR", "all 0.5", "0.1888", "0.75", "0"],
      ["XOR", "random", "0.0114", "1", "0.7873"],
    ]);
  });

  it("two inputs: the error falls with N (1.50e-1, 8.05e-3, 1.72e-3)", () => {
    expect(outputOf(lesson.executed(name), "function fitPlane")).toMatch(
      /1\s+1\.50e-1\s*\n\s+3\s+8\.05e-3\s*\n\s+12\s+1\.72e-3/,
    );
  });

  it("draws its charts as bundles with a static fallback", () => {
    expectChartBundles(lesson.executed(name), { exactly: 6, calls: /dl\.show\.(chart|plotly)/ });
  });

  it("exercise checks: not attempted unsolved, passed solved", () => {
    expectCheckMarks(lesson.executed(name), name, [
      "04-predict-constant-mse",
      "04-gd-step",
      "04-alice-output",
      "04-pick-n",
    ]);
  });
});
