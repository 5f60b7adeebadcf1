// The helpers lesson tests use to read executed notebooks.
import { describe, expect, it } from "vitest";
import type { Notebook, NotebookResult } from "../../tools/runner";
import { executedLesson, outputMimeTypes, outputsText } from "./helpers";

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
