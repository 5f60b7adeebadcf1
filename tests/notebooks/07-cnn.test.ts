// Lesson 7 executed through the tslab kernel (unsolved and solved): its key numbers on the outputs.
import { describe, expect, it } from "vitest";
import { expectChartBundles, expectCheckMarks, lessonNotebooks, outputOf } from "./helpers";

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

  it("the CNN (seed 1) reaches 0.978 on 449 held-out digits, far above chance, and wins on 3 of 3 seeds", () => {
    const nb = lesson.executed(name);
    expect(outputOf(nb, "const cnnAccuracy")).toMatch(
      /model seed 1: CNN held-out accuracy 0\.978, MLP 0\.976/,
    );
    expect(outputOf(nb, "const seedRows")).toMatch(
      /mean held-out accuracy: CNN 0\.976, MLP 0\.970; the CNN wins on 3 of 3 seeds/,
    );
    expect(outputOf(nb, "const alexnet")).toMatch(/AlexNet: 61\.0 million parameters/);
    expect(outputOf(nb, "const alexnet")).toMatch(/convolutions: 2\.3 million \(4%\)/);
    expect(outputOf(nb, "timeConvolutions()")).toMatch(/conv2dForward \(fast\)/);
    expect(outputOf(nb, "timeConvolutions()")).toMatch(
      /conv2dForward \(fast, TypeScript micro-kernel\)/,
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
      "07-predict-cnn-wins",
    ]);
  });
});
