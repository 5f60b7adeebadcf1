/**
 * The exercises of lesson 8 (Regularization): `dl.check.l2Gradient(l2Gradient)`,
 * `dl.check.invertedDropout(invertedDropout)`, `dl.check.patience(patience)` and the prediction
 * `dl.check.predictedStopEpoch(history.epochs)`.
 */
import { Rng } from "../../rng";
import { defineExercise } from "../define";
import * as solutions from "../solutions/lesson-08";

const rng = new Rng(808);
const uniforms = (n: number): number[] => Array.from({ length: n }, () => rng.uniform());
const normals = (n: number): number[] => Array.from({ length: n }, () => rng.normal());
/** Many equal inputs: the mean of the answer estimates E[out], which must be the input (1). */
const ONES = new Array<number>(2000).fill(1);

/** 08-l2-gradient (function): ∂/∂w of p·Σ w² is 2·p·w. */
export const l2Gradient = defineExercise({
  id: "08-l2-gradient",
  title: "The gradient of the L2 penalty",
  kind: "function",
  answer: "l2Gradient",
  reference: solutions.l2Gradient,
  cases: [
    { name: "w = [1, -2, 0.5], p = 0.1", args: [[1, -2, 0.5], 0.1] },
    { name: "w = [0, 3], p = 0.01", args: [[0, 3], 0.01] },
    { name: "random weights, p = 0.001", args: [normals(6), 0.001] },
    { name: "random weights, p = 0.5", args: [normals(9), 0.5], hidden: true },
  ],
  mistakes: [
    {
      message: "You forgot the 2: the derivative of w² is 2w, so the gradient of p·Σ w² is 2·p·w.",
      variant: (w, p) => w.map((wi) => p * wi),
    },
    {
      message: "Where is p? The penalty p·Σ w² is scaled by p, and so is its gradient: 2·p·w.",
      variant: (w) => w.map((wi) => 2 * wi),
    },
    {
      message:
        "That is the L1 penalty's gradient p·sign(w): L2 pulls each weight in proportion to its size, 2·p·w.",
      variant: (w, p) => w.map((wi) => p * Math.sign(wi)),
    },
    {
      message: "You returned the penalty's terms p·w², not their derivative 2·p·w.",
      variant: (w, p) => w.map((wi) => p * wi * wi),
    },
  ],
  hints: [
    "The penalty is a sum of independent terms p·w_i²; the gradient for w_i only involves its own term.",
    "d/dw (p·w²) = 2·p·w.",
    "return w.map((wi) => 2 * p * wi);",
  ],
});

/** 08-inverted-dropout (function): drop when u < p, scale survivors by 1/(1 − p). */
export const invertedDropout = defineExercise({
  id: "08-inverted-dropout",
  title: "Inverted dropout",
  kind: "function",
  answer: "invertedDropout",
  reference: solutions.invertedDropout,
  cases: [
    { name: "x = [1, 2, 3, 4], p = 0.5", args: [[1, 2, 3, 4], 0.5, [0.1, 0.7, 0.5, 0.2]] },
    { name: "x = [4, 8, 12], p = 0.25", args: [[4, 8, 12], 0.25, [0.6, 0.1, 0.3]] },
    { name: "p = 0 keeps everything", args: [[1, -2, 3], 0, [0.3, 0.01, 0.9]] },
    { name: "expectation: 2000 ones, p = 0.3 (mean ≈ 1)", args: [ONES, 0.3, uniforms(2000)] },
    { name: "random, p = 0.2", args: [normals(10), 0.2, uniforms(10)], hidden: true },
  ],
  mistakes: [
    {
      message:
        "You dropped the right units but did not scale the survivors: then E[out] = (1 − p)·x, not x. Divide the kept values by 1 − p.",
      variant: (x, p, u) => x.map((xi, i) => (u[i] < p ? 0 : xi)),
    },
    {
      message:
        "Survivors must be divided by 1 − p, the keep probability, not by p (ConvNetJS had this bug for years).",
      variant: (x, p, u) => x.map((xi, i) => (u[i] < p ? 0 : xi / p)),
    },
    {
      message:
        "Multiplying by 1 − p is the lecture's test-time rule for the weights; in inverted dropout the training survivors are divided by 1 − p instead.",
      variant: (x, p, u) => x.map((xi, i) => (u[i] < p ? 0 : xi * (1 - p))),
    },
    {
      message:
        "Your mask is inverted: a unit is dropped when its draw u[i] < p (probability p), and kept otherwise.",
      variant: (x, p, u) => x.map((xi, i) => (u[i] < p ? xi / (1 - p) : 0)),
    },
  ],
  hints: [
    "Each unit i has its own uniform draw u[i] in [0, 1); u[i] < p happens with probability p.",
    "Dropped units give 0; kept ones give x[i] / (1 − p), so that E[out_i] = (1 − p)·x[i]/(1 − p) = x[i].",
    "return x.map((xi, i) => (u[i] < p ? 0 : xi / (1 - p)));",
  ],
});

/** 08-patience (value): a patience for early stopping, between 4 and 16 epochs on this curve. */
export const patience = defineExercise({
  id: "08-patience",
  title: "Choose a patience",
  kind: "value",
  answer: "patience",
  reference: solutions.patience,
  tolerance: { atol: 6 },
  mistakes: [
    {
      message:
        "That patience is too short: the validation loss is noisy, and one epoch without a new best is not yet overfitting. Give it a few epochs (about 5–15 here).",
      variant: () => 1,
    },
    {
      message:
        "That patience is as long as the whole run: training would never stop early. About 5–15 epochs is enough to see the trend turn on this curve.",
      variant: () => 60,
    },
  ],
  hints: [
    "Look at the validation curve: how many epochs does it wobble up and down before it climbs for good?",
    "Too short stops on noise; too long wastes epochs (the best weights are restored either way).",
    "Anything from about 5 to 15 epochs is reasonable here; 10 is a common choice.",
  ],
});

/** 08-predict-stop (prediction): with patience 10, fit stops 10 epochs after the best one. */
export const predictedStopEpoch = defineExercise({
  id: "08-predict-stop",
  title: "Predict: when does early stopping stop?",
  kind: "prediction",
  answer: "predictedStopEpoch",
  reference: solutions.predictedStopEpoch,
  tolerance: { atol: 3 },
  mistakes: [
    {
      message:
        "Patience counts the epochs after the best one: training stops at the best epoch + patience, not at epoch = patience.",
      variant: () => 10,
    },
    {
      message:
        "It does stop early: after 10 epochs without a new best validation loss, fit ends the run.",
      variant: () => 60,
    },
  ],
  hints: [
    "Find the epoch with the lowest validation loss in the curve above.",
    "fit waits `patience` more epochs for a new best, then stops: best epoch + patience.",
  ],
});
