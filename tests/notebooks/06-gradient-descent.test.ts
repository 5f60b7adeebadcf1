// Lesson 06 executed through the tslab kernel (unsolved and solved): its key numbers on the outputs.
import { beforeAll, describe, expect, it } from "vitest";
import { cellSource, formatResult, type NotebookResult } from "../../tools/runner";
import { courseResults } from "../course/results";
import { executedLesson, outputMimeTypes, outputsText } from "./helpers";
import type { Notebook } from "../../tools/runner";

const PATHS = [
  "notebooks/06-gradient-descent.ipynb",
  "notebooks/solutions/06-gradient-descent.ipynb",
];
let results: NotebookResult[] = [];

beforeAll(async () => {
  results = courseResults(PATHS);
}, 600_000);

/** The outputs of the first code cell whose source contains `text`. */
const outputOf = (nb: Notebook, text: string): string =>
  outputsText(
    nb,
    nb.cells.find((c) => c.cell_type === "code" && cellSource(c).includes(text))!.id!,
  );

describe.each(["06-gradient-descent", "solutions/06-gradient-descent"])("%s executed", (name) => {
  it("runs every cell", () => {
    const r = results.find((x) => x.path.endsWith(`${name}.ipynb`))!;
    expect(r.ok, formatResult(r)).toBe(true);
    expect(r.cellsRun).toBe(r.codeCells);
  });

  it("batch sizes per epoch, the smoothest curve, the learning rates, divergence", () => {
    const nb = executedLesson(results, name);
    expect(outputOf(nb, "const runs = [1, 8, 64]")).toMatch(
      / 1\s+64\s+[\d.]+\s+2\.840\s+0\.310[\s\S]* 8\s+8\s+[\d.]+\s+13\.213\s+0\.258[\s\S]*64\s+1\s+[\d.]+\s+26\.406\s+0\.491/,
    );
    expect(outputOf(nb, "function shareOfIncreases")).toMatch(/batch 64: 0\.0% of updates went up/);
    expect(outputOf(nb, "const paths = ")).toMatch(
      /too small \(η = 0\.02\)\s+11\.500\s+1\.92e\+0[\s\S]*right \(η = 0\.3\)\s+11\.500\s+1\.75e-11[\s\S]*too large \(η = 0\.6\)\s+11\.500\s+1\.08e\+4/,
    );
    expect(outputOf(nb, "lr: 20")).toMatch(
      /NonFiniteError: fit: the loss is Infinity at epoch \d+, step 1/,
    );
  });

  it("draws its charts as bundles with a static fallback", () => {
    const nb = executedLesson(results, name);
    const charts = nb.cells.filter(
      (c) => c.cell_type === "code" && /dl\.show\.(chart|plotly)/.test(cellSource(c)),
    );
    expect(charts.length).toBe(7);
    for (const c of charts) expect(outputMimeTypes(nb, c.id!)).toContain("image/svg+xml");
  });

  it("exercise checks: not attempted unsolved, passed solved", () => {
    const nb = executedLesson(results, name);
    const text = nb.cells
      .map((c) => (c.cell_type === "code" ? outputsText(nb, c.id!) : ""))
      .join("\n");
    const mark = name.startsWith("solutions") ? "✓" : "○";
    for (const id of ["06-predict-smoothest", "06-sgd-epoch"])
      expect(text).toContain(`${mark} ${id} `);
  });
});
