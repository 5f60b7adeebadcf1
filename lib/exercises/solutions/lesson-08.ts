/**
 * Reference answers of lesson 8 (Regularization). Each export is the declaration a solved notebook
 * cell holds (`npm run solutions` copies its text); the checks in lessons/lesson-08.ts use them.
 */

/** 08-l2-gradient: the gradient of the L2 penalty p·Σ w², with respect to each weight: 2·p·w. */
export function l2Gradient(w: number[], p: number): number[] {
  return w.map((wi) => 2 * p * wi);
}

/** 08-l1-gradient: the gradient of the L1 penalty p·Σ |w|: p·sign(w), 0 at w = 0. */
export function l1Gradient(w: number[], p: number): number[] {
  return w.map((wi) => p * Math.sign(wi));
}

/**
 * 08-inverted-dropout: drop x[i] when its uniform draw u[i] < p, scale the survivors by 1/(1 − p),
 * so that the expected output equals x.
 */
export function invertedDropout(x: number[], p: number, u: number[]): number[] {
  return x.map((xi, i) => (u[i] < p ? 0 : xi / (1 - p)));
}

/** 08-patience: the smallest patience that still reaches the best epoch (16) of the lesson's run. */
export const patience: number = 2;

/** 08-predict-stop: the epoch at which fit stops with patience 10 (the best epoch was 16). */
export const predictedStopEpoch: number = 26;

/** 08-pad-crop: pad with `padding` zeros on every side, then cut the H×W window at (top, left). */
// prettier-ignore
export function padCrop(
  image: number[][],
  padding: number,
  top: number,
  left: number,
): number[][] {
  const h = image.length;
  const w = image[0].length;
  const padded = Array.from({ length: h + 2 * padding }, () =>
    new Array<number>(w + 2 * padding).fill(0),
  );
  for (let i = 0; i < h; i++)
    for (let j = 0; j < w; j++) padded[i + padding][j + padding] = image[i][j];
  return padded.slice(top, top + h).map((row) => row.slice(left, left + w));
}
