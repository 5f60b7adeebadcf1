/**
 * The exercises of lesson 7 (Convolutional networks): `dl.check.conv2d(conv2d)`,
 * `dl.check.outputSize(outputSize)`, `dl.check.maxPool(maxPool)` and the prediction
 * `dl.check.predictedCnnWins(cnnAccuracy > mlpAccuracy)`.
 */
import { Rng } from "../../rng";
import { defineExercise } from "../define";
import * as solutions from "../solutions/lesson-07";

// prettier-ignore
const SOURCE = [
  [5, 2, 6, 8, 2, 0, 1, 2], [4, 3, 4, 5, 1, 9, 6, 3], [3, 9, 2, 4, 7, 7, 6, 9], [1, 3, 4, 6, 8, 2, 2, 1],
  [8, 4, 6, 2, 3, 1, 8, 8], [5, 8, 9, 0, 1, 0, 2, 3], [9, 2, 6, 6, 3, 6, 2, 1], [9, 8, 8, 2, 6, 3, 4, 5],
];
const KERNEL = [
  [-1, 0, 1],
  [2, 1, 2],
  [1, -2, 0],
];
const POOL = [
  [4, 1, 5, 0],
  [7, 8, 9, 8],
  [3, 5, 6, 5],
  [2, 4, 1, 0],
];

/** A rows×cols matrix of integers in [lo, hi), from a seeded generator (the random cases). */
function randomMatrix(rng: Rng, rows: number, cols: number, lo = -4, hi = 10): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.int(lo, hi)));
}

const flip = (k: number[][]): number[][] => k.map((r) => [...r].reverse()).reverse();
const transpose = (k: number[][]): number[][] => k[0].map((_, j) => k.map((r) => r[j]));
/** Zero padding of p on every side. */
const pad = (x: number[][], p: number): number[][] => {
  const w = x[0].length + 2 * p;
  const zeros = () => new Array<number>(w).fill(0);
  const rows = x.map((r) => [
    ...new Array<number>(p).fill(0),
    ...r,
    ...new Array<number>(p).fill(0),
  ]);
  return [...Array.from({ length: p }, zeros), ...rows, ...Array.from({ length: p }, zeros)];
};

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
  ],
  hints: [
    "Split the layer into size×size blocks that do not overlap; each block gives one number.",
    "The block at output (i, j) covers rows i·size … i·size + size − 1 and the same for columns.",
    "Loop i from 0 while i + size ≤ rows, step size; inside, take Math.max over the block.",
  ],
});

function averagePool(x: number[][], size: number): number[][] {
  const sums = solutions.conv2d(
    x,
    [...Array(size)].map(() => new Array<number>(size).fill(1 / (size * size))),
  );
  return sums.filter((_, i) => i % size === 0).map((r) => r.filter((_, j) => j % size === 0));
}

function overlappingMax(x: number[][], size: number): number[][] {
  return x.slice(0, x.length - size + 1).map((r, i) =>
    r.slice(0, r.length - size + 1).map((_, j) => {
      let best = -Infinity;
      for (let u = 0; u < size; u++)
        for (let v = 0; v < size; v++) best = Math.max(best, x[i + u][j + v]);
      return best;
    }),
  );
}

/** 07-predict-cnn-wins (prediction): does the CNN beat the MLP of similar size on held-out digits? */
export const predictedCnnWins = defineExercise({
  id: "07-predict-cnn-wins",
  title: "Predict: CNN or MLP?",
  kind: "prediction",
  answer: "predictedCnnWins",
  reference: solutions.predictedCnnWins,
  mistakes: [
    {
      message:
        "With about the same number of parameters, the CNN does better: its 3x3 filters reuse the same weights at every position, so it learns local strokes wherever they appear.",
      variant: () => false,
    },
  ],
  hints: [
    "Both networks have about 1,900 parameters. Which one spends them on patterns that can appear anywhere in the image?",
    "A convolution's weights are shared across positions; a dense layer learns each pixel's weight separately.",
  ],
});
