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
    expect(none).toEqual([60, 1, 0.8625, 0.1375, 0.00331, 0.5695, 0.5662]);
    expect(rows["L2 (p = 0.003)"]).toEqual([60, 1, 0.8675, 0.1325, 0.04055, 0.468, 0.4275]);
    expect(rows["L1 (p = 0.001)"]).toEqual([60, 1, 0.87, 0.13, 0.02979, 0.4643, 0.4345]);
    expect(rows["dropout (p = 0.2)"]).toEqual([60, 1, 0.8825, 0.1175, 0.002811, 0.5097, 0.5069]);
    expect(rows["early stopping (patience 10)"]).toEqual([
      26, 0.99, 0.8775, 0.1125, 0.04502, 0.4439, 0.3989,
    ]);
    for (const [technique, r] of Object.entries(rows)) {
      if (technique === "none") continue;
      expect(r[3], technique).toBeLessThan(none[3]);
    }
    for (const t of ["L2 (p = 0.003)", "L1 (p = 0.001)", "early stopping (patience 10)"])
      expect(rows[t][6], t).toBeLessThan(0.8 * none[6]);
    expect(rows["early stopping (patience 10)"][0]).toBe(26);
  });

  it("early stopping, dropout's expectation, L1's sparsity, the seeds' spread, augmentation", () => {
    const nb = lesson.executed(name);
    const curve = outputOf(nb, "const valLoss = ");
    expect(curve).toMatch(/lowest validation loss 0\.444 at epoch 16/);
    // the table the patience exercise reads: one epoch without a new best (13) before epoch 16
    expect(curve).toMatch(/12\s+0\.515\s*\n\s+13\s+0\.538\s*\n\s+14\s+0\.483\s*\n/);
    expect(curve).toMatch(/15\s+0\.450\s*\n\s+16\s+0\.444\s*\n\s+17\s+0\.524\s*\n/);
    expect(outputOf(nb, "const early = ")).toMatch(
      /stopped after 26 epochs; best epoch 16\nvalidation loss with epoch 16's weights: 0\.444/,
    );
    expect(outputOf(nb, "const ones = ")).toMatch(/0\.5\s+0\.998\s+0\.501/);
    expect(outputOf(nb, "function makeNet")).toMatch(/parameters: 8970\n/);
    expect(outputOf(nb, "const dropout = run")).toMatch(
      /thinned networks of 128 droppable units: 2\^128 = 3\.4e\+38\n/,
    );
    expect(outputOf(nb, "const firstLayer")).toMatch(
      /none\s+0\.052\s+0\.7217\s*\nL2 \(p = 0\.003\)\s+0\.07788\s+0\.5861\s*\nL1 \(p = 0\.001\)\s+0\.4944\s+0\.7493/,
    );
    expect(outputOf(nb, "const maskRuns")).toMatch(
      /mean validation accuracy over 4 mask seeds: 0\.8631 \(no dropout: 0\.8625\)/,
    );
    const augmentation = outputOf(nb, "const rotated = ");
    expect(augmentation).toMatch(/rotate ±10°\s+60\s+1\s+0\.8725\s+0\.1275\s+0\.00555\s+0\.5999/);
    expect(augmentation).toMatch(
      /flip \(wrong for digits\)\s+60\s+1\s+0\.82\s+0\.18\s+0\.006239\s+0\.7839/,
    );
    expect(outputOf(nb, "const narrowed")).toMatch(
      /accuracy gap without regularization: 0\.137; narrower with: L2[^\n]*rotate ±10°\nloss gap without regularization: 0\.566; narrower with: L2 \(p = 0\.003\), L1 \(p = 0\.001\), dropout \(p = 0\.2\), early stopping \(patience 10\)\n/,
    );
  });

  it("draws its charts as bundles with an SVG fallback", () => {
    expectChartBundles(lesson.executed(name), { atLeast: 6 });
  });

  it("exercise checks: not attempted unsolved, passed solved", () => {
    expectCheckMarks(lesson.executed(name), name, [
      "08-l2-gradient",
      "08-l1-gradient",
      "08-patience",
      "08-predict-stop",
      "08-inverted-dropout",
      "08-pad-crop",
    ]);
  });
});
