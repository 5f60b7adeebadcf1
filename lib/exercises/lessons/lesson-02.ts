/**
 * The exercises of lesson 2 (The perceptron): `dl.check.perceptronUpdate(perceptronUpdate)` and the
 * prediction `dl.check.predictedEpochs(epochs)`.
 */
import { defineExercise } from "../define";
import * as solutions from "../solutions/lesson-02";

type Args = [number[], number, number[], number, number];
const step = (w: number[], b: number, x: number[]): number =>
  w.reduce((z, wi, i) => z + wi * x[i], b) >= 0 ? 1 : 0;
/** A variant of the rule with a different factor (y, ŷ) → δ and its own bias/input handling. */
const rule =
  (delta: (y: number, yHat: number) => number, useX = true, updateBias = true, useLr = true) =>
  (...[w, b, x, y, lr]: Args) => {
    const d = delta(y, step(w, b, x)) * (useLr ? lr : 1);
    return { w: w.map((wi, i) => wi + d * (useX ? x[i] : 1)), b: updateBias ? b + d : b };
  };

/** 02-update-rule (function): one step of the perceptron rule. */
export const perceptronUpdate = defineExercise({
  id: "02-update-rule",
  title: "The perceptron's learning rule",
  kind: "function",
  answer: "perceptronUpdate",
  reference: solutions.perceptronUpdate,
  cases: [
    { name: "says 1, should say 0", args: [[0.5, -1], 0.25, [2, 1], 0, 0.1] },
    { name: "says 0, should say 1", args: [[-1, 0.5], -0.5, [1, 3], 1, 0.5] },
    { name: "right already (no change)", args: [[1, 1], -1.5, [1, 1], 1, 1] },
    { name: "three inputs", args: [[0, 0, 0], 0, [1, -2, 3], 0, 1], hidden: true },
  ],
  mistakes: [
    {
      message: "The sign is flipped: the rule uses (y − ŷ), the target minus the output.",
      variant: rule((y, yHat) => yHat - y),
    },
    {
      message: "The bias learns too: b ← b + η (y − ŷ), as a weight whose input is always 1.",
      variant: rule((y, yHat) => y - yHat, true, false),
    },
    {
      message: "The learning rate η is missing: each step is η (y − ŷ) x.",
      variant: rule((y, yHat) => y - yHat, true, true, false),
    },
    {
      message: "Each weight moves by its own input: w_i ← w_i + η (y − ŷ) x_i.",
      variant: rule((y, yHat) => y - yHat, false),
    },
    {
      message: "Update only by the error (y − ŷ), not by y: a right answer must change nothing.",
      variant: rule((y) => y),
    },
  ],
  hints: [
    "First the output: ŷ = 1 if w·x + b ≥ 0, else 0. Then the error y − ŷ, which is −1, 0 or 1.",
    "Return new arrays, do not change w: `w.map((wi, i) => wi + lr * (y - yHat) * x[i])`.",
    "let z = b; for (let i = 0; i < w.length; i++) z += w[i] * x[i]; const yHat = z >= 0 ? 1 : 0; return { w: w.map((wi, i) => wi + lr * (y - yHat) * x[i]), b: b + lr * (y - yHat) };",
  ],
});

/** 02-predict-epochs (prediction): epochs to learn AND from zero weights. */
export const predictedEpochs = defineExercise({
  id: "02-predict-epochs",
  title: "Predict: how many epochs to learn AND?",
  kind: "prediction",
  answer: "predictedEpochs",
  reference: solutions.predictedEpochs,
  tolerance: { atol: 1 },
  mistakes: [
    {
      message:
        "One pass is not enough: fixing one example moves the line, and that can break an example it got right before.",
      variant: () => 1,
    },
    {
      message:
        "AND is linearly separable, so the convergence theorem promises a finite number of epochs, here a small one.",
      variant: () => 100,
    },
  ],
  hints: [
    "Trace the first epoch by hand: with w = [0, 0], b = 0 the output is 1 for every input (0 ≥ 0).",
    "Each wrong answer changes w and b by ±1 (η = 1); count the epochs until a whole pass makes no mistake.",
  ],
});
