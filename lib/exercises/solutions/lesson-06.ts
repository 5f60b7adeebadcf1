/**
 * Reference answers of lesson 6 (Gradient descent). Each export is the declaration a solved notebook
 * cell holds (`npm run solutions` copies its text); the checks in lessons/lesson-06.ts use them.
 */
import * as dl from "./dl";

/** 06-sgd-epoch: one epoch of mini-batch SGD on a linear model ŷ = x·w + b with the MSE loss. */
export function sgdEpoch(
  params: { w: dl.Tensor; b: dl.Tensor },
  data: { x: dl.Tensor; y: dl.Tensor },
  options: { batchSize: number; lr: number },
): { w: dl.Tensor; b: dl.Tensor } {
  // copies, so that params stay unchanged
  const w = dl.tensor(params.w.toArray(), { requiresGrad: true });
  const b = dl.tensor(params.b.toArray(), { requiresGrad: true });
  for (const batch of dl.data.batches(data, { batchSize: options.batchSize })) {
    const loss = dl.nn.mse(dl.matmul(batch.x, w).add(b), batch.y); // this batch's loss
    dl.zeroGrad([w, b]);
    dl.backward(loss); // ∂loss/∂w, ∂loss/∂b
    for (const p of [w, b]) {
      // w ← w − η ∂L/∂w, number by number
      for (let i = 0; i < p.size; i++) p.data[i] -= options.lr * p.grad!.data[i];
    }
  }
  return { w, b };
}

/** 06-predict-smooth-order: the batch sizes from the smoothest loss-per-update curve to the noisiest. */
export const predictedSmoothOrder: number[] = [64, 8, 1];

/** 06-adam-step: one Adam step (β₁ = 0.9, β₂ = 0.999, ε = 1e−8) on every weight, by hand. */
export function adamStep(
  w: number[],
  g: number[],
  state: { m: number[]; v: number[]; t: number },
  lr: number,
): { w: number[]; m: number[]; v: number[]; t: number } {
  const t = state.t + 1; // this step's number: 1 for the first
  const m = g.map((gi, i) => 0.9 * state.m[i] + 0.1 * gi); // running mean of g
  const v = g.map((gi, i) => 0.999 * state.v[i] + 0.001 * gi * gi); // running mean of g²
  const newW = w.map((wi, i) => {
    const mHat = m[i] / (1 - 0.9 ** t); // undo the zero start
    const vHat = v[i] / (1 - 0.999 ** t);
    return wi - (lr * mHat) / (Math.sqrt(vHat) + 1e-8);
  });
  return { w: newW, m, v, t };
}

/** 06-predict-adam-first: how far Adam's first step (η = 0.01) moves weights with g = 0.002 and 50. */
export const predictedAdamFirstStep: number[] = [0.01, 0.01];
