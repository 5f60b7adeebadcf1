/**
 * Reference answers of lesson 8 (Regularization). Each export is the declaration a solved notebook
 * cell holds (`npm run solutions` copies its text); the checks in lessons/lesson-08.ts use them.
 */

/** 08-l2-gradient: the gradient of the L2 penalty p·Σ w², with respect to each weight: 2·p·w. */
export function l2Gradient(w: number[], p: number): number[] {
  return w.map((wi) => 2 * p * wi);
}

/**
 * 08-inverted-dropout: drop x[i] when its uniform draw u[i] < p, scale the survivors by 1/(1 − p),
 * so that the expected output equals x.
 */
export function invertedDropout(x: number[], p: number, u: number[]): number[] {
  return x.map((xi, i) => (u[i] < p ? 0 : xi / (1 - p)));
}

/** 08-patience: epochs without improvement of the validation loss before early stopping. */
export const patience: number = 10;

/** 08-predict-stop: the epoch at which fit stops with patience 10 (the best epoch was 16). */
export const predictedStopEpoch: number = 26;
