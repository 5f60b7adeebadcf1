/**
 * The exercises of lesson 7 (Convolutional networks): `dl.check.conv2d(conv2d)`,
 * `dl.check.outputSize(outputSize)`, `dl.check.maxPool(maxPool)`, `dl.check.sharedParams(…)`
 * and the prediction `dl.check.predictedRanking(ranking)` (three models by held-out accuracy).
 */
import { Rng } from "../../data/rng";
import { defineExercise } from "../define";
import * as solutions from "../solutions/lesson-07";
import {
  KERNEL,
  NEGATIVE,
  POOL,
  SOURCE,
  averagePool,
  flip,
  overlappingMax,
  pad,
  partialWindowsMax,
  randomMatrix,
  transpose,
} from "./lesson-07-inputs";

const rng = new Rng(707);

/** 07-conv2d (function): valid 2-d convolution without flipping, checked on the lecture's layer. */
export const conv2d = defineExercise({
  id: "07-conv2d",
  title: "2-d convolution, as the lecture computes it",
  kind: "function",
  answer: "conv2d",
  reference: solutions.conv2d,
  cases: [
    { name: "the lecture's 8x8 source and 3x3 kernel", args: [SOURCE, KERNEL] },
    {
      name: "a 4x6 source and a 2x3 kernel",
      args: [randomMatrix(rng, 4, 6), randomMatrix(rng, 2, 3, -2, 3)],
    },
    { name: "a 1x1 kernel", args: [randomMatrix(rng, 3, 3), [[2]]] },
    {
      name: "random 7x5 and 3x2",
      args: [randomMatrix(rng, 7, 5), randomMatrix(rng, 3, 2)],
      hidden: true,
    },
  ],
  mistakes: [
    {
      message:
        "You flipped the kernel (the textbook convolution). The lecture slides the kernel as it is: destination[0][0] = (−1×5)+(0×2)+(1×6)+… = 5.",
      variant: (s, k) => solutions.conv2d(s, flip(k)),
    },
    {
      message:
        "Rows and columns of the kernel are swapped: kernel[u][v] multiplies source[i + u][j + v].",
      variant: (s, k) => solutions.conv2d(s, transpose(k)),
    },
    {
      message:
        "Your output has as many rows as the source: without padding, a K×K kernel fits in only H − K + 1 positions per column.",
      variant: (s, k) => solutions.conv2d(pad(s, Math.floor(k.length / 2)), k),
    },
    {
      message:
        "Start every destination value from 0: your sum carried on from the previous position of the row (declare it inside the loop over j).",
      variant: (s, k) =>
        solutions
          .conv2d(s, k)
          .map((r) => r.map((_, j) => r.slice(0, j + 1).reduce((a, b) => a + b))),
    },
    {
      message:
        "Your output is one row or column short: the last window starts at H − K, so loop while i + K ≤ H.",
      variant: (s, k) =>
        solutions
          .conv2d(s, k)
          .slice(0, -1)
          .map((r) => r.slice(0, -1)),
    },
  ],
  hints: [
    "Each destination value is the sum, over the kernel's cells, of kernel value × the source value under it.",
    "Four loops: i over H − KH + 1 rows, j over W − KW + 1 columns, then u and v over the kernel.",
    "sum += source[i + u][j + v] * kernel[u][v]; after the inner two loops, push sum into the row.",
  ],
});

/** 07-output-size (function): ⌊(n + 2p − k) / s⌋ + 1. */
export const outputSize = defineExercise({
  id: "07-output-size",
  title: "The output size of a convolution",
  kind: "function",
  answer: "outputSize",
  reference: solutions.outputSize,
  cases: [
    { name: "the lecture: 8, 3x3, no padding, stride 1", args: [8, 3, 0, 1] },
    { name: "padding 2: 5, 3x3, padding 2, stride 1", args: [5, 3, 2, 1] },
    { name: "'same' padding: 8, 3x3, padding 1, stride 1", args: [8, 3, 1, 1] },
    { name: "stride 2: 8, 3x3, padding 1, stride 2", args: [8, 3, 1, 2] },
    { name: "AlexNet's first layer: 227, 11x11, padding 0, stride 4", args: [227, 11, 0, 4] },
    { name: "7, 3x3, padding 0, stride 2", args: [7, 3, 0, 2] },
    { name: "28, 5x5, padding 2, stride 3", args: [28, 5, 2, 3], hidden: true },
  ],
  mistakes: [
    {
      message: "You forgot the + 1: a kernel as large as the input still fits once.",
      variant: (n, k, p, s) => Math.floor((n + 2 * p - k) / s),
    },
    {
      message: "Padding adds p on both sides: n + 2p, not n + p.",
      variant: (n, k, p, s) => Math.floor((n + p - k) / s) + 1,
    },
    {
      message: "The stride divides the room the kernel can move in: ⌊(n + 2p − k) / s⌋ + 1.",
      variant: (n, k, p) => n + 2 * p - k + 1,
    },
    {
      message:
        "A size is a whole number: round down with Math.floor (a window that does not fit is not used).",
      variant: (n, k, p, s) => (n + 2 * p - k) / s + 1,
    },
    {
      message:
        "Round down, not up: a last window that would stick out past the padding is not used (Math.floor, not Math.ceil or Math.round).",
      variant: (n, k, p, s) => Math.ceil((n + 2 * p - k) / s) + 1,
    },
  ],
  hints: [
    "Count the positions of the kernel's left edge along one side.",
    "With padding the input is n + 2p wide; the kernel can start at 0, s, 2s, … up to n + 2p − k.",
    "return Math.floor((n + 2 * padding - k) / stride) + 1;",
  ],
});

/** 07-max-pool (function): non-overlapping max pooling, checked on the lecture's 4x4 layer. */
export const maxPool = defineExercise({
  id: "07-max-pool",
  title: "Max pooling",
  kind: "function",
  answer: "maxPool",
  reference: solutions.maxPool,
  cases: [
    { name: "the lecture's 4x4 layer, 2x2 windows", args: [POOL, 2] },
    { name: "a 4x4 layer whose left windows hold only negative numbers", args: [NEGATIVE, 2] },
    { name: "a 6x6 layer, 3x3 windows", args: [randomMatrix(rng, 6, 6), 3] },
    {
      name: "a 5x4 layer with negatives, 2x2 (last row unused)",
      args: [randomMatrix(rng, 5, 4, -9, 3), 2],
    },
    { name: "random 8x8, 2x2", args: [randomMatrix(rng, 8, 8), 2], hidden: true },
  ],
  mistakes: [
    {
      message: "That is average pooling: max pooling keeps the largest value of each window.",
      variant: (x, size) => averagePool(x, size),
    },
    {
      message: "You kept the smallest value of each window: max pooling keeps the largest.",
      variant: (x, size) =>
        solutions
          .maxPool(
            x.map((r) => r.map((v) => -v)),
            size,
          )
          .map((r) => r.map((v) => -v)),
    },
    {
      message:
        "Your windows overlap (stride 1): move the window by its size, so a 4x4 layer gives 2x2.",
      variant: (x, size) => overlappingMax(x, size),
    },
    {
      message:
        "Start each window's maximum from -Infinity (or its first value), not from 0: a window of negative numbers has a negative maximum.",
      variant: (x, size) => solutions.maxPool(x, size).map((r) => r.map((v) => Math.max(0, v))),
    },
    {
      message:
        "Rows or columns left over at the end are not used: a 5-row layer with 2x2 windows gives 2 rows, not 3 (no partial window).",
      variant: (x, size) => partialWindowsMax(x, size),
    },
  ],
  hints: [
    "Split the layer into size×size blocks that do not overlap; each block gives one number.",
    "The block at output (i, j) covers rows i·size … i·size + size − 1 and the same for columns.",
    "Loop i from 0 while i + size ≤ rows, step size; inside, take Math.max over the block.",
  ],
});

/** 07-shared-params (value): the CNN's parameters that are used at every position of the image. */
export const sharedParams = defineExercise({
  id: "07-shared-params",
  title: "Which parameters are shared across positions?",
  kind: "value",
  answer: "sharedParams",
  reference: solutions.sharedParams,
  mistakes: [
    {
      message:
        "Not all 1898: the dense layer's weights are not shared. Each of its 64 · 10 weights connects one pooled feature at one place to one class, and is used once per image.",
      variant: () => 1898,
    },
    {
      message:
        "650 are the dense layer's parameters, the ones that are NOT shared; count the two convolutions' instead.",
      variant: () => 650,
    },
    {
      message:
        "A filter's bias is added at every position too: count the biases of both convolutions with their weights.",
      variant: () => 8 * 9 + 16 * 8 * 9,
    },
    {
      message:
        "Both convolutions slide over their input: the second one's 16 filters (of 8 · 3 · 3 weights each, plus biases) are shared too.",
      variant: () => 80,
    },
    {
      message:
        "The first convolution's 8 filters (3 · 3 weights and a bias each) are shared too, not only the second's.",
      variant: () => 1168,
    },
  ],
  hints: [
    "A convolution applies the same filters at every position; a dense layer has one weight per (input, output) pair.",
    "Add up the parameters of the two Conv2d layers: F · C · k · k weights and F biases each.",
    "8 · 1 · 9 + 8 for the first convolution, plus 16 · 8 · 9 + 16 for the second.",
  ],
});

type Model = "CNN" | "MLP" | "linear";

/** 07-predict-ranking (prediction): the three models ordered by mean held-out accuracy. */
export const predictedRanking = defineExercise({
  id: "07-predict-ranking",
  title: "Predict: CNN, MLP or linear?",
  kind: "prediction",
  answer: "predictedRanking",
  reference: solutions.predictedRanking,
  mistakes: [
    {
      message:
        "With about the same number of parameters, the CNN does better than the MLP: its 3x3 filters reuse the same weights at every position, so it learns local strokes wherever they appear.",
      variant: (): Model[] => ["MLP", "CNN", "linear"],
    },
    {
      message:
        "The MLP's hidden layer does help: the linear model (no hidden layer, 650 weights) can only separate the classes by hyperplanes in pixel space, and comes last.",
      variant: (): Model[] => ["CNN", "linear", "MLP"],
    },
    {
      message: "That is the order from lowest to highest: the question asks for the highest first.",
      variant: (): Model[] => ["linear", "MLP", "CNN"],
    },
    {
      message:
        "The CNN comes first, not last: weight sharing spends its parameters on strokes that can appear anywhere.",
      variant: (): Model[] => ["MLP", "linear", "CNN"],
    },
    {
      message:
        "The linear model, with no hidden layer and a third of the parameters, comes last; the CNN first.",
      variant: (): Model[] => ["linear", "CNN", "MLP"],
    },
  ],
  hints: [
    "The CNN and the MLP have about 1,900 parameters each, the linear model 650. Which spends them on patterns that can appear anywhere?",
    "A convolution's weights are shared across positions; a dense layer learns each pixel's weight separately; a linear model has no hidden layer at all.",
  ],
});
