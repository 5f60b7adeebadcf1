/**
 * The exercises of lesson 8 (Regularization): `dl.check.l2Gradient(l2Gradient)`,
 * `dl.check.l1Gradient(l1Gradient)`, `dl.check.invertedDropout(invertedDropout)`,
 * `dl.check.patience(patience)`, the prediction `dl.check.predictedStopEpoch(history.epochs)`
 * and `dl.check.padCrop(padCrop)` (an augmentation; in lesson-08-augment.ts).
 */
import { Rng } from "../../data/rng";
import { defineExercise } from "../define";
import * as solutions from "../solutions/lesson-08";
import { PAD_CROP_SLIPS } from "./lesson-08-augment";

const rng = new Rng(808);
/** A rows×cols image of integers 1..9 (distinct enough that every slip shows). */
const digits = (rows: number, cols: number): number[][] =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.int(1, 10)));
// prettier-ignore
const IMAGE = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]];
// prettier-ignore
const WIDE = [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11, 12, 13, 14, 15]];
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

/** 08-l1-gradient (function): ∂/∂w of p·Σ |w| is p·sign(w), and 0 at w = 0. */
export const l1Gradient = defineExercise({
  id: "08-l1-gradient",
  title: "The gradient of the L1 penalty",
  kind: "function",
  answer: "l1Gradient",
  reference: solutions.l1Gradient,
  cases: [
    { name: "w = [1.5, -2, 0.25], p = 0.1", args: [[1.5, -2, 0.25], 0.1] },
    { name: "a weight at exactly 0: w = [0, -0.5, 3], p = 0.01", args: [[0, -0.5, 3], 0.01] },
    { name: "random weights, p = 0.001", args: [normals(6), 0.001] },
    { name: "random weights and a 0, p = 0.3", args: [[...normals(5), 0], 0.3], hidden: true },
  ],
  mistakes: [
    {
      message: "That is the L2 penalty's gradient 2·p·w: for p·Σ |w| it is p·sign(w).",
      variant: (w, p) => w.map((wi) => 2 * p * wi),
    },
    {
      message:
        "The slope of |w| is sign(w) (+1 or −1), not w: L1 pulls every weight by the same amount p, however small it is.",
      variant: (w, p) => w.map((wi) => p * wi),
    },
    {
      message: "Where is p? The penalty p·Σ |w| is scaled by p, and so is its gradient: p·sign(w).",
      variant: (w) => w.map((wi) => Math.sign(wi)),
    },
    {
      message:
        "|w| falls when a negative weight grows: its slope is −1 for w < 0, so the gradient is p·sign(w), not p.",
      variant: (w, p) => w.map((wi) => (wi === 0 ? 0 : p)),
    },
    {
      message: "You returned the penalty's terms p·|w|, not their derivative p·sign(w).",
      variant: (w, p) => w.map((wi) => p * Math.abs(wi)),
    },
    {
      message:
        "At w = 0, |w| has no slope: the course (like dl.optim.l1Penalty) takes sign(0) = 0, so a weight that is exactly 0 stays there. Math.sign does this.",
      variant: (w, p) => w.map((wi) => (wi >= 0 ? p : -p)),
    },
  ],
  hints: [
    "The penalty is a sum of independent terms p·|w_i|; the gradient for w_i only involves its own term.",
    "d|w|/dw is +1 for w > 0 and −1 for w < 0; at w = 0 the course uses 0.",
    "return w.map((wi) => p * Math.sign(wi));",
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
    { name: "a draw equal to p is kept: p = 0.5", args: [[2, 4, 6], 0.5, [0.5, 0.25, 0.75]] },
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
        "A draw equal to p is kept: drop only when u[i] < p. For a draw uniform in [0, 1), that happens with probability exactly p (as in dl.nn.dropout).",
      variant: (x, p, u) => x.map((xi, i) => (u[i] <= p ? 0 : xi / (1 - p))),
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

/** 08-patience (value): the smallest patience that still reaches the run's best epoch (16). */
export const patience = defineExercise({
  id: "08-patience",
  title: "The smallest patience that finds the best epoch",
  kind: "value",
  answer: "patience",
  reference: solutions.patience,
  mistakes: [
    {
      message:
        "Early stopping cannot stop at the best epoch itself: it only knows an epoch was the best after later ones failed to beat it. The patience counts those epochs (fit needs at least 1).",
      variant: () => 0,
    },
    {
      message:
        "With patience 1, fit stops at epoch 13, the first epoch without a new best, and restores epoch 12: the patience must be longer than the longest wait for a new best before epoch 16.",
      variant: () => 1,
    },
    {
      message:
        "16 is the best epoch, not a patience: the patience is a number of epochs to wait after the last new best.",
      variant: () => 16,
    },
    {
      message:
        "A patience of 3 also reaches epoch 16, but it is not the smallest: count the longest run of epochs without a new best before epoch 16, and add one.",
      variant: () => 3,
    },
    {
      message:
        "10 reaches epoch 16 too (the next run uses it, with a margin for noise), but it is not the smallest patience that does.",
      variant: () => 10,
    },
  ],
  hints: [
    "Go through the validation losses above epoch by epoch: after which epochs was there no new best, and how many in a row?",
    "Before epoch 16 the longest run without a new best is one epoch (epoch 13, after the best of epoch 12). fit stops as soon as the run reaches the patience.",
    "The patience must be one more than that longest run.",
  ],
});

/** 08-predict-stop (prediction): with patience 10, fit stops 10 epochs after the best one. */
export const predictedStopEpoch = defineExercise({
  id: "08-predict-stop",
  title: "Predict: when does early stopping stop?",
  kind: "prediction",
  answer: "predictedStopEpoch",
  reference: solutions.predictedStopEpoch,
  mistakes: [
    {
      message:
        "fit does not stop at the best epoch itself: it can only know that epoch 16 was the best after 10 more epochs without a better one. It stops after the best epoch + patience.",
      variant: () => 16,
    },
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
    {
      message:
        "One too many: the 10 epochs of waiting are epochs 17 to 26, and fit stops right after the 10th.",
      variant: () => 27,
    },
    {
      message:
        "One too few: the best epoch itself is not one of the 10 epochs of waiting; they are epochs 17 to 26.",
      variant: () => 25,
    },
  ],
  hints: [
    "Find the epoch with the lowest validation loss in the curve above.",
    "fit waits `patience` more epochs for a new best, then stops: best epoch + patience.",
  ],
});

/** 08-pad-crop (function): pad with zeros, then cut the H×W window at (top, left). */
export const padCrop = defineExercise({
  id: "08-pad-crop",
  title: "Pad and crop, written by hand",
  kind: "function",
  answer: "padCrop",
  reference: solutions.padCrop,
  // Shifts (top − p, left − p) with |dy| ≠ |dx| and neither 0: else "reversed" and "swapped" agree.
  cases: [
    { name: "a 4x4 image, padding 2, window at (0, 3)", args: [IMAGE, 2, 0, 3] },
    { name: "a 3x5 image, padding 2, window at (3, 0)", args: [WIDE, 2, 3, 0] },
    { name: "a 4x4 image, padding 1, window at (1, 1): unchanged", args: [IMAGE, 1, 1, 1] },
    { name: "a random 6x6 image, padding 2, window at (4, 1)", args: [digits(6, 6), 2, 4, 1] },
    { name: "a random 5x7 image, padding 3", args: [digits(5, 7), 3, 1, 4], hidden: true },
  ],
  mistakes: [
    {
      message:
        "Your window moved the other way: the window's top-left corner at (top, left) of the padded image means out[i][j] = padded[i + top][j + left].",
      variant: PAD_CROP_SLIPS.reversed,
    },
    {
      message:
        "Rows and columns are swapped: top moves the window down the rows, left across the columns.",
      variant: PAD_CROP_SLIPS.swapped,
    },
    {
      message:
        "The image wrapped around (what comes out on one side goes in on the other): pad with zeros instead, so a shifted digit is not cut in two.",
      variant: PAD_CROP_SLIPS.wrapped,
    },
    {
      message:
        "You padded but did not crop: the result must have the image's size, H×W, cut out of the padded (H + 2p)×(W + 2p) image.",
      variant: PAD_CROP_SLIPS.uncropped,
    },
    {
      message:
        "top and left count in the padded image, whose row 0 is padding: out[i][j] = image[i + top − p][j + left − p].",
      variant: PAD_CROP_SLIPS.unshifted,
    },
  ],
  hints: [
    "Build the padded image first: (H + 2p) rows of (W + 2p) zeros, with the image copied in at (p, p).",
    "Then copy the H×W window whose top-left corner is at (top, left) of the padded image.",
    "out[i][j] = padded[i + top][j + left] for i < H, j < W.",
  ],
});
