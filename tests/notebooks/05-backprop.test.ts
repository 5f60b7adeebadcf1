// Lesson 05 executed through the tslab kernel (unsolved and solved): its key numbers on the outputs.
import { describe, expect, it } from "vitest";
import { expectChartBundles, expectCheckMarks, lessonNotebooks, outputOf } from "./helpers";

const lesson = lessonNotebooks("05-backprop");

describe.each(lesson.names)("%s executed", (name) => {
  it("the chain-rule factors for Alice and the three checks agree; accumulation; vanishing gradients", () => {
    const nb = lesson.executed(name);
    expect(outputOf(nb, "const dL_dw1 =")).toMatch(
      /dL_dyPred: -0\.95260965183\d*,\s*dyPred_dh1: 0\.24943853872\d*,\s*dh1_dw1: -0\.09035331946\d*,\s*dL_dw1: 0\.02146953526\d*/,
    );
    expect(outputOf(nb, "math.derivative(lossExpr")).toMatch(/∂L\/∂w1 = 0\.021469535265/);
    expect(outputOf(nb, "dl.gradCheck(aliceLoss")).toMatch(/gradient check passed/);
    const ways = outputOf(nb, "const ways =");
    for (const way of [
      "chain rule",
      "mathjs derivative",
      "dl.Value backward",
      "central difference",
    ])
      expect(ways).toMatch(new RegExp(`${way}[^\\n]*0\\.0214695353`));
    expect(outputOf(nb, "c.backward();")).toMatch(/after one backward\(\): 6\nafter two: 12/);
    expect(outputOf(nb, "const firstOverLast")).toMatch(
      /first \/ last layer, sigmoid: 1\.4e-6 {2}ReLU: 0\.63\n/,
    );
    expect(outputOf(nb, "const firstOverLast")).toMatch(/sigmoid goes from 1\.909e-7 to 0\.1357/);
  });

  it("batch normalisation: mean 0 and variance 1, gradients 1.25 first/last, 0.09 → 0.89 accuracy", () => {
    const nb = lesson.executed(name);
    expect(outputOf(nb, "const zHat")).toMatch(
      /largest \|mean\|: \de-1[5-7] {2}variances: 1\.00000, 1\.00000, 1\.00000/,
    );
    expect(outputOf(nb, "const normalizedNorms")).toMatch(
      /first \/ last layer, sigmoid \+ normalisation: 1\.25\n/,
    );
    const training = outputOf(nb, "const lastAccuracy");
    expect(training).toMatch(/sigmoid goes from 2\.368 to 2\.314/);
    expect(training).toMatch(/sigmoid \+ normalisation goes from 1\.293 to 0\.3873/);
    expect(training).toMatch(
      /training accuracy in epoch 5: sigmoid 0\.09, sigmoid \+ normalisation 0\.89 \(chance: 0\.10\)\nthe loss of guessing among 10 classes: ln 10 = 2\.30\n/,
    );
    expect(outputOf(nb, "const digitData")).toMatch(/digits: \[ 1797, 64 \] labels: \[ 1797 \]/);
  });

  it("draws its charts as bundles with a static fallback", () => {
    expectChartBundles(lesson.executed(name), { exactly: 5, calls: /dl\.show\.(chart|plotly)/ });
  });

  it("exercise checks: not attempted unsolved, passed solved", () => {
    expectCheckMarks(lesson.executed(name), name, [
      "05-predict-accumulate",
      "05-grad-w5",
      "05-grad-b3",
      "05-tanh-backward",
    ]);
  });
});
