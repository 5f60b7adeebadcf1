/**
 * Reference answers of lesson 7 (Convolutional networks). Each export is the declaration a solved
 * notebook cell holds (`npm run solutions` copies its text); the checks in lessons/lesson-07.ts use them.
 */

/** 07-conv2d: valid 2-d convolution as the lecture defines it (no flip, stride 1, no padding). */
export function conv2d(source: number[][], kernel: number[][]): number[][] {
  const kh = kernel.length;
  const kw = kernel[0].length;
  const out: number[][] = [];
  for (let i = 0; i + kh <= source.length; i++) {
    const row: number[] = [];
    for (let j = 0; j + kw <= source[0].length; j++) {
      let sum = 0;
      for (let u = 0; u < kh; u++)
        for (let v = 0; v < kw; v++) sum += source[i + u][j + v] * kernel[u][v];
      row.push(sum);
    }
    out.push(row);
  }
  return out;
}

/** 07-output-size: the side of a convolution's output: ⌊(n + 2p − k) / s⌋ + 1. */
export function outputSize(n: number, k: number, padding: number, stride: number): number {
  return Math.floor((n + 2 * padding - k) / stride) + 1;
}

/** 07-max-pool: max pooling with a size×size window moved by size (windows do not overlap). */
export function maxPool(x: number[][], size: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i + size <= x.length; i += size) {
    const row: number[] = [];
    for (let j = 0; j + size <= x[0].length; j += size) {
      let best = -Infinity;
      for (let u = 0; u < size; u++)
        for (let v = 0; v < size; v++) best = Math.max(best, x[i + u][j + v]);
      row.push(best);
    }
    out.push(row);
  }
  return out;
}

/** 07-shared-params: the CNN's parameters used at every position: both convolutions, biases too. */
export const sharedParams: number = 8 * 1 * 9 + 8 + (16 * 8 * 9 + 16);

/** 07-predict-ranking: the three models by mean held-out accuracy over three seeds, highest first. */
export const predictedRanking: string[] = ["CNN", "MLP", "linear"];
