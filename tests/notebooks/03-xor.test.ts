// Lesson 3 executed through the tslab kernel (unsolved and solved): its key numbers on the outputs.
import { beforeAll, describe, expect, it } from "vitest";
import { cellSource, formatResult, type NotebookResult } from "../../tools/runner";
import { courseResults } from "../course/results";
import { executedLesson, outputMimeTypes, outputsText } from "./helpers";
import type { Notebook } from "../../tools/runner";

const PATHS = ["notebooks/03-xor.ipynb", "notebooks/solutions/03-xor.ipynb"];
let results: NotebookResult[] = [];

beforeAll(async () => {
  results = courseResults(PATHS);
}, 600_000);

/** The id of the first code cell whose source contains `text`. */
const cellWith = (nb: Notebook, text: string): string =>
  nb.cells.find((c) => c.cell_type === "code" && cellSource(c).includes(text))!.id!;

describe.each(["03-xor", "solutions/03-xor"])("%s executed", (name) => {
  it("runs every cell", () => {
    const r = results.find((x) => x.path.endsWith(`${name}.ipynb`))!;
    expect(r.ok, formatResult(r)).toBe(true);
    expect(r.cellsRun).toBe(r.codeCells);
  });

  it("the perceptron never converges on XOR in 100 epochs; the MLP reaches 100%", () => {
    const nb = executedLesson(results, name);
    expect(outputsText(nb, cellWith(nb, "const h = p.fit"))).toMatch(
      /epochs run: 100, converged: false, fewest errors in any epoch: 2/,
    );
    expect(outputsText(nb, cellWith(nb, "const hShuffled"))).toMatch(
      /shuffled: fewest errors in any epoch 1/,
    );
    expect(outputsText(nb, cellWith(nb, "const probs"))).toMatch(
      /accuracy on XOR: 100%, final loss 0\.0080, 100% first reached in epoch 162/,
    );
    expect(outputsText(nb, cellWith(nb, "const handXor"))).toMatch(
      / 0\s+0\s+0\n 0\s+1\s+1\n 1\s+0\s+1\n 1\s+1\s+0/,
    );
  });

  it("draws its charts as bundles with an SVG fallback", () => {
    const nb = executedLesson(results, name);
    const charts = nb.cells.filter(
      (c) => c.cell_type === "code" && cellSource(c).includes("dl.show.chart"),
    );
    expect(charts.length).toBe(6);
    for (const c of charts) expect(outputMimeTypes(nb, c.id!)).toContain("image/svg+xml");
  });

  it("exercise checks: not attempted unsolved, passed solved", () => {
    const nb = executedLesson(results, name);
    const text = nb.cells
      .map((c) => (c.cell_type === "code" ? outputsText(nb, c.id!) : ""))
      .join("\n");
    const mark = name.startsWith("solutions") ? "✓" : "○";
    for (const id of ["03-predict-converges", "03-xor-by-hand"])
      expect(text).toContain(`${mark} ${id} `);
  });
});
