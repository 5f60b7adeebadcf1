/**
 * Reference answers of lesson 3 (The XOR failure). Each export is the declaration a solved notebook
 * cell holds (`npm run solutions` copies its text); the checks in lessons/lesson-03.ts use them.
 */

/** 03-xor-by-hand: a 2-2-1 network of threshold units: h1 = OR, h2 = AND, out = h1 AND NOT h2. */
export function xorNet(x1: number, x2: number): number {
  const step = (z: number): number => (z >= 0 ? 1 : 0);
  const h1 = step(1 * x1 + 1 * x2 - 0.5); // OR
  const h2 = step(1 * x1 + 1 * x2 - 1.5); // AND
  return step(1 * h1 - 1 * h2 - 0.5); // OR and not AND
}

/** 03-predict-errors: XOR points the perceptron gets wrong after its 100th epoch (in order, η = 1). */
export const predictedXorErrors: number = 2;

/** 03-predict-separable: how many of the 16 boolean functions of two inputs a perceptron learns. */
export const predictedSeparable: number = 14;

/** 03-hidden-points: [h1, h2] = [OR, AND] of (0, 0), (0, 1), (1, 0), (1, 1). */
// prettier-ignore
export const hiddenPoints: number[][] = [[0, 0], [1, 0], [1, 0], [1, 1]];
