// ROC curves, AUC and the efficiencies of a cut (lesson 9), against hand-computed cases.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArgumentError, NonFiniteError, ShapeError, tensor } from "../../lib";
import { auc, efficiencies, roc } from "../../lib/train/roc";

/** AUC by its definition: over all (class-1, class-0) pairs, wins + half the ties. */
function pairAuc(scores: number[], labels: number[]): number {
  let wins = 0;
  let pairs = 0;
  scores.forEach((s1, i) => {
    if (labels[i] !== 1) return;
    scores.forEach((s0, j) => {
      if (labels[j] !== 0) return;
      pairs++;
      wins += s1 > s0 ? 1 : s1 === s0 ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

describe("roc", () => {
  it("walks the thresholds from high to low: the hand-computed curve of three rows", () => {
    const curve = roc(tensor([0.9, 0.8, 0.3]), tensor([1, 0, 1]));
    expect(curve.thresholds).toEqual([Infinity, 0.9, 0.8, 0.3]);
    expect(curve.tpr).toEqual([0, 0.5, 0.5, 1]);
    expect(curve.fpr).toEqual([0, 0, 1, 1]);
  });

  it("tied scores move together: a tie across the classes is one diagonal step", () => {
    // scores 0.7 (class 1), 0.5 (class 1), 0.5 (class 0), 0.1 (class 0)
    const curve = roc(tensor([[0.5], [0.7], [0.1], [0.5]]), tensor([[0], [1], [0], [1]]));
    expect(curve.thresholds).toEqual([Infinity, 0.7, 0.5, 0.1]);
    expect(curve.tpr).toEqual([0, 0.5, 1, 1]);
    expect(curve.fpr).toEqual([0, 0, 0.5, 1]);
  });
});

describe("auc", () => {
  it("is 0.5 for the three-row case (one win, one loss), 1 for a perfect ranking, 0 reversed", () => {
    expect(auc(tensor([0.9, 0.8, 0.3]), tensor([1, 0, 1]))).toBe(0.5);
    expect(auc(tensor([0.9, 0.8, 0.3, 0.1]), tensor([1, 1, 0, 0]))).toBe(1);
    expect(auc(tensor([0.9, 0.8, 0.3, 0.1]), tensor([0, 0, 1, 1]))).toBe(0);
  });

  it("counts a tie as half: the hand-computed 7/8 with one tied pair of four", () => {
    // pairs (1-row, 0-row): (0.7, 0.5) win, (0.7, 0.1) win, (0.5, 0.5) tie, (0.5, 0.1) win → 3.5 / 4
    expect(auc(tensor([0.5, 0.7, 0.1, 0.5]), tensor([0, 1, 0, 1]))).toBe(0.875);
    // all scores equal: every pair a tie
    expect(auc(tensor([0.3, 0.3, 0.3]), tensor([1, 0, 0]))).toBe(0.5);
  });

  it("equals the pair-counting definition on random scores with many ties (property)", () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1 }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 40 }), (rows) => {
        const labels = rows.map(([, l]) => l);
        fc.pre(labels.includes(0) && labels.includes(1));
        const scores = rows.map(([s]) => s / 5);
        expect(auc(tensor(scores), tensor(labels))).toBeCloseTo(pairAuc(scores, labels), 12);
      }),
    );
  });

  it("does not change when the scores go through a rising function (logits or probabilities)", () => {
    const logits = [2.1, -0.3, 0.8, -1.5, 0.8, 3];
    const labels = tensor([1, 0, 0, 0, 1, 1]);
    const probabilities = logits.map((z) => 1 / (1 + Math.exp(-z)));
    expect(auc(tensor(logits), labels)).toBe(auc(tensor(probabilities), labels));
  });
});

describe("efficiencies", () => {
  const yPred = tensor([[0.9], [0.6], [0.4], [0.7], [0.2], [0.5]]);
  const y = tensor([[1], [1], [1], [0], [0], [0]]);

  it("keeps score ≥ threshold: at 0.5, 2 of 3 signal and 2 of 3 background", () => {
    const e = efficiencies(yPred, y);
    expect(e).toEqual({
      threshold: 0.5,
      signalEfficiency: 2 / 3,
      backgroundEfficiency: 2 / 3,
      backgroundRejection: 1 - 2 / 3,
    });
  });

  it("at 0.65: signal 1/3 kept, background 1/3 kept (rejection 2/3); at 0: everything", () => {
    const e = efficiencies(yPred, y, { threshold: 0.65 });
    expect([e.signalEfficiency, e.backgroundEfficiency, e.backgroundRejection]).toEqual([
      1 / 3,
      1 / 3,
      1 - 1 / 3,
    ]);
    expect(efficiencies(yPred, y, { threshold: 0 }).backgroundRejection).toBe(0);
  });

  it("agrees with the ROC point at the same threshold", () => {
    const curve = roc(yPred, y);
    curve.thresholds.slice(1).forEach((t, i) => {
      const e = efficiencies(yPred, y, { threshold: t });
      expect(e.signalEfficiency).toBe(curve.tpr[i + 1]);
      expect(e.backgroundEfficiency).toBe(curve.fpr[i + 1]);
    });
  });
});

describe("roc, auc and efficiencies reject bad input with named errors", () => {
  const ops = { roc, auc, efficiencies } as const;
  it.each(Object.keys(ops) as (keyof typeof ops)[])("%s", (name) => {
    const op = ops[name] as (a: unknown, b: unknown) => unknown;
    expect(() => op(tensor([0.1, 0.2]), tensor([1, 0, 1]))).toThrow(ShapeError);
    expect(() => op(tensor([[0.1, 0.2]]), tensor([1]))).toThrow(/one score per row/);
    expect(() => op(tensor([0.1, NaN]), tensor([1, 0]))).toThrow(NonFiniteError);
    expect(() => op(tensor([0.1, 0.2]), tensor([1, 2]))).toThrow(/y must hold 0 or 1, got 2/);
    expect(() => op(tensor([0.1, 0.2]), tensor([1, 1]))).toThrow(/needs both classes/);
    expect(() => op(tensor([0.1, 0.2]), tensor([1, 1]))).toThrow(ArgumentError);
    expect(() => op([0.1, 0.2], tensor([1, 0]))).toThrow(ArgumentError);
  });

  it("efficiencies: a threshold that is not a number", () => {
    expect(() => efficiencies(tensor([0.1, 0.2]), tensor([1, 0]), { threshold: NaN })).toThrow(
      /threshold must be a number/,
    );
  });
});
