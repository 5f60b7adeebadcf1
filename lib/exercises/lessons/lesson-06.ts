/**
 * The exercises of lesson 6 (Gradient descent): `dl.check.sgdEpoch(sgdEpoch)` (one epoch of
 * mini-batch SGD written by hand) and the prediction `dl.check.predictedSmoothest(batchSize)`.
 */
import { backward, zeroGrad } from "../../autograd/backward";
import { batches } from "../../data/split";
import { mse } from "../../nn/losses";
import { tensor } from "../../tensor/creation";
import { matmul } from "../../tensor/matmul";
import { Tensor } from "../../tensor/tensor";
import { defineExercise } from "../define";
import * as solutions from "../solutions/lesson-06";

type Params = { w: Tensor; b: Tensor };
type Data = { x: Tensor; y: Tensor };
type Options = { batchSize: number; lr: number };
type Slip = "fullBatch" | "ascent" | "firstOnly" | "noZeroGrad";

/** One epoch as the reference does it, but with one known slip. */
function epochWith(slip: Slip) {
  return (params: Params, data: Data, options: Options): Params => {
    const w = tensor(params.w.toArray(), { requiresGrad: true });
    const b = tensor(params.b.toArray(), { requiresGrad: true });
    const batchSize = slip === "fullBatch" ? data.x.shape[0] : options.batchSize;
    const all = batches(data, { batchSize });
    const lr = slip === "ascent" ? -options.lr : options.lr;
    for (const batch of slip === "firstOnly" ? all.slice(0, 1) : all) {
      if (slip !== "noZeroGrad") zeroGrad([w, b]);
      backward(mse(matmul(batch.x, w).add(b), batch.y));
      for (const p of [w, b]) for (let i = 0; i < p.size; i++) p.data[i] -= lr * p.grad!.data[i];
    }
    return { w, b };
  };
}

// prettier-ignore
const X = tensor([[0.5, -1], [1.5, 0.2], [-0.3, 0.8], [2, 1], [-1, -0.5], [0.1, 0.3], [1.2, -0.7], [-0.8, 1.5]]);
const Y = tensor([[3.5], [3.4], [-1], [2], [0.5], [0.3], [4.5], [-5]]);
const zeros = (): Params => ({ w: tensor([[0], [0]]), b: tensor([0]) });

/** 06-sgd-epoch (function): one epoch of mini-batch SGD for a linear model, by hand. */
export const sgdEpoch = defineExercise({
  id: "06-sgd-epoch",
  title: "One epoch of mini-batch SGD, by hand",
  kind: "function",
  answer: "sgdEpoch",
  reference: solutions.sgdEpoch,
  cases: [
    {
      name: "8 rows, batches of 4, η = 0.1",
      args: [zeros(), { x: X, y: Y }, { batchSize: 4, lr: 0.1 }],
    },
    {
      name: "8 rows, batches of 3 (the last has 2), η = 0.05",
      args: [
        { w: tensor([[1], [-1]]), b: tensor([0.5]) },
        { x: X, y: Y },
        { batchSize: 3, lr: 0.05 },
      ],
    },
    {
      name: "batches of 1 (SGD)",
      args: [zeros(), { x: X, y: Y }, { batchSize: 1, lr: 0.02 }],
      hidden: true,
    },
  ],
  mistakes: [
    {
      message:
        "That is one step of batch gradient descent: mini-batch SGD takes one step per batch, so an epoch has ⌈N / batchSize⌉ updates.",
      variant: epochWith("fullBatch"),
    },
    {
      message: "The weights moved uphill: the update is w ← w − η ∂L/∂w (minus).",
      variant: epochWith("ascent"),
    },
    {
      message: "Only the first batch was used: an epoch goes through every batch once.",
      variant: epochWith("firstOnly"),
    },
    {
      message:
        "Gradients accumulate (+=) across backward() calls: reset them with dl.zeroGrad([w, b]) before each backward.",
      variant: epochWith("noZeroGrad"),
    },
  ],
  hints: [
    "Copy the parameters into tensors with requiresGrad: true, then loop over dl.data.batches(data, { batchSize }) (in order, no rng).",
    "For each batch: loss = dl.nn.mse(dl.matmul(batch.x, w).add(b), batch.y); dl.zeroGrad([w, b]); dl.backward(loss); then update.",
    "The update, for p of [w, b]: for each i, p.data[i] -= options.lr * p.grad!.data[i]. Return { w, b }.",
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
});

/** 06-predict-smoothest (prediction): which batch size gives the smoothest loss-per-update curve? */
export const predictedSmoothest = defineExercise({
  id: "06-predict-smoothest",
  title: "Predict: which batch size gives the smoothest curve?",
  kind: "prediction",
  answer: "predictedSmoothest",
  reference: solutions.predictedSmoothest,
  mistakes: [
    {
      message: "Batch size 1 is the noisiest: each step's gradient comes from a single example.",
      variant: () => 1,
    },
    {
      message:
        "8 averages some noise away, but the full batch (64) averages all of it: its gradient is the exact one.",
      variant: () => 8,
    },
  ],
  hints: [
    "The gradient of a batch is an average over its examples. Which average varies least from step to step?",
    "With the whole training set in each batch, every step uses the same, exact gradient.",
  ],
});
