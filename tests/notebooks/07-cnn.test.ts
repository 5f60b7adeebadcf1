// Lesson 7 executed through the tslab kernel (unsolved and solved): its key numbers on the outputs.
import { describe, expect, it } from "vitest";
import { cellSource } from "../../tools/runner";
import {
  expectChartBundles,
  expectCheckMarks,
  lessonNotebooks,
  maskTimings,
  outputOf,
} from "./helpers";

const lesson = lessonNotebooks("07-cnn");

describe.each(lesson.names)("%s executed", (name) => {
  it("the lecture's numbers: first value 5 term by term, the 6x6 destination, pooling [[8,9],[5,6]]", () => {
    const nb = lesson.executed(name);
    expect(outputOf(nb, "firstValueTerms(source, kernel)")).toContain(
      "(-1×5)+(0×2)+(1×6)+(2×4)+(1×3)+(2×4)+(1×3)+(-2×9)+(0×2) = 5",
    );
    const destination = outputOf(nb, "const destination = ").replace(/\s+/g, "");
    expect(destination).toBe(
      "[[5,31,5,11,15,27],[14,25,11,23,42,30],[12,9,37,23,22,-5],[24,11,33,3,18,21],[39,13,11,0,2,17],[29,6,20,17,17,14]]",
    );
    expect(outputOf(nb, "const maxPooled")).toContain("max pooling: [[[[8,9],[5,6]]]]");
    expect(outputOf(nb, "const maxPooled")).toContain("average pooling: [[[[5,5.5],[3.5,3]]]]");
  });

  it("the CNN (seed 1) reaches 0.978 on 449 held-out digits and 0.993 on its training digits; CNN > MLP > linear on every seed", () => {
    const nb = lesson.executed(name);
    const seed1 = outputOf(nb, "const cnnAccuracy");
    expect(seed1).toMatch(/model seed 1, held-out accuracy: CNN 0\.978, MLP 0\.976\n/);
    expect(seed1).toMatch(/the CNN on its own 1348 training digits: 0\.993 \(10 wrong\)/);
    const ranking = outputOf(nb, "type Model");
    expect(ranking).toMatch(/1\s+0\.9777\s+0\.9755\s+0\.9577\n2\s+0\.9777\s+0\.9644\s+0\.9621\n/);
    expect(ranking).toMatch(
      /mean held-out accuracy: CNN 0\.976, MLP 0\.970, linear 0\.960 \(chance: 0\.1\)/,
    );
    expect(ranking).toMatch(
      /ranking: CNN > MLP > linear\nthe CNN beats the MLP on 3 of 3 seeds, the MLP beats the linear model on 3\n/,
    );
    expect(outputOf(nb, "console.log(cnn.summary())")).toMatch(/total\s+1898[\s\S]*total\s+1810/);
    expect(outputOf(nb, "const alexnet")).toMatch(/AlexNet: 61\.0 million parameters, 32121 times/);
    expect(outputOf(nb, "const alexnet")).toMatch(/convolutions: 2\.3 million \(4%\)/);
  });

  it("the appendix times the kernels with units; two runs differ only inside the masks", () => {
    const [a, b] = lesson.names.map((n) => outputOf(lesson.executed(n), "const timings"));
    for (const text of [a, b]) {
      expect(text).toMatch(
        /conv2dReference \(naive loops\)\s+\d+\.\d\d ms\s+1×\s*\n[\s\S]*TypeScript micro-kernel\)\s+\d+\.\d\d ms\s+\d+\.\d×\s+0\s*\n[\s\S]*conv2dForward \(fast\)\s+\d+\.\d\d ms\s+\d+\.\d×\s+0\s*$/,
      );
      expect(maskTimings(text)).not.toMatch(/\d+\.\d\d ms|\d×/);
    }
    expect(maskTimings(a).replace(/ +/g, " ")).toBe(maskTimings(b).replace(/ +/g, " "));
    const cells = lesson.executed(name).cells;
    expect(cells.findIndex((c) => cellSource(c).includes("const timings"))).toBeGreaterThan(
      cells.findIndex((c) => cellSource(c).includes("## Summary")),
    );
  });

  it("draws its charts as bundles with an SVG fallback", () => {
    expectChartBundles(lesson.executed(name), { atLeast: 10 });
  });

  it("exercise checks: not attempted unsolved, passed solved", () => {
    expectCheckMarks(lesson.executed(name), name, [
      "07-conv2d",
      "07-max-pool",
      "07-output-size",
      "07-shared-params",
      "07-predict-ranking",
    ]);
  });
});
