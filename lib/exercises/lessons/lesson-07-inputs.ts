/**
 * The inputs and wrong answers of lesson 7's checks (lessons/lesson-07.ts): the lecture's layers,
 * seeded random matrices, and the computations behind the known mistakes (a flipped or transposed
 * kernel, "same" padding, average, overlapping and partial-window pooling).
 */
import * as solutions from "../solutions/lesson-07";

// prettier-ignore
export const SOURCE = [
  [5, 2, 6, 8, 2, 0, 1, 2], [4, 3, 4, 5, 1, 9, 6, 3], [3, 9, 2, 4, 7, 7, 6, 9], [1, 3, 4, 6, 8, 2, 2, 1],
  [8, 4, 6, 2, 3, 1, 8, 8], [5, 8, 9, 0, 1, 0, 2, 3], [9, 2, 6, 6, 3, 6, 2, 1], [9, 8, 8, 2, 6, 3, 4, 5],
];
export const KERNEL = [
  [-1, 0, 1],
  [2, 1, 2],
  [1, -2, 0],
];
/** Its two left windows hold only negative numbers: a maximum that starts from 0 gives 0 there. */
export const NEGATIVE = [
  [-3, -1, 2, 0],
  [-5, -2, 1, 4],
  [-1, -6, -4, 3],
  [-7, -3, -8, -5],
];
export const POOL = [
  [4, 1, 5, 0],
  [7, 8, 9, 8],
  [3, 5, 6, 5],
  [2, 4, 1, 0],
];

/** A rows×cols matrix of integers in [lo, hi), from a seeded generator (the random cases). */
export function randomMatrix(
  rng: { int(low: number, high: number): number },
  rows: number,
  cols: number,
  lo = -4,
  hi = 10,
): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.int(lo, hi)));
}

export const flip = (k: number[][]): number[][] => k.map((r) => [...r].reverse()).reverse();
export const transpose = (k: number[][]): number[][] => k[0].map((_, j) => k.map((r) => r[j]));
/** Zero padding of p on every side. */
export const pad = (x: number[][], p: number): number[][] => {
  const w = x[0].length + 2 * p;
  const zeros = () => new Array<number>(w).fill(0);
  const rows = x.map((r) => [
    ...new Array<number>(p).fill(0),
    ...r,
    ...new Array<number>(p).fill(0),
  ]);
  return [...Array.from({ length: p }, zeros), ...rows, ...Array.from({ length: p }, zeros)];
};

export function averagePool(x: number[][], size: number): number[][] {
  const sums = solutions.conv2d(
    x,
    [...Array(size)].map(() => new Array<number>(size).fill(1 / (size * size))),
  );
  return sums.filter((_, i) => i % size === 0).map((r) => r.filter((_, j) => j % size === 0));
}

/** Max pooling that also pools the partial windows at the bottom and right edges. */
export function partialWindowsMax(x: number[][], size: number): number[][] {
  const blocks = (n: number) => Array.from({ length: Math.ceil(n / size) }, (_, i) => i * size);
  return blocks(x.length).map((i) =>
    blocks(x[0].length).map((j) =>
      Math.max(...x.slice(i, i + size).flatMap((r) => r.slice(j, j + size))),
    ),
  );
}

export function overlappingMax(x: number[][], size: number): number[][] {
  return x.slice(0, x.length - size + 1).map((r, i) =>
    r.slice(0, r.length - size + 1).map((_, j) => {
      let best = -Infinity;
      for (let u = 0; u < size; u++)
        for (let v = 0; v < size; v++) best = Math.max(best, x[i + u][j + v]);
      return best;
    }),
  );
}
