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
