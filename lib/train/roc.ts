/**
 * ROC curves, the area under them, and the efficiencies of a cut, for binary classifiers whose
 * one output is a score (a probability, or a logit): lesson 9. Same argument order as `accuracy`:
 * predictions first, targets second. Class 1 is "signal" (positive), class 0 "background".
 */
import { ArgumentError, NonFiniteError, ShapeError, expectOptions, formatShape } from "../errors";
import { Tensor } from "../tensor/tensor";
import { expectTensor } from "../tensor/check";

/** A ROC curve: one point per distinct threshold, from (0, 0) to (1, 1). */
export interface RocCurve {
  /** False positive rate (background efficiency) at each threshold. */
  fpr: number[];
  /** True positive rate (signal efficiency) at each threshold. */
  tpr: number[];
  /** The thresholds, falling: a row is selected when its score ≥ threshold (first: +Infinity). */
  thresholds: number[];
}

/** Scores and 0/1 labels as arrays, checked: one score per row, labels 0 or 1, both classes. */
function scoresAndLabels(op: string, yPred: Tensor, y: Tensor): [Float64Array, Float64Array] {
  expectTensor(op, "yPred", yPred);
  expectTensor(op, "y", y);
  const n = yPred.rank === 0 ? 0 : yPred.shape[0];
  if (n === 0 || yPred.size !== n || y.size !== n || y.shape[0] !== n) {
    throw new ShapeError(
      `${op}: expected one score per row, yPred [N] or [N, 1] and y of the same N rows, got yPred ${formatShape(yPred.shape)} and y ${formatShape(y.shape)}`,
    );
  }
  const bad = yPred.data.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new NonFiniteError(`${op}: yPred holds ${yPred.data[bad]} at row ${bad}`);
  const notLabel = y.data.findIndex((v) => v !== 0 && v !== 1);
  if (notLabel >= 0) {
    throw new ArgumentError(
      `${op}: y must hold 0 or 1, got ${y.data[notLabel]} at row ${notLabel}`,
    );
  }
  const positives = y.data.reduce((s, v) => s + v, 0);
  if (positives === 0 || positives === n) {
    throw new ArgumentError(
      `${op}: y holds only ${positives === 0 ? 0 : 1}s; a ROC curve needs both classes`,
    );
  }
  return [yPred.data, y.data];
}

/**
 * The ROC curve: for every threshold t, the fraction of class-1 rows with score ≥ t (true
 * positive rate, signal efficiency) against the fraction of class-0 rows with score ≥ t (false
 * positive rate, background efficiency). Rows are sorted by falling score; tied scores move
 * together, so a tie between the classes is a diagonal segment. Shapes: yPred, y [N] or [N, 1].
 * Example: dl.train.roc(dl.tensor([0.9, 0.8, 0.3]), dl.tensor([1, 0, 1]))
 *   // fpr [0, 0, 1, 1], tpr [0, 0.5, 0.5, 1], thresholds [Infinity, 0.9, 0.8, 0.3]
 */
export function roc(yPred: Tensor, y: Tensor): RocCurve {
  const [scores, labels] = scoresAndLabels("roc", yPred, y);
  const order = Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a]);
  const positives = labels.reduce((s, v) => s + v, 0);
  const negatives = labels.length - positives;
  const curve: RocCurve = { fpr: [0], tpr: [0], thresholds: [Infinity] };
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < order.length; i++) {
    if (labels[order[i]] === 1) tp++;
    else fp++;
    const next = order[i + 1];
    if (next !== undefined && scores[next] === scores[order[i]]) continue;
    curve.fpr.push(fp / negatives);
    curve.tpr.push(tp / positives);
    curve.thresholds.push(scores[order[i]]);
  }
  return curve;
}

/**
 * The area under the ROC curve by the trapezoid rule: the probability that a random class-1 row
 * scores higher than a random class-0 row, ties counted as half:
 *   AUC = (#{s₁ > s₀} + ½ #{s₁ = s₀}) / (N₁ N₀)  over all pairs (class-1 row, class-0 row).
 * 1 separates perfectly, 0.5 is guessing. Shapes: yPred, y [N] or [N, 1]. Lesson 9.
 * Example: dl.train.auc(dl.tensor([0.9, 0.8, 0.3]), dl.tensor([1, 0, 1]))  // 0.5
 */
export function auc(yPred: Tensor, y: Tensor): number {
  const { fpr, tpr } = roc(yPred, y);
  let area = 0;
  for (let i = 1; i < fpr.length; i++) area += ((fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1])) / 2;
  return area;
}

/** What a cut on the score selects: see `efficiencies`. */
export interface Efficiencies {
  threshold: number;
  /** Fraction of class-1 (signal) rows kept: score ≥ threshold. */
  signalEfficiency: number;
  /** Fraction of class-0 (background) rows kept. */
  backgroundEfficiency: number;
  /** Fraction of class-0 rows removed, 1 − backgroundEfficiency. */
  backgroundRejection: number;
}

/**
 * The efficiencies of the cut "score ≥ threshold" (default 0.5, as `accuracy`): the signal kept,
 * the background kept, and the background rejected (1 − background efficiency; some experiments
 * quote 1 / background efficiency instead). Lesson 9.
 * Example: dl.train.efficiencies(yPred, test.y, { threshold: 0.7 }).signalEfficiency
 */
export function efficiencies(
  yPred: Tensor,
  y: Tensor,
  options: { threshold?: number } = {},
): Efficiencies {
  const { threshold = 0.5 } = expectOptions("efficiencies", options);
  if (typeof threshold !== "number" || Number.isNaN(threshold)) {
    throw new ArgumentError(`efficiencies: threshold must be a number, got ${String(threshold)}`);
  }
  const [scores, labels] = scoresAndLabels("efficiencies", yPred, y);
  let kept1 = 0;
  let kept0 = 0;
  let n1 = 0;
  for (let i = 0; i < scores.length; i++) {
    n1 += labels[i];
    if (scores[i] >= threshold) {
      if (labels[i] === 1) kept1++;
      else kept0++;
    }
  }
  const backgroundEfficiency = kept0 / (scores.length - n1);
  return {
    threshold,
    signalEfficiency: kept1 / n1,
    backgroundEfficiency,
    backgroundRejection: 1 - backgroundEfficiency,
  };
}
