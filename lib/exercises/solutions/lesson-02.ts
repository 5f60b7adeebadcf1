/**
 * Reference answers of lesson 2 (The perceptron). Each export is the declaration a solved notebook
 * cell holds (`npm run solutions` copies its text); the checks in lessons/lesson-02.ts use them.
 */

/** 02-update-rule: one step of w ← w + η (y − ŷ) x, b ← b + η (y − ŷ), returning new arrays. */
export function perceptronUpdate(
  w: number[],
  b: number,
  x: number[],
  y: number,
  lr: number,
): { w: number[]; b: number } {
  let z = b;
  for (let i = 0; i < w.length; i++) z += w[i] * x[i];
  const yHat = z >= 0 ? 1 : 0;
  const delta = y - yHat;
  return { w: w.map((wi, i) => wi + lr * delta * x[i]), b: b + lr * delta };
}

/** 02-predict-epochs: the first epoch after which all four AND points are right (η = 1, in order). */
export const predictedEpochs: number = 5;

/** 02-boundary-x2: the x2 of the boundary w1·x1 + w2·x2 + b = 0 at x1 (w2 ≠ 0). */
export function boundaryX2(w: number[], b: number, x1: number): number {
  return -(w[0] * x1 + b) / w[1];
}

/** 02-predict-lr: the first epoch after which AND is learned with η = 0.5 (from zero weights). */
export const predictedEpochsHalfLr: number = 5;
