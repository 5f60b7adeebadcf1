// Lesson 8 executed through the tslab kernel (unsolved and solved): regularization narrows the
// train–validation gap in the lesson's own printed numbers.
import { describe, expect, it } from "vitest";
import type { Notebook } from "../../tools/runner";
import { expectChartBundles, expectCheckMarks, lessonNotebooks, outputOf } from "./helpers";

const lesson = lessonNotebooks("08-regularization");

/** The rows of the comparison table: technique → its numbers, as printed. */
function comparison(nb: Notebook): Record<string, number[]> {
  const lines = outputOf(nb, "const results = [").split("\n");
  const rows: Record<string, number[]> = {};
  for (const line of lines) {
    const m =
      /^(none|L2 \(p = 0\.003\)|L1 \(p = 0\.001\)|dropout \(p = 0\.2\)|early stopping \(patience 10\)|augmentation: rotate ±10°)\s+(.*)$/.exec(
        line.trim(),
      );
    if (m) rows[m[1]] = m[2].trim().split(/\s+/).map(Number);
  }
  return rows;
}

describe.each(lesson.names)("%s executed", (name) => {
  it("the comparison table: every technique narrows the accuracy gap; penalties and early stopping the loss gap by ≥ 20%", () => {
    const rows = comparison(lesson.executed(name));
    expect(Object.keys(rows)).toHaveLength(6);
    // columns: epochs, train acc, val acc, accuracy gap, train loss, val loss, loss gap
    const none = rows["none"];
    expect(none.slice(0, 4)).toEqual([60, 1, 0.8625, 0.1375]);
    for (const [technique, r] of Object.entries(rows)) {
      if (technique === "none") continue;
      expect(r[3], technique).toBeLessThan(none[3]);
    }
    for (const t of ["L2 (p = 0.003)", "L1 (p = 0.001)", "early stopping (patience 10)"])
      expect(rows[t][6], t).toBeLessThan(0.8 * none[6]);
    expect(rows["early stopping (patience 10)"][0]).toBe(26);
  });

  it("early stopping, dropout's expectation, L1's sparsity, the seeds' spread", () => {
    const nb = lesson.executed(name);
    expect(outputOf(nb, "const best = ")).toMatch(/lowest validation loss 0\.444 at epoch 16/);
    expect(outputOf(nb, "const early = ")).toMatch(/stopped after 26 epochs; best epoch 16/);
    expect(outputOf(nb, "const ones = ")).toMatch(/0\.5\s+0\.998\s+0\.501/);
    expect(outputOf(nb, "const firstLayer")).toMatch(/L1 \(p = 0\.001\)\s+0\.4944/);
    expect(outputOf(nb, "const maskRuns")).toMatch(
      /mean validation accuracy over 4 mask seeds: 0\.8631/,
    );
  });

  it("draws its charts as bundles with an SVG fallback", () => {
    expectChartBundles(lesson.executed(name), { atLeast: 6 });
  });

  it("exercise checks: not attempted unsolved, passed solved", () => {
    expectCheckMarks(lesson.executed(name), name, [
      "08-l2-gradient",
      "08-patience",
      "08-predict-stop",
      "08-inverted-dropout",
    ]);
  });
});
