// Lesson 2 executed through the tslab kernel (unsolved and solved): its key numbers on the outputs.
import { beforeAll, describe, expect, it } from "vitest";
import { cellSource, formatResult, type NotebookResult } from "../../tools/runner";
import { courseResults } from "../course/results";
import { executedLesson, outputMimeTypes, outputsText } from "./helpers";
import type { Notebook } from "../../tools/runner";

const PATHS = ["notebooks/02-perceptron.ipynb", "notebooks/solutions/02-perceptron.ipynb"];
let results: NotebookResult[] = [];

beforeAll(async () => {
  results = courseResults(PATHS);
}, 600_000);

/** The id of the first code cell whose source contains `text`. */
const cellWith = (nb: Notebook, text: string): string =>
  nb.cells.find((c) => c.cell_type === "code" && cellSource(c).includes(text))!.id!;

describe.each(["02-perceptron", "solutions/02-perceptron"])("%s executed", (name) => {
  it("runs every cell", () => {
    const r = results.find((x) => x.path.endsWith(`${name}.ipynb`))!;
    expect(r.ok, formatResult(r)).toBe(true);
    expect(r.cellsRun).toBe(r.codeCells);
  });

  it("prints the hand step, convergence in 10 epochs (seed 10), the table in 1 epoch, AND in 5", () => {
    const nb = executedLesson(results, name);
    expect(outputsText(nb, cellWith(nb, "function oneStep"))).toMatch(
      /w: \[ 0\.3, -1\.1 \], b: 0\.15/,
    );
    expect(outputsText(nb, cellWith(nb, "const perceptron ="))).toMatch(
      /converged after 10 epochs \(seed 10\); errors per epoch: 1, 1, 3, 1, 1, 1, 1, 2, 3, 0/,
    );
    expect(outputsText(nb, cellWith(nb, "const pg ="))).toMatch(
      /converged after 1 epoch; w = \[-25,-6\], b = -1/,
    );
    expect(outputsText(nb, cellWith(nb, "const andPerceptron"))).toMatch(/ 5\s+2\s+1\s+-3\s+0/);
  });

  it("draws the scatter, the errors, the boundary panels and slider, the table's boundary", () => {
    const nb = executedLesson(results, name);
    const charts = nb.cells.filter(
      (c) => c.cell_type === "code" && cellSource(c).includes("dl.show.chart"),
    );
    expect(charts.length).toBe(5);
    for (const c of charts) expect(outputMimeTypes(nb, c.id!)).toContain("image/svg+xml");
  });

  it("exercise checks: not attempted unsolved, passed solved", () => {
    const nb = executedLesson(results, name);
    const text = nb.cells
      .map((c) => (c.cell_type === "code" ? outputsText(nb, c.id!) : ""))
      .join("\n");
    const mark = name.startsWith("solutions") ? "✓" : "○";
    for (const id of ["02-update-rule", "02-predict-epochs"])
      expect(text).toContain(`${mark} ${id} `);
  });
});
