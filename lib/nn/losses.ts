import { ArgumentError, ShapeError, formatShape } from "../errors";
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

/**
 * Builds an elementwise loss `mean_i ℓ(p_i, t_i)` as one fused op: `value` is ℓ, `slope` is ∂ℓ/∂p.
 * Gradients flow to the predictions (and to the targets for MSE/MAE when they require it).
 */
function elementwiseLoss(
  op: string,
  value: (p: number, t: number) => number,
  slope: (p: number, t: number) => number,
): Loss {
  return (yPred, y) => {
    checkSameShape(op, yPred, y);
    const n = yPred.size;
    const [p, t] = [yPred.values, y.values];
    let total = 0;
    for (let i = 0; i < n; i++) total += value(p[i], t[i]);
    const out = new Tensor(Float64Array.of(total / n), []);
    return attach(out, op, [yPred], (gradOut) => {
      const g = gradOut[0] / n;
      const gp = gradOf(yPred);
      for (let i = 0; i < n; i++) gp[i] += g * slope(p[i], t[i]);
    });
  };
}

/**
 * Mean squared error: L = (1/n) Σ (ŷ − y)², ∂L/∂ŷ = 2(ŷ − y)/n. Shapes: ŷ and y alike → scalar.
 * The lecture's regression loss (lesson 4). Example: dl.nn.mse(yPred, y).item()
 */
export const mse: Loss = elementwiseLoss(
  "mse",
  (p, t) => (p - t) ** 2,
  (p, t) => 2 * (p - t),
);

/** Mean absolute error: L = (1/n) Σ |ŷ − y|, ∂L/∂ŷ = sign(ŷ − y)/n. Lesson 4. Example: dl.nn.mae(yPred, y) */
export const mae: Loss = elementwiseLoss(
  "mae",
  (p, t) => Math.abs(p - t),
  (p, t) => Math.sign(p - t),
);

/** Probabilities are clamped to [EPS, 1 − EPS] so that log never sees 0. */
const EPS = 1e-12;
const clamp = (p: number) => Math.min(1 - EPS, Math.max(EPS, p));

/**
 * Binary cross-entropy on probabilities p ∈ (0, 1) (after a sigmoid), clamped to [1e−12, 1 − 1e−12]:
 *   L = −(1/n) Σ [y log p + (1 − y) log(1 − p)],   ∂L/∂p = (p − y) / (p(1 − p)) / n.
 * Shapes: p and y alike → scalar. Lesson 4. Prefer `binaryCrossEntropyWithLogits` for training.
 * Example: dl.nn.binaryCrossEntropy(dl.sigmoid(z), y)
 */
export const binaryCrossEntropy: Loss = elementwiseLoss(
  "binaryCrossEntropy",
  (p, t) => -(t * Math.log(clamp(p)) + (1 - t) * Math.log(1 - clamp(p))),
  (p, t) => (clamp(p) - t) / (clamp(p) * (1 - clamp(p))),
);

/**
 * Binary cross-entropy on logits z (before the sigmoid), in the stable form
 *   ℓ(z, y) = max(z, 0) − z·y + log(1 + e^(−|z|)),   ∂ℓ/∂z = σ(z) − y,   L = mean ℓ.
 * Shapes: z and y alike → scalar. Lesson 4. Example: dl.nn.binaryCrossEntropyWithLogits(z, y)
 */
export const binaryCrossEntropyWithLogits: Loss = Object.assign(
  elementwiseLoss(
    "binaryCrossEntropyWithLogits",
    (z, t) => Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z))),
    (z, t) => 1 / (1 + Math.exp(-z)) - t,
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
 * Softmax cross-entropy on logits [N, C] with integer labels (an array or a tensor [N]), via
 * log-sum-exp so that large logits do not overflow:
 *   L = (1/N) Σ_n [logΣ_c e^(z_nc) − z_n,y_n],   ∂L/∂z_nc = (softmax(z_n)_c − [c = y_n]) / N.
 * Shapes: logits [N, C], labels [N] → scalar. Lesson 7.
 * Example: dl.nn.softmaxCrossEntropy(dl.tensor([[2, 0]]), [0]).item()  // log(1 + e⁻²) ≈ 0.127
 */
export function softmaxCrossEntropy(logits: Tensor, labels: Tensor | readonly number[]): Tensor {
  const ys = checkLabels("softmaxCrossEntropy", logits, labels);
  const [n, c] = logits.shape;
  const z = logits.values;
  const probs = kernels.allocate(n * c);
  const { max: m, logSum } = stableSoftmax(z, { outer: n, n: c, inner: 1 }, probs);
  let total = 0;
  for (let i = 0; i < n; i++) total += m[i] + logSum[i] - z[i * c + ys[i]];
  const out = new Tensor(Float64Array.of(total / n), []);
  return attach(out, "softmaxCrossEntropy", [logits], (gradOut) => {
    const g = gradOut[0] / n;
    const gz = gradOf(logits);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < c; j++)
        gz[i * c + j] += j === ys[i] ? g * probs[i * c + j] - g : g * probs[i * c + j];
    }
  });
}
