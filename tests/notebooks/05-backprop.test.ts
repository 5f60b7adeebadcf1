// Lesson 05 executed through the tslab kernel (unsolved and solved): its key numbers on the outputs.
import { beforeAll, describe, expect, it } from "vitest";
import { cellSource, formatResult, type NotebookResult } from "../../tools/runner";
import { courseResults } from "../course/results";
import { executedLesson, outputMimeTypes, outputsText } from "./helpers";
import type { Notebook } from "../../tools/runner";

const PATHS = ["notebooks/05-backprop.ipynb", "notebooks/solutions/05-backprop.ipynb"];
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

describe.each(["05-backprop", "solutions/05-backprop"])("%s executed", (name) => {
  it("runs every cell", () => {
    const r = results.find((x) => x.path.endsWith(`${name}.ipynb`))!;
    expect(r.ok, formatResult(r)).toBe(true);
    expect(r.cellsRun).toBe(r.codeCells);
  });

  it("the chain-rule factors for Alice and the three checks agree; accumulation; vanishing gradients", () => {
    const nb = executedLesson(results, name);
    expect(outputOf(nb, "const dL_dw1 =")).toMatch(
      /dL_dyPred: -0\.95260965183\d*,\s*dyPred_dh1: 0\.24943853872\d*,\s*dh1_dw1: -0\.09035331946\d*,\s*dL_dw1: 0\.02146953526\d*/,
    );
    expect(outputOf(nb, "math.derivative(lossExpr")).toMatch(/∂L\/∂w1 = 0\.021469535265/);
    expect(outputOf(nb, "dl.gradCheck(aliceLoss")).toMatch(/gradient check passed/);
    const ways = outputOf(nb, "const ways =");
    for (const way of [
      "chain rule",
      "mathjs derivative",
      "dl.Value backward",
      "central difference",
    ])
      expect(ways).toMatch(new RegExp(`${way}[^\\n]*0\\.0214695353`));
    expect(outputOf(nb, "c.backward();")).toMatch(/after one backward\(\): 6\nafter two: 12/);
    expect(
      outputOf(nb, "const reluNorms") + outputOf(nb, "sigmoidNorms[0] / sigmoidNorms[9]"),
    ).toMatch(/sigmoid: 1\.\de-6/);
  });

  it("draws its charts as bundles with a static fallback", () => {
    const nb = executedLesson(results, name);
    const charts = nb.cells.filter(
      (c) => c.cell_type === "code" && /dl\.show\.(chart|plotly)/.test(cellSource(c)),
    );
    expect(charts.length).toBe(3);
    for (const c of charts) expect(outputMimeTypes(nb, c.id!)).toContain("image/svg+xml");
  });

  it("exercise checks: not attempted unsolved, passed solved", () => {
    const nb = executedLesson(results, name);
    const text = nb.cells
      .map((c) => (c.cell_type === "code" ? outputsText(nb, c.id!) : ""))
      .join("\n");
    const mark = name.startsWith("solutions") ? "✓" : "○";
    for (const id of ["05-predict-accumulate", "05-grad-w5", "05-grad-b3", "05-tanh-backward"])
      expect(text).toContain(`${mark} ${id} `);
  });
});
