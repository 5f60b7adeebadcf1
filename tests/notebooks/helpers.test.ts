// The helpers lesson tests use to read executed notebooks.
import { describe, expect, it } from "vitest";
import type { Notebook, NotebookResult } from "../../tools/runner";
import {
  executedLesson,
  expectChartBundles,
  expectCheckMarks,
  lessonNotebooks,
  outputMimeTypes,
  outputOf,
  outputsText,
} from "./helpers";

const nb: Notebook = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: [
    { id: "intro", cell_type: "markdown", source: "# t", metadata: {} },
    {
      id: "train",
      cell_type: "code",
      source: "fit()",
      metadata: { tags: ["key-number"] },
      execution_count: 1,
      outputs: [
        { output_type: "stream", name: "stdout", text: "loss 0.12\n" },
        {
          output_type: "display_data",
          data: { "text/plain": "chart", "image/svg+xml": "<svg/>" },
          metadata: {},
        },
        { output_type: "error", ename: "Error", evalue: "boom", traceback: [] },
      ],
    },
  ],
};

describe("outputsText / outputMimeTypes / executedLesson", () => {
  it.each([1, "train", "key-number"])(
    "outputsText(nb, %j) joins the cell's text outputs",
    (which) => {
      expect(outputsText(nb, which)).toBe("loss 0.12\nchartError: boom\n");
    },
  );

  it("outputMimeTypes lists every MIME type of the displays", () => {
    expect(outputMimeTypes(nb, "train")).toEqual(["text/plain", "image/svg+xml"]);
  });

  it("throws a named message for an unknown cell or lesson", () => {
    expect(() => outputsText(nb, "nope")).toThrow(/findCell: no cell "nope"/);
    expect(() => executedLesson([], "01-neuron")).toThrow(/no lesson 01-neuron\.ipynb/);
  });

  it("executedLesson finds a lesson by the end of its path", () => {
    const result = { path: "notebooks/solutions/01-neuron.ipynb", executed: nb } as NotebookResult;
    expect(executedLesson([result], "solutions/01-neuron")).toBe(nb);
  });
});

describe("outputOf / expectChartBundles / expectCheckMarks / lessonNotebooks", () => {
  const code = (source: string, outputs: Notebook["cells"][number]["outputs"]) => ({
    cell_type: "code" as const,
    source,
    metadata: {},
    execution_count: 1,
    outputs,
  });
  const svg = { "text/plain": "c", "image/svg+xml": "<svg/>", "image/png": "iVBORw0KGgo=" };
  const shown = (data: Record<string, string>) => [
    { output_type: "display_data" as const, data, metadata: {} },
  ];
  const lessonNb = (checks: string): Notebook => ({
    ...nb,
    cells: [
      { cell_type: "markdown", source: "dl.show.chart(x)", metadata: {} },
      code("dl.show.chart(a)", shown(svg)),
      code("dl.show.plotly(b)", shown({ "text/plain": "p" })),
      code("check()", [{ output_type: "stream", name: "stdout", text: checks }]),
    ],
  });

  it("outputOf reads the first code cell containing the text, or names what is missing", () => {
    expect(outputOf(nb, "fit(")).toBe("loss 0.12\nchartError: boom\n");
    expect(() => outputOf(nb, "# t")).toThrow(/outputOf: no code cell whose source contains "# t"/);
  });

  it.each([
    [{ exactly: 1 }, true],
    [{ atLeast: 1 }, true],
    [{ exactly: 2 }, false],
    [{ atLeast: 2 }, false],
    [{ exactly: 2, calls: /dl\.show\.(chart|plotly)/ }, false], // the plotly cell has no SVG
    [{ exactly: 1, mimeTypes: ["image/png"] }, true],
    [{ exactly: 1, mimeTypes: ["text/plain", "image/svg+xml"] }, true],
    [{ exactly: 1, mimeTypes: ["application/vnd.vegalite.v5+json"] }, false],
  ] as const)("expectChartBundles(nb, %j) passes: %s", (options, passes) => {
    const check = () => expectChartBundles(lessonNb(""), options);
    if (passes) check();
    else expect(check).toThrow();
  });

  it.each([
    ["01-neuron", "○ 01-a ok\n○ 01-b ok\n", true],
    ["solutions/01-neuron", "✓ 01-a ok\n✓ 01-b ok\n", true],
    ["01-neuron", "✓ 01-a ok\n✓ 01-b ok\n", false],
    ["solutions/01-neuron", "✓ 01-a ok\n", false],
  ])("expectCheckMarks(%s, %j) passes: %s", (name, checks, passes) => {
    const check = () => expectCheckMarks(lessonNb(checks), name, ["01-a", "01-b"]);
    if (passes) check();
    else expect(check).toThrow(/01-b/);
  });

  it("lessonNotebooks names both copies and reads them from the course run", () => {
    const lesson = lessonNotebooks("01-neuron");
    expect(lesson.names).toEqual(["01-neuron", "solutions/01-neuron"]);
    for (const name of lesson.names) expect(lesson.executed(name).cells.length).toBeGreaterThan(0);
    expect(lesson.executed(lesson.names[0])).toBe(lesson.executed(lesson.names[0]));
    expect(() => lesson.executed("02-perceptron")).toThrow(/no lesson 02-perceptron\.ipynb/);
  });
});
