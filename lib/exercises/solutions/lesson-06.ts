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
  const w = dl.tensor(params.w.toArray(), { requiresGrad: true }); // copies: params stay unchanged
  const b = dl.tensor(params.b.toArray(), { requiresGrad: true });
  for (const batch of dl.data.batches(data, { batchSize: options.batchSize })) {
    const loss = dl.nn.mse(dl.matmul(batch.x, w).add(b), batch.y); // forward on this batch
    dl.zeroGrad([w, b]);
    dl.backward(loss); // ∂loss/∂w, ∂loss/∂b
    for (const p of [w, b]) {
      for (let i = 0; i < p.size; i++) p.data[i] -= options.lr * p.grad!.data[i]; // w ← w − η ∂L/∂w
    }
  }
  return { w, b };
}

/** 06-predict-smoothest: the batch size (1, 8 or 64 = N) whose loss curve per update is smoothest. */
export const predictedSmoothest: number = 64;
