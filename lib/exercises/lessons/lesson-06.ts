/**
 * The exercises of lesson 6 (Gradient descent): the prediction `dl.check.predictedSmoothOrder(…)`
 * (batch sizes from smoothest to noisiest), `dl.check.sgdEpoch(sgdEpoch)` (one epoch of mini-batch
 * SGD written by hand), `dl.check.adamStep(adamStep)` (one Adam step by hand) and the prediction
 * `dl.check.predictedAdamFirstStep(…)` (how far Adam's first step moves a tiny and a huge gradient).
 */
import { backward, zeroGrad } from "../../autograd/backward";
import { batches } from "../../data/split";
import { mse } from "../../nn/losses";
import { tensor } from "../../tensor/creation";
import { matmul } from "../../tensor/matmul";
import { Tensor } from "../../tensor/tensor";
import { defineExercise } from "../define";
import * as solutions from "../solutions/lesson-06";
import { adamWith } from "./lesson-06-adam";

type Params = { w: Tensor; b: Tensor };
type Data = { x: Tensor; y: Tensor };
type Options = { batchSize: number; lr: number };
type Slip = "fullBatch" | "ascent" | "firstOnly" | "noZeroGrad" | "weightsOnly";

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
      for (const p of slip === "weightsOnly" ? [w] : [w, b])
        for (let i = 0; i < p.size; i++) p.data[i] -= lr * p.grad!.data[i];
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
    {
      message: "The bias b learns too: update every number of both w and b at each step.",
      variant: epochWith("weightsOnly"),
    },
  ],
  hints: [
    "Copy the parameters into tensors with requiresGrad: true, then loop over dl.data.batches(data, { batchSize }) (in order, no rng).",
    "For each batch: loss = dl.nn.mse(dl.matmul(batch.x, w).add(b), batch.y); dl.zeroGrad([w, b]); dl.backward(loss); then update.",
    "The update, for p of [w, b]: for each i, p.data[i] -= options.lr * p.grad!.data[i]. Return { w, b }.",
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
});

type Order = [number, number, number];

/** 06-predict-smooth-order (prediction): the batch sizes 1, 8, 64 from smoothest to noisiest. */
export const predictedSmoothOrder = defineExercise({
  id: "06-predict-smooth-order",
  title: "Predict: which batch size gives the smoothest curve, and the noisiest?",
  kind: "prediction",
  answer: "predictedSmoothOrder",
  reference: solutions.predictedSmoothOrder,
  mistakes: [
    {
      message:
        "That is the order from noisiest to smoothest: the question asks the smoothest first.",
      variant: (): Order => [1, 8, 64],
    },
    {
      message:
        "The full batch (64) is smoother than 8: it averages all the noise away, and every step uses the exact gradient.",
      variant: (): Order => [8, 64, 1],
    },
    {
      message:
        "The full batch (64) is the smoothest, not the noisiest: every one of its steps uses the same, exact gradient.",
      variant: (): Order => [8, 1, 64],
    },
    {
      message:
        "8 averages 8 examples per step, so it is smoother than 1: the noise falls as the batch grows.",
      variant: (): Order => [64, 1, 8],
    },
    {
      message:
        "Batch size 1 is the noisiest, not the smoothest: each of its steps sees a single example.",
      variant: (): Order => [1, 64, 8],
    },
  ],
  hints: [
    "The gradient of a batch is an average over its examples. Which average varies least from step to step, and which most?",
    "With the whole training set in each batch, every step uses the same, exact gradient; with one example, each step sees a different one.",
  ],
});

// prettier-ignore
const ADAM_CASES: { name: string; args: Parameters<AdamStepFn>; hidden?: boolean }[] = [
  { name: "the third step (t = 2 before it), η = 0.01",
    args: [[0.5, -1.2, 2], [0.3, -0.05, 1.5], { m: [0.1, 0.02, -0.3], v: [0.004, 0.0001, 0.02], t: 2 }, 0.01] },
  { name: "the first step (m = v = 0, t = 0), η = 0.1",
    args: [[1, -2, 0.5, 0], [0.002, -40, 3, 0.5], { m: [0, 0, 0, 0], v: [0, 0, 0, 0], t: 0 }, 0.1] },
  { name: "the tenth step, η = 0.001", hidden: true,
    args: [[0.2, 0.7], [-0.6, 0.01], { m: [-0.2, 0.05], v: [0.05, 0.002], t: 9 }, 0.001] },
];
type AdamStepFn = typeof solutions.adamStep;

/** 06-adam-step (function): one step of Adam on a few weights, by hand. */
export const adamStep = defineExercise({
  id: "06-adam-step",
  title: "One Adam step, by hand",
  kind: "function",
  answer: "adamStep",
  reference: solutions.adamStep,
  cases: ADAM_CASES,
  mistakes: [
    {
      message:
        "The bias correction is missing: m and v start at 0, so early on they are too small; divide them by 1 − β₁ᵗ and 1 − β₂ᵗ.",
      variant: adamWith("noCorrection"),
    },
    {
      message: "v averages the squared gradient: v ← β₂v + (1 − β₂)g², not g.",
      variant: adamWith("vOfG"),
    },
    {
      message:
        "Divide by the square root of v̂ (plus ε): √v̂ has the size of a gradient, v̂ its square.",
      variant: adamWith("noSqrt"),
    },
    {
      message:
        "Count this step first: t ← t + 1, then correct with 1 − β₁ᵗ and 1 − β₂ᵗ using the new t (the first step has t = 1).",
      variant: adamWith("oldT"),
    },
    {
      message: "The weights moved uphill: w ← w − η m̂ / (√v̂ + ε) (minus).",
      variant: adamWith("ascent"),
    },
    {
      message:
        "m is a running average: m ← β₁m + (1 − β₁)g. Momentum's v ← μv + g has no (1 − β₁), Adam's m does.",
      variant: adamWith("momentumM"),
    },
    {
      message: "Return the new step count t + 1 with the new m and v: the next step needs it.",
      variant: adamWith("tKept"),
    },
  ],
  hints: [
    "Four lines per weight: update m, update v, correct both for their zero start, then move w.",
    "t ← t + 1; m ← 0.9·m + 0.1·g; v ← 0.999·v + 0.001·g²; m̂ = m / (1 − 0.9ᵗ); v̂ = v / (1 − 0.999ᵗ).",
    "w − lr · m̂ / (Math.sqrt(v̂) + 1e-8) for each weight; return { w, m, v, t }.",
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
});

/** 06-predict-adam-first (prediction): Adam's first step moves every weight by about η. */
export const predictedAdamFirstStep = defineExercise({
  id: "06-predict-adam-first",
  title: "Predict: how far does Adam's first step move each weight?",
  kind: "prediction",
  answer: "predictedAdamFirstStep",
  reference: solutions.predictedAdamFirstStep,
  tolerance: { rtol: 1e-3 },
  mistakes: [
    {
      message:
        "That is plain SGD's step η·g. Adam divides by √v̂, the size of the gradient itself: at the first step m̂/√v̂ = g/|g| = ±1, so both weights move by η.",
      variant: () => [0.00002, 0.5],
    },
    {
      message:
        "That forgets the bias correction: m̂ = m/(1 − 0.9) = g and v̂ = v/(1 − 0.999) = g², so the step is η·g/|g| = η.",
      variant: () => [0.0316, 0.0316],
    },
    {
      message:
        "m must be corrected too: m = 0.1·g after one step, and m̂ = m/(1 − 0.9¹) = g, so the step is η, not 0.1·η.",
      variant: () => [0.001, 0.001],
    },
    {
      message:
        "v must be corrected too: v = 0.001·g² after one step, and v̂ = v/(1 − 0.999¹) = g², so the step is η, not η/√0.001.",
      variant: () => [0.316, 0.316],
    },
    {
      message:
        "m and v start at 0, but the first step is not 0: after one step m = 0.1·g and v = 0.001·g², which the bias correction scales back to g and g².",
      variant: () => [0, 0],
    },
  ],
  hints: [
    "At the first step, what are m̂ and v̂ in terms of g? (The bias correction is there to undo the zero start.)",
    "m̂ = g and v̂ = g², so the step is η·g / (|g| + ε): what is that for g = 0.002, and for g = 50?",
  ],
});
