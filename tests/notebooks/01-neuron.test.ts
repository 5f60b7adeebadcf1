// Lesson 1 executed through the tslab kernel (unsolved and solved): its key numbers on the outputs.
import { beforeAll, describe, expect, it } from "vitest";
import { cellSource, formatResult, type NotebookResult } from "../../tools/runner";
import { courseResults } from "../course/results";
import { executedLesson, outputMimeTypes, outputsText } from "./helpers";
import type { Notebook } from "../../tools/runner";

const PATHS = ["notebooks/01-neuron.ipynb", "notebooks/solutions/01-neuron.ipynb"];
let results: NotebookResult[] = [];

beforeAll(async () => {
  results = courseResults(PATHS);
}, 600_000);

/** The id of the first code cell whose source contains `text`. */
const cellWith = (nb: Notebook, text: string): string =>
  nb.cells.find((c) => c.cell_type === "code" && cellSource(c).includes(text))!.id!;

describe.each(["01-neuron", "solutions/01-neuron"])("%s executed", (name) => {
  it("runs every cell", () => {
    const r = results.find((x) => x.path.endsWith(`${name}.ipynb`))!;
    expect(r.ok, formatResult(r)).toBe(true);
    expect(r.cellsRun).toBe(r.codeCells);
  });

  it("prints the neuron by hand, the M–P tables, the ReLU zero fraction and the 2-2-1 output", () => {
    const nb = executedLesson(results, name);
    expect(outputsText(nb, cellWith(nb, "const x1 = 2"))).toMatch(/z = 7, y = σ\(z\) = 0\.9991/);
    expect(outputsText(nb, cellWith(nb, "const and ="))).toMatch(/1\s+1\s+1\s*$/m);
    expect(outputsText(nb, cellWith(nb, "truthTable(or"))).toMatch(
      /NOT: weight −1, threshold 0\nx1  y\n--  -\n 0  1\n 1  0/,
    );
    expect(outputsText(nb, cellWith(nb, "zeroFraction(0)"))).toMatch(
      /exactly 0 \(seed 0\): 0\.4995/,
    );
    expect(outputsText(nb, cellWith(nb, "const W1"))).toMatch(/o1 = 0\.7216/);
  });

  it("sends every chart as a full bundle (vega-lite, svg, text)", () => {
    const nb = executedLesson(results, name);
    const charts = nb.cells.filter(
      (c) => c.cell_type === "code" && cellSource(c).includes("dl.show.chart"),
    );
    expect(charts.length).toBe(4);
    for (const c of charts)
      expect(outputMimeTypes(nb, c.id!)).toEqual(
        expect.arrayContaining(["application/vnd.vegalite.v5+json", "image/svg+xml", "text/plain"]),
      );
  });

  it("exercise checks: not attempted unsolved, passed solved", () => {
    const nb = executedLesson(results, name);
    const text = nb.cells
      .map((c) => (c.cell_type === "code" ? outputsText(nb, c.id!) : ""))
      .join("\n");
    const mark = name.startsWith("solutions") ? "✓" : "○";
    for (const id of [
      "01-nand",
      "01-sigmoid",
      "01-sigmoid-derivative",
      "01-predict-zeros",
      "01-neuron-output",
    ])
      expect(text).toContain(`${mark} ${id} `);
  });
});
