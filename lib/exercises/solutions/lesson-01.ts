/**
 * Reference answers of lesson 1 (The neuron). Each export is the declaration a solved notebook cell
 * holds (`npm run solutions` copies its text); the checks in lessons/lesson-01.ts use them.
 */
import * as dl from "./dl";

/** 01-sigmoid: σ(z) = 1 / (1 + e^(−z)). */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** 01-sigmoid-derivative: σ′(z) = σ(z)·(1 − σ(z)). */
export function sigmoidDerivative(z: number): number {
  const s = 1 / (1 + Math.exp(-z));
  return s * (1 - s);
}

/** 01-neuron-output: y = σ(x1·w1 + x2·w2 + … + b). */
export function neuronOutput(x: number[], w: number[], b: number): number {
  let z = b;
  for (let i = 0; i < x.length; i++) z += x[i] * w[i];
  return 1 / (1 + Math.exp(-z));
}

/** 01-nand: NAND as one McCulloch–Pitts unit: fires unless both inputs are on. */
export const nand: dl.nn.Gate = dl.nn.mcCullochPitts({ weights: [-1, -1], threshold: -1 });

/** 01-predict-zeros: the fraction of a random ReLU layer's outputs that are exactly zero. */
export const predictedZeroFraction: number = 0.5;
