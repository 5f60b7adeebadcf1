// Lesson 06 executed through the tslab kernel (unsolved and solved): its key numbers on the outputs.
import { describe, expect, it } from "vitest";
import { expectChartBundles, expectCheckMarks, lessonNotebooks, outputOf } from "./helpers";

const lesson = lessonNotebooks("06-gradient-descent");

describe.each(lesson.names)("%s executed", (name) => {
  it("batch sizes per epoch (timed after a warm-up, in ms), smoothest to noisiest, the learning rates, divergence", () => {
    const nb = lesson.executed(name);
    expect(outputOf(nb, "const runs = [1, 8, 64]")).toMatch(
      / 1\s+64\s+[\d.]+ ms\s+2\.840\s+0\.324\s+0\.310\s[\s\S]* 8\s+8\s+[\d.]+ ms\s+13\.213\s+1\.823\s+0\.258\s[\s\S]*64\s+1\s+[\d.]+ ms\s+26\.406\s+20\.369\s+0\.491\s/,
    );
    const rough = outputOf(nb, "function shareOfIncreases");
    expect(rough).toMatch(
      /batch 1: 49\.7% of updates went up\nbatch 8: 44\.7% of updates went up\nbatch 64: 0\.0% of updates went up/,
    );
    expect(rough).toMatch(/from smoothest to noisiest: \[ 64, 8, 1 \]/);
    expect(outputOf(nb, "const perEpoch")).toMatch(/batch 1 goes from 2\.84 to 0\.3102/);
    expect(outputOf(nb, "const paths = ")).toMatch(
      /too small \(η = 0\.02\)\s+11\.500\s+1\.92e\+0[\s\S]*right \(η = 0\.3\)\s+11\.500\s+1\.75e-11[\s\S]*too large \(η = 0\.6\)\s+11\.500\s+1\.08e\+4/,
    );
    expect(outputOf(nb, "const lambdaMax")).toMatch(
      /λmax = 3\.618: steps diverge for η > 2 \/ λmax = 0\.553\n/,
    );
    expect(outputOf(nb, "lr: 20")).toMatch(
      /NonFiniteError: fit: the loss is Infinity at epoch \d+, step 1/,
    );
  });

  it("the gradient noise falls like 1/B; the two valleys, and who escapes the shallow one", () => {
    const nb = lesson.executed(name);
    expect(outputOf(nb, "const variances = ")).toMatch(/ 1\s+3\.49e\+2[\s\S]* 2\s+1\.86e\+2/);
    expect(outputOf(nb, "function bisect")).toMatch(
      /deeper valley w = -1\.107, L = -1\.056\nridge w = 0\.270, L = 1\.130\nshallow valley w = 0\.838, L = 0\.927/,
    );
    const table = outputOf(nb, "function escapeTable");
    for (const [b, sd, runs] of [
      [1, "8.35", 89],
      [2, "5.85", 100],
      [4, "4.07", 58],
      [8, "2.78", 0],
      [16, "1.82", 0],
      [64, "0.00", 0],
    ] as const)
      expect(table).toMatch(
        new RegExp(`\\n\\s*${b}\\s+${sd.replace(".", "\\.")}\\s+${runs} of 100`),
      );
    expect(outputOf(nb, "const valleyPaths")).toMatch(
      /batch 1 goes from -0\.1148 to -0\.3393; batch 2 goes from 0\.5819 to -0\.6583; batch 8 goes from 0\.939 to 0\.8792; batch 64 goes from 0\.965 to 0\.8383/,
    );
  });

  it("Adam's first step is ≈ η for both gradients; momentum and Adam against plain SGD", () => {
    const nb = lesson.executed(name);
    expect(outputOf(nb, "const twoWeights")).toMatch(
      /Adam's first step moves them by \[ 0\.00999995000025, 0\.009999999998 \]\nSGD's first step would move them by \[ 0\.00002, 0\.5 \]/,
    );
    expect(outputOf(nb, "const firstBelow")).toMatch(
      /SGD, η = 0\.05\s+31\s+0\.250[\s\S]*SGD \+ momentum 0\.9, η = 0\.05\s+4\s+0\.100[\s\S]*Adam, η = 0\.01\s+8\s+0\.119/,
    );
  });

  it("draws its charts as bundles with a static fallback", () => {
    expectChartBundles(lesson.executed(name), { exactly: 9, calls: /dl\.show\.(chart|plotly)/ });
  });

  it("exercise checks: not attempted unsolved, passed solved", () => {
    expectCheckMarks(lesson.executed(name), name, [
      "06-predict-smooth-order",
      "06-sgd-epoch",
      "06-adam-step",
      "06-predict-adam-first",
    ]);
  });
});
