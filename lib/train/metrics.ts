import { ArgumentError, NonFiniteError, ShapeError, formatShape } from "../errors";
import { Tensor } from "../tensor/tensor";
import { expectInteger, expectOptions, expectTensor } from "../tensor/check";
import { checkSize } from "../limits";

/**
 * The predicted class of each row: the argmax of each row of scores [N, C] (C > 1), or
 * 1 when the single output [N, 1] / [N] is ≥ `threshold` (0.5 for probabilities, 0 for logits).
 * A NaN score counts as the largest (as `dl.argmax`); a NaN single output gives NaN, no class.
 */
export function predictedLabels(yPred: Tensor, threshold = 0.5): number[] {
  expectTensor("predictedLabels", "predictions", yPred);
  if (yPred.rank === 0 || yPred.shape[0] === 0) {
    throw new ShapeError(
      `predictedLabels: expected predictions [N, …], got ${formatShape(yPred.shape)}`,
    );
  }
  const n = yPred.shape[0];
  const c = yPred.size / n;
  const p = yPred.values;
  const labels = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    if (c === 1) {
      labels[i] = Number.isNaN(p[i]) ? NaN : +(p[i] >= threshold);
      continue;
    }
    let best = i * c;
    for (let j = i * c + 1; j < (i + 1) * c; j++) {
      if (p[j] > p[best] || (Number.isNaN(p[j]) && !Number.isNaN(p[best]))) best = j;
    }
    labels[i] = best - i * c;
  }
  return labels;
}

/** True labels from `y`: class indices [N] / [N, 1], or one-hot rows [N, C]. */
export function trueLabels(y: Tensor, n: number): number[] {
  if (y.rank === 0 || y.shape[0] !== n) {
    throw new ShapeError(`accuracy: expected ${n} targets, got ${formatShape(y.shape)}`);
  }
  return y.size === n ? Array.from(y.values) : predictedLabels(y);
}

/**
 * Classification accuracy: the fraction of rows whose predicted class equals the true class.
 * Predictions: scores [N, C] (argmax) or one output [N, 1] thresholded at `threshold` (default 0.5;
 * use 0 for logits). Targets: labels [N] or [N, 1], or one-hot [N, C]. Lessons 2–8.
 * Example: dl.train.accuracy(dl.tensor([[0.9], [0.2]]), dl.tensor([[1], [1]]))  // 0.5
 */
export function accuracy(yPred: Tensor, y: Tensor, options: { threshold?: number } = {}): number {
  expectTensor("accuracy", "predictions", yPred);
  expectTensor("accuracy", "targets", y);
  expectOptions("accuracy", options);
  const predicted = predictedLabels(yPred, options.threshold);
  const truth = trueLabels(y, predicted.length);
  let correct = 0;
  for (let i = 0; i < predicted.length; i++) if (predicted[i] === truth[i]) correct++;
  return correct / predicted.length;
}

/**
 * The confusion matrix: entry [t][p] counts the rows of true class t predicted as class p
 * (rows: truth, columns: prediction; the diagonal is what is right). `classes` defaults to
 * C for scores [N, C], else 2 (or 1 + the largest label seen). Lesson 7.
 * Example: dl.train.confusionMatrix(model.forward(x), y, { classes: 10 })
 */
export function confusionMatrix(
  yPred: Tensor,
  y: Tensor,
  options: { classes?: number; threshold?: number } = {},
): number[][] {
  expectTensor("confusionMatrix", "predictions", yPred);
  expectTensor("confusionMatrix", "targets", y);
  expectOptions("confusionMatrix", options);
  const predicted = predictedLabels(yPred, options.threshold);
  const truth = trueLabels(y, predicted.length);
  const width = yPred.size / yPred.shape[0];
  const top = (xs: number[]) => xs.reduce((m, v) => Math.max(m, v), 1); // no spread: N may be 1e6
  const classes =
    options.classes === undefined
      ? width > 1
        ? width
        : 1 + Math.max(top(truth), top(predicted))
      : expectInteger("confusionMatrix", "classes", options.classes, 1);
  if (classes >= 0) checkSize("confusionMatrix", [classes, classes], "matrix"); // not NaN
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  truth.forEach((t, i) => {
    if (Number.isNaN(predicted[i])) {
      throw new NonFiniteError(`confusionMatrix: the prediction of row ${i} is NaN`);
    }
    if (!Number.isInteger(t) || t < 0 || t >= classes || predicted[i] >= classes) {
      throw new ArgumentError(
        `confusionMatrix: label ${t} at row ${i} is not a class index in [0, ${classes})`,
      );
    }
    m[t][predicted[i]]++;
  });
  return m;
}

/** A metric computed on a batch: predictions, targets → a number (averaged over rows by `fit`). */
export type Metric = (yPred: Tensor, y: Tensor, threshold: number) => number;

function meanError(op: string, f: (d: number) => number): Metric {
  return (yPred, y) => {
    expectTensor(op, "predictions", yPred);
    expectTensor(op, "targets", y);
    if (yPred.size !== y.size) {
      throw new ShapeError(
        `${op}: predictions ${formatShape(yPred.shape)} and targets ${formatShape(y.shape)} differ`,
      );
    }
    const [p, t] = [yPred.values, y.values];
    let s = 0;
    for (let i = 0; i < y.size; i++) s += f(p[i] - t[i]);
    return s / y.size;
  };
}

/** The metrics `fit` and `evaluate` know by name. */
export const METRICS = {
  accuracy: (yPred: Tensor, y: Tensor, threshold: number) => accuracy(yPred, y, { threshold }),
  mse: meanError("mse", (d) => d * d),
  mae: meanError("mae", Math.abs),
} satisfies Record<string, Metric>;

/** A metric name: "accuracy", "mse" or "mae". */
export type MetricName = keyof typeof METRICS;

/** Which way each metric improves (early stopping's default `mode`): accuracy up, errors down. */
export const METRIC_MODES: Readonly<Record<MetricName, "min" | "max">> = Object.freeze({
  accuracy: "max",
  mse: "min",
  mae: "min",
});
