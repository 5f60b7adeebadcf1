// Lesson 04 executed through the tslab kernel (unsolved and solved): its key numbers on the outputs.
import { beforeAll, describe, expect, it } from "vitest";
import { cellSource, formatResult, type NotebookResult } from "../../tools/runner";
import { courseResults } from "../course/results";
import { executedLesson, outputMimeTypes, outputsText } from "./helpers";
import type { Notebook } from "../../tools/runner";

const PATHS = ["notebooks/04-mlp.ipynb", "notebooks/solutions/04-mlp.ipynb"];
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

describe.each(["04-mlp", "solutions/04-mlp"])("%s executed", (name) => {
  it("runs every cell", () => {
    const r = results.find((x) => x.path.endsWith(`${name}.ipynb`))!;
    expect(r.ok, formatResult(r)).toBe(true);
    expect(r.cellsRun).toBe(r.codeCells);
  });

  it("the centred table, Alice's forward pass, training and the new people, the error against N", () => {
    const nb = executedLesson(results, name);
    expect(outputOf(nb, 'console.log("x ="')).toMatch(
      /x = \[ \[ -2, -1 \], \[ 25, 6 \], \[ 17, 4 \], \[ -15, -6 \] \]/,
    );
    expect(outputOf(nb, "forward221([-2, -1], ones6")).toMatch(
      /h1: 0\.0474258731775667\d*,[\s\S]*o1: 0\.523695174083999\d*/,
    );
    expect(outputOf(nb, "const history = dl.train.fit")).toMatch(
      /MSE: epoch 1 0\.4467 → epoch 1000 0\.0015/,
    );
    expect(outputOf(nb, "const answers")).toMatch(
      /Alice\s+0\.956\s+F[\s\S]*Bob\s+0\.039\s+M[\s\S]*Emily \(new\)\s+0\.967\s+F[\s\S]*Frank \(new\)\s+0\.039\s+M/,
    );
    expect(outputOf(nb, "const fits = unitCounts")).toMatch(/2\s+2\.67e-1\s*\n\s+4\s+4\.03e-3/);
  });

  it("draws its charts as bundles with a static fallback", () => {
    const nb = executedLesson(results, name);
    const charts = nb.cells.filter(
      (c) => c.cell_type === "code" && /dl\.show\.(chart|plotly)/.test(cellSource(c)),
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
    for (const id of ["04-predict-constant-mse", "04-alice-output", "04-pick-n"])
      expect(text).toContain(`${mark} ${id} `);
  });
});
