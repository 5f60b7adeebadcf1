// Lesson 0 executed through the tslab kernel (unsolved and solved): its key numbers on the outputs.
import { describe, expect, it } from "vitest";
import { expectChartBundles, expectCheckMarks, lessonNotebooks, outputOf } from "./helpers";

const lesson = lessonNotebooks("00-welcome");

describe.each(lesson.names)("%s executed", (name) => {
  it("prints the tensor, the sum 21, broadcasting, the shape error and the first gradient 20", () => {
    const nb = lesson.executed(name);
    expect(outputOf(nb, "console.log(x.sum())")).toMatch(/tensor\(21, shape=\[\]\)/);
    expect(outputOf(nb, "x.add(bias)")).toMatch(/\[\[11, 22, 33\],\s+\[14, 25, 36\]\]/);
    expect(outputOf(nb, "dl.matmul(x, x)")).toMatch(
      /ShapeError: matmul: inner dimensions must match, got \[2, 3\] @ \[2, 3\]/,
    );
    expect(outputOf(nb, "loss.backward()")).toMatch(/L = 25\s+dL\/dw = 20/);
    expect(outputOf(nb, "dl.gradCheck(")).toMatch(/gradient check passed/);
  });

  it("the timeline holds both winters, 2006's layer-wise pretraining and the years the prose names", () => {
    const text = outputOf(lesson.executed(name), "dl.plot.timeline()");
    for (const year of [1943, 1958, 1969, 1986, 1989, 1995, 1998, 2006, 2009, 2010, 2012])
      expect(text).toContain(`${year} `);
    for (const year of [2014, 2015, 2016, 2024]) expect(text).toContain(`${year} `);
    expect(text).toMatch(/2006 Layer-wise pretraining \(Hinton, Salakhutdinov\)/);
    expect(text).toMatch(/1995 Support vector machines: the second winter/);
  });

  it("draws the timeline as a bundle with an SVG fallback", () => {
    expectChartBundles(lesson.executed(name), { exactly: 1 });
  });

  it("exercise checks: not attempted unsolved, passed solved", () => {
    expectCheckMarks(lesson.executed(name), name, [
      "00-first-tensor",
      "00-average",
      "00-broadcast-shape",
      "00-predict-sum",
    ]);
  });
});
