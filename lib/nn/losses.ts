import { ArgumentError, NonFiniteError, ShapeError, formatShape } from "../errors";
import { kernels } from "../kernels/active";
import { attach, gradOf } from "../tensor/record";
import { stableSoftmax } from "../tensor/softmax";
import { Tensor } from "../tensor/tensor";
import { expectTensor } from "../tensor/check";

/**
 * A loss: predictions and targets in, a scalar tensor (mean over the batch) out. A loss whose
 * single output is not a probability declares where its two classes meet, `threshold` (0 for
 * logits); `fit` and `evaluate` decide one-output accuracy there (0.5 when it declares none).
 */
export type Loss = ((yPred: Tensor, y: Tensor) => Tensor) & { readonly threshold?: number };

function checkSameShape(op: string, yPred: Tensor, y: Tensor): void {
  expectTensor(op, "predictions", yPred);
  expectTensor(op, "targets", y);
  const same = yPred.rank === y.rank && yPred.shape.every((s, i) => s === y.shape[i]);
  if (!same || yPred.size === 0) {
    throw new ShapeError(
      `${op}: predictions and targets must have the same non-empty shape, got ${formatShape(yPred.shape)} and ${formatShape(y.shape)}`,
    );
  }
}

/** The allowed range of a loss's predictions or targets, and what to say when one is outside. */
interface Range {
  low: number;
  high: number;
  hint: string;
}

/**
 * Throws for a value of `t` outside `range` (NaN predictions pass: they propagate to the loss, as
 * in PyTorch, and `fit` reports them); targets must also be finite (NonFiniteError).
 */
function checkRange(op: string, name: string, t: Tensor, range: Range | null): void {
  const targets = name === "targets";
  const values = t.values;
  for (let i = 0; i < t.size; i++) {
    const v = values[i];
    if (targets && !Number.isFinite(v)) {
      throw new NonFiniteError(`${op}: targets hold ${v} at flat index ${i}; clean the data first`);
    }
    if (range !== null && (v < range.low || v > range.high)) {
      throw new ArgumentError(
        `${op}: ${name} must be in [${range.low}, ${range.high}], got ${v} at flat index ${i}${range.hint}`,
      );
    }
  }
}

/** The slopes of an elementwise loss ℓ(p, t): ∂ℓ/∂p, and ∂ℓ/∂t for a target that requires a gradient. */
interface Slopes {
  pred: (p: number, t: number) => number;
  target: (p: number, t: number) => number;
}

/**
 * Builds an elementwise loss `mean_i ℓ(p_i, t_i)` as one fused op: `value` is ℓ, `slope` holds ∂ℓ/∂p
 * and ∂ℓ/∂t. Gradients flow to the predictions, and to the targets when they require one.
 * `ranges` restrict predictions and targets (binary cross-entropy's probabilities and 0/1 targets).
 */
function elementwiseLoss(
  op: string,
  value: (p: number, t: number) => number,
  slope: Slopes,
  ranges: { pred?: Range; target?: Range } = {},
): Loss {
  return (yPred, y) => {
    checkSameShape(op, yPred, y);
    checkRange(op, "predictions", yPred, ranges.pred ?? null);
    checkRange(op, "targets", y, ranges.target ?? null);
    const n = yPred.size;
    const [p, q] = [yPred.values, y.values];
    let total = 0;
    for (let i = 0; i < n; i++) total += value(p[i], q[i]);
    const out = new Tensor(Float64Array.of(total / n), []);
    return attach(out, op, [yPred, y], (gradOut) => {
      const g = gradOut[0] / n;
      for (const [t, f] of [
        [yPred, slope.pred],
        [y, slope.target],
      ] as const) {
        if (!t.requiresGrad) continue;
        const gt = gradOf(t);
        for (let i = 0; i < n; i++) gt[i] += g * f(p[i], q[i]);
      }
    });
  };
}

/**
 * Mean squared error: L = (1/n) Σ (ŷ − y)², ∂L/∂ŷ = 2(ŷ − y)/n, ∂L/∂y = −2(ŷ − y)/n (when the
 * targets require a gradient). Shapes: ŷ and y alike → scalar. Targets must be finite.
 * The lecture's regression loss (lesson 4). Example: dl.nn.mse(yPred, y).item()
 */
export const mse: Loss = elementwiseLoss("mse", (p, t) => (p - t) ** 2, {
  pred: (p, t) => 2 * (p - t),
  target: (p, t) => -2 * (p - t),
});

/**
 * Mean absolute error: L = (1/n) Σ |ŷ − y|, ∂L/∂ŷ = sign(ŷ − y)/n, ∂L/∂y = −sign(ŷ − y)/n.
 * Lesson 4. Example: dl.nn.mae(yPred, y)
 */
export const mae: Loss = elementwiseLoss("mae", (p, t) => Math.abs(p - t), {
  pred: (p, t) => Math.sign(p - t),
  target: (p, t) => -Math.sign(p - t),
});

/** Probabilities are clamped to [EPS, 1 − EPS] so that log never sees 0. */
const EPS = 1e-12;
const clamp = (p: number) => Math.min(1 - EPS, Math.max(EPS, p));
const TARGETS_0_1: Range = { low: 0, high: 1, hint: " (a label 0/1, or a probability)" };

/**
 * Binary cross-entropy on probabilities p ∈ [0, 1] (after a sigmoid), clamped to [1e−12, 1 − 1e−12]:
 *   L = −(1/n) Σ [y log p + (1 − y) log(1 − p)],   ∂L/∂p = (p − y) / (p(1 − p)) / n,
 *   ∂L/∂y = log((1 − p) / p) / n.
 * Shapes: p and y alike → scalar. Predictions outside [0, 1] (a logit) and targets outside [0, 1]
 * throw ArgumentError. Lesson 4. Prefer `binaryCrossEntropyWithLogits` for training.
 * Example: dl.nn.binaryCrossEntropy(dl.sigmoid(z), y)
 */
export const binaryCrossEntropy: Loss = elementwiseLoss(
  "binaryCrossEntropy",
  (p, t) => -(t * Math.log(clamp(p)) + (1 - t) * Math.log(1 - clamp(p))),
  {
    pred: (p, t) => (clamp(p) - t) / (clamp(p) * (1 - clamp(p))),
    target: (p) => Math.log(1 - clamp(p)) - Math.log(clamp(p)),
  },
  {
    pred: {
      low: 0,
      high: 1,
      hint: " (probabilities); for logits use dl.nn.binaryCrossEntropyWithLogits, or apply dl.sigmoid first",
    },
    target: TARGETS_0_1,
  },
);

/**
 * Binary cross-entropy on logits z (before the sigmoid), in the stable form
 *   ℓ(z, y) = max(z, 0) − z·y + log(1 + e^(−|z|)),   ∂ℓ/∂z = σ(z) − y,   ∂ℓ/∂y = −z,   L = mean ℓ.
 * Shapes: z and y alike → scalar; targets in [0, 1]. Lesson 4.
 * Example: dl.nn.binaryCrossEntropyWithLogits(z, y)
 */
export const binaryCrossEntropyWithLogits: Loss = Object.assign(
  elementwiseLoss(
    "binaryCrossEntropyWithLogits",
    (z, t) => Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z))),
    { pred: (z, t) => 1 / (1 + Math.exp(-z)) - t, target: (z) => -z },
    { target: TARGETS_0_1 },
  ),
  { threshold: 0 }, // a logit of 0 is the probability 0.5
);

/** Checks labels against [N, C] logits; returns them as integers. */
function checkLabels(op: string, logits: Tensor, labels: Tensor | readonly number[]): number[] {
  expectTensor(op, "logits", logits);
  if (!(labels instanceof Tensor) && !Array.isArray(labels))
    expectTensor(op, "labels (a Tensor or an array of class indices)", labels);
  const values = labels instanceof Tensor ? Array.from(labels.values) : [...labels];
  if (logits.rank !== 2 || logits.shape[0] === 0 || values.length !== logits.shape[0]) {
    const got = labels instanceof Tensor ? formatShape(labels.shape) : `${values.length} labels`;
    throw new ShapeError(
      `${op}: expected logits [N, C] and N labels, got ${formatShape(logits.shape)} and ${got}`,
    );
  }
  const c = logits.shape[1];
  values.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 0 || v >= c) {
      throw new ArgumentError(`${op}: label ${v} at index ${i} is not a class index in [0, ${c})`);
    }
  });
  return values;
}

/**
 * Softmax cross-entropy on logits [N, C] with integer labels (an array or a tensor [N]), on the
 * stable softmax (`stableSoftmax`, the row's max m subtracted first), so that large logits neither
 * overflow nor lose digits (1e16 + ln 2 would round to 1e16; the shifted form keeps ln 2):
 *   L = (1/N) Σ_n [ln Σ_c e^(z_nc − m_n) − (z_n,y_n − m_n)],   ∂L/∂z_nc = (softmax(z_n)_c − [c = y_n]) / N.
 * ±Infinity logits give the limit where it exists: one +∞ in a row takes all the probability (loss
 * 0 when it is the label, +∞ otherwise), −∞ takes none; two +∞, or only −∞, in a row give NaN.
 * Shapes: logits [N, C], labels [N] → scalar. Lesson 7.
 * Example: dl.nn.softmaxCrossEntropy(dl.tensor([[2, 0]]), [0]).item()  // log(1 + e⁻²) ≈ 0.127
 */
export function softmaxCrossEntropy(logits: Tensor, labels: Tensor | readonly number[]): Tensor {
  const ys = checkLabels("softmaxCrossEntropy", logits, labels);
  const [n, c] = logits.shape;
  const z = logits.values;
  const probs = kernels.allocate(n * c);
  const logProbs = new Float64Array(n * c);
  stableSoftmax(z, { outer: n, n: c, inner: 1 }, probs, logProbs);
  let total = 0;
  for (let i = 0; i < n; i++) total -= logProbs[i * c + ys[i]];
  const out = new Tensor(Float64Array.of(total / n), []);
  return attach(out, "softmaxCrossEntropy", [logits], (gradOut) => {
    const g = gradOut[0] / n;
    const gz = gradOf(logits);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < c; j++) {
        const k = i * c + j;
        gz[k] += j === ys[i] ? g * probs[k] - g : g * probs[k];
      }
    }
  });
}
