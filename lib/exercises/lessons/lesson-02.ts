/**
 * The exercises of lesson 2 (The perceptron): `dl.check.perceptronUpdate(perceptronUpdate)` and the
 * prediction `dl.check.predictedEpochs(epochs)`.
 */
import { defineExercise } from "../define";
import * as solutions from "../solutions/lesson-02";

type Args = [number[], number, number[], number, number];
/** How a variant computes ŷ: the course's z ≥ 0, a strict z > 0, or z without the bias. */
type Output = "course" | "strict" | "noBias";
const step = (w: number[], b: number, x: number[], output: Output): number => {
  const z = w.reduce((sum, wi, i) => sum + wi * x[i], output === "noBias" ? 0 : b);
  return (output === "strict" ? z > 0 : z >= 0) ? 1 : 0;
};
/** A variant of the rule with a different factor (y, ŷ) → δ and its own bias/input handling. */
const rule =
  (
    delta: (y: number, yHat: number) => number,
    { useX = true, updateBias = true, useLr = true, output = "course" as Output } = {},
  ) =>
  (...[w, b, x, y, lr]: Args) => {
    const d = delta(y, step(w, b, x, output)) * (useLr ? lr : 1);
    return { w: w.map((wi, i) => wi + d * (useX ? x[i] : 1)), b: updateBias ? b + d : b };
  };
const error = (y: number, yHat: number): number => y - yHat;

/**
 * 02-update-rule (function): one step of the perceptron rule. Every case but one keeps z = w·x + b
 * (and w·x) away from 0, so that ≥ and > agree there; the case "on the boundary" has z = 0 exactly
 * and names the strict comparison.
 */
export const perceptronUpdate = defineExercise({
  id: "02-update-rule",
  title: "The perceptron's learning rule",
  kind: "function",
  answer: "perceptronUpdate",
  reference: solutions.perceptronUpdate,
  cases: [
    { name: "says 1, should say 0 (z = 0.25)", args: [[0.5, -1], 0.25, [2, 1], 0, 0.1] },
    { name: "says 0, should say 1 (z = −1)", args: [[-1, 0.5], -1.5, [1, 3], 1, 0.5] },
    { name: "right already: no change (z = 0.5)", args: [[1, 1], -1.5, [1, 1], 1, 1] },
    { name: "on the boundary, z = 0: says 1", args: [[1, -1], 0, [2, 2], 0, 0.5] },
    {
      name: "three inputs (z = −1.4)",
      args: [[0.5, 0.25, -0.5], 0.1, [1, -2, 3], 1, 0.2],
      hidden: true,
    },
  ],
  // The strict variant comes before "update by y": on the boundary case both leave w unchanged,
  // and only the strict one is right on the first case.
  mistakes: [
    {
      message: "The sign is flipped: the rule uses (y − ŷ), the target minus the output.",
      variant: rule((y, yHat) => yHat - y),
    },
    {
      message: "The bias learns too: b ← b + η (y − ŷ), as a weight whose input is always 1.",
      variant: rule(error, { updateBias: false }),
    },
    {
      message: "The learning rate η is missing: each step is η (y − ŷ) x.",
      variant: rule(error, { useLr: false }),
    },
    {
      message: "Each weight moves by its own input: w_i ← w_i + η (y − ŷ) x_i.",
      variant: rule(error, { useX: false }),
    },
    {
      message: "ŷ uses the bias too: ŷ = 1 if w·x + b ≥ 0, else 0.",
      variant: rule(error, { output: "noBias" }),
    },
    {
      message:
        "At z = w·x + b = 0 exactly, this course's perceptron says ŷ = 1 (z ≥ 0), and yours said 0, as a strict z > 0 would. The lecture's 'larger than the threshold' allows either; the course (and dl.nn.Perceptron) uses ≥.",
      variant: rule(error, { output: "strict" }),
    },
    {
      message: "Update only by the error (y − ŷ), not by y: a right answer must change nothing.",
      variant: rule((y) => y),
    },
  ],
  hints: [
    "First the output: ŷ = 1 if w·x + b ≥ 0 (z = 0 counts as 1), else 0. Then the error y − ŷ, which is −1, 0 or 1.",
    "Return new arrays, do not change w: `w.map((wi, i) => wi + lr * (y - yHat) * x[i])`.",
    "let z = b; for (let i = 0; i < w.length; i++) z += w[i] * x[i]; const yHat = z >= 0 ? 1 : 0; return { w: w.map((wi, i) => wi + lr * (y - yHat) * x[i]), b: b + lr * (y - yHat) };",
  ],
});

/**
 * 02-predict-epochs (prediction): after which epoch the perceptron first gets all four AND points
 * right, counting errors after each epoch (the `errors` column), as the lesson defines it: exactly.
 */
export const predictedEpochs = defineExercise({
  id: "02-predict-epochs",
  title: "Predict: after which epoch is AND learned?",
  kind: "prediction",
  answer: "predictedEpochs",
  reference: solutions.predictedEpochs,
  tolerance: { rtol: 0, atol: 0 },
  mistakes: [
    {
      message:
        "One pass is not enough: fixing one example moves the line, and that can break an example it got right before.",
      variant: () => 1,
    },
    {
      message:
        "After epoch 3 only one point is wrong, but epoch 4 breaks another again: a fix for one point can undo the fix for another.",
      variant: () => 3,
    },
    {
      message:
        "Four points do not make four epochs: every epoch visits all four, and after epoch 4 two of them are wrong again.",
      variant: () => 4,
    },
    {
      message:
        "6 counts until an epoch makes no update (the updates column). The lesson counts errors after each epoch (the errors column): the weights after epoch 5 get all four right, although epoch 5 still made one update.",
      variant: () => 6,
    },
    {
      message:
        "AND is linearly separable, so the convergence theorem promises a finite number of epochs, here a small one.",
      variant: () => 100,
    },
  ],
  hints: [
    "Trace the first epoch by hand: with w = [0, 0], b = 0 the output is 1 for every input (0 ≥ 0).",
    "Each wrong answer changes w and b by ±1 (η = 1). After each epoch, test the new weights on all four points: the answer is the first epoch after which none is wrong.",
  ],
});

/** x2 on the line w1·x1 + w2·x2 + b = 0, with one slip. */
const lineWith =
  (slip: "noMinus" | "noBias" | "swapped" | "firstSign" | "times") =>
  (w: number[], b: number, x1: number): number => {
    if (slip === "noMinus") return (w[0] * x1 + b) / w[1];
    if (slip === "noBias") return -(w[0] * x1) / w[1];
    if (slip === "swapped") return -(w[1] * x1 + b) / w[0];
    if (slip === "firstSign") return (-w[0] * x1 + b) / w[1];
    return -(w[0] * x1 + b) * w[1];
  };

/** 02-boundary-x2 (function): the decision boundary as a line x2(x1). */
export const boundaryX2 = defineExercise({
  id: "02-boundary-x2",
  title: "The decision boundary as a line",
  kind: "function",
  answer: "boundaryX2",
  reference: solutions.boundaryX2,
  cases: [
    { name: "w = (1, 2), b = −1 at x1 = 3", args: [[1, 2], -1, 3] },
    { name: "the worked step's weights at x1 = 2", args: [[0.5, -1], 0.25, 2] },
    { name: "where the line crosses the x2 axis (x1 = 0)", args: [[3, 4], 2, 0] },
    { name: "a steep line", args: [[-2, 0.5], 1, -1.5], hidden: true },
  ],
  mistakes: [
    {
      message:
        "The sign: from w1·x1 + w2·x2 + b = 0, w2·x2 = −(w1·x1 + b), so x2 = −(w1·x1 + b) / w2.",
      variant: lineWith("noMinus"),
    },
    {
      message: "The bias shifts the line: x2 = −(w1·x1 + b) / w2 keeps b.",
      variant: lineWith("noBias"),
    },
    {
      message: "w1 goes with x1 and w2 with x2: divide by w2, the weight of the x2 you solve for.",
      variant: lineWith("swapped"),
    },
    {
      message: "The minus applies to the whole sum: x2 = −(w1·x1 + b) / w2, so −b too.",
      variant: lineWith("firstSign"),
    },
    {
      message: "To get x2 alone out of w2·x2 = −(w1·x1 + b), divide by w2, not multiply.",
      variant: lineWith("times"),
    },
  ],
  hints: [
    "On the boundary, w1·x1 + w2·x2 + b = 0 exactly. Solve that equation for x2.",
    "Move everything but w2·x2 to the other side: w2·x2 = −(w1·x1 + b).",
    "return -(w[0] * x1 + b) / w[1];",
  ],
});

/**
 * 02-predict-lr (prediction): after which epoch AND is learned with η = 0.5 instead of 1, from zero
 * weights: the same epoch, since every weight and the bias are multiples of η (exact for η = 0.5).
 */
export const predictedEpochsHalfLr = defineExercise({
  id: "02-predict-lr",
  title: "Predict: does a smaller learning rate take longer?",
  kind: "prediction",
  answer: "predictedEpochsHalfLr",
  reference: solutions.predictedEpochsHalfLr,
  tolerance: { rtol: 0, atol: 0 },
  mistakes: [
    {
      message:
        "Half-size steps do not take twice as many epochs here: from zero weights, w and b are always η times what they are with η = 1, so w·x + b has the same sign and every decision is the same.",
      variant: () => 10,
    },
    {
      message:
        "Smaller steps are not faster either: from zero weights, η only scales w and b, and every output ŷ, so every update, stays the same.",
      variant: () => 2,
    },
    {
      message:
        "6 counts until an epoch makes no update; the lesson counts errors after each epoch (the errors column).",
      variant: () => 6,
    },
    {
      message:
        "The convergence theorem holds for every η > 0: AND is linearly separable, so any learning rate gets there.",
      variant: () => 100,
    },
  ],
  hints: [
    "Start from w = [0, 0], b = 0. With η = 0.5, what is every change of w and b, compared with η = 1?",
    "Every weight and the bias are sums of ±η·x: with η = 0.5 they are exactly half of those with η = 1. Does halving w·x + b change its sign?",
  ],
});
