/**
 * The exercises of lesson 4 (Multi-layer networks): `dl.check.aliceOutput(aliceOutput)`,
 * `dl.check.gdStep(gdStep)`, `dl.check.hiddenUnits(hiddenUnits)` and the prediction
 * `dl.check.predictedConstantMse(mse)`.
 */
import { defineExercise } from "../define";
import * as solutions from "../solutions/lesson-04";

const f = (z: number): number => 1 / (1 + Math.exp(-z));
/** The exercise's network on input x with weights w and biases b, optionally without the output sigmoid. */
const net = (x: number[], w: number[], b: number[], outSigmoid = true): number => {
  const h1 = f(w[0] * x[0] + w[1] * x[1] + b[0]);
  const h2 = f(w[2] * x[0] + w[3] * x[1] + b[1]);
  const z = w[4] * h1 + w[5] * h2 + b[2];
  return outSigmoid ? f(z) : z;
};
/** The network as one slide of the lecture writes it: each bias added after f, h1 = f(w1 x1 + w2 x2) + b1. */
const biasOutsideF = (x: number[], w: number[], b: number[]): number => {
  const h1 = f(w[0] * x[0] + w[1] * x[1]) + b[0];
  const h2 = f(w[2] * x[0] + w[3] * x[1]) + b[1];
  return f(w[4] * h1 + w[5] * h2) + b[2];
};
const W = [1, -1, -0.5, 1, 2, -1];
const B = [0, 0.5, -0.5];

/** 04-alice-output (value): o1 for Alice with given weights, by hand. */
export const aliceOutput = defineExercise({
  id: "04-alice-output",
  title: "The 2-2-1 network's output for Alice, by hand",
  kind: "value",
  answer: "aliceOutput",
  reference: solutions.aliceOutput,
  mistakes: [
    {
      message: "That is the output neuron's weighted sum z; o1 = f(z) still needs the sigmoid.",
      variant: () => net([-2, -1], W, B, false),
    },
    {
      message: "You left out the biases b1, b2, b3.",
      variant: () => net([-2, -1], W, [0, 0, 0]),
    },
    {
      message:
        "You added each bias after f, as one slide of the lecture writes h1 = f(w1 x1 + w2 x2) + b1. The bias belongs inside: h1 = f(w1 x1 + w2 x2 + b1), so that it shifts the threshold of the neuron (and o1 stays between 0 and 1).",
      variant: () => biasOutsideF([-2, -1], W, B),
    },
    {
      message:
        "Use Alice's centred inputs (133 − 135, 65 − 66) = (−2, −1), not the raw 133 and 65.",
      variant: () => net([133, 65], W, B),
    },
    {
      message:
        "w2 multiplies x2 and w3 multiplies x1: h1 = f(w1 x1 + w2 x2 + b1), h2 = f(w3 x1 + w4 x2 + b2).",
      variant: () => net([-2, -1], [1, -0.5, -1, 1, 2, -1], B),
    },
    {
      message: "Swapped inputs: x1 is the weight (−2), x2 the height (−1).",
      variant: () => net([-1, -2], W, B),
    },
  ],
  hints: [
    "First h1 = f(w1·x1 + w2·x2 + b1) with x1 = −2, x2 = −1; then h2; then o1 from h1 and h2.",
    "h1 = f(1·(−2) + (−1)·(−1) + 0) = f(−1); h2 = f(−0.5·(−2) + 1·(−1) + 0.5) = f(0.5).",
    "const f = (z: number) => 1 / (1 + Math.exp(-z)); then o1 = f(2 * f(-1) - 1 * f(0.5) - 0.5).",
  ],
  tolerance: { rtol: 1e-6 },
});

/** 04-pick-n (value): the smallest N with final MSE below 0.01 in the universal approximation run. */
export const hiddenUnits = defineExercise({
  id: "04-pick-n",
  title: "Pick the number of hidden units for a target error",
  kind: "value",
  answer: "hiddenUnits",
  reference: solutions.hiddenUnits,
  mistakes: [
    {
      message:
        "With N = 1 the network draws a single S-shaped step: its final MSE is far above 0.01.",
      variant: () => 1,
    },
    { message: "With N = 2 the final MSE is still far above 0.01 (about 0.27).", variant: () => 2 },
    {
      message:
        "N = 8 works, but a smaller N already reaches an MSE below 0.01: the question asks for the smallest.",
      variant: () => 8,
    },
    {
      message: "N = 16 works, but it is not the smallest N below the target.",
      variant: () => 16,
    },
  ],
  hints: [
    "Read the 'final MSE' column of the table from the top; stop at the first value below 0.01 (1e-2).",
    "In the exponent notation, 4.03e-3 means 0.00403, which is below 0.01; 2.67e-1 means 0.267.",
  ],
});

/** 04-predict-constant-mse (prediction): the MSE of always answering 0.5 on targets 1, 0, 0, 1. */
export const predictedConstantMse = defineExercise({
  id: "04-predict-constant-mse",
  title: "Predict: the MSE of a network that always answers 0.5",
  kind: "prediction",
  answer: "predictedConstantMse",
  reference: solutions.predictedConstantMse,
  tolerance: { rtol: 0.01 },
  mistakes: [
    {
      message: "Each error is 0.5, but MSE squares it: 0.5² = 0.25 for every person.",
      variant: () => 0.5,
    },
    {
      message: "That is the sum of the squared errors; the mean divides by n = 4.",
      variant: () => 1,
    },
    {
      message:
        "The errors +0.5 and −0.5 cancel only before squaring: that is the mean error. MSE squares each error first.",
      variant: () => 0,
    },
    {
      message:
        "The course's MSE is (1/n)·Σ(y − ŷ)², with no extra ½ (some books add one to simplify the derivative).",
      variant: () => 0.125,
    },
  ],
  hints: [
    "Every target is 0 or 1, so every error y_true − 0.5 is ±0.5.",
    "MSE = (1/4)·(0.5² + 0.5² + 0.5² + 0.5²).",
  ],
});

type Params = { w: number[]; b: number[] };
/** ∂L/∂w and ∂L/∂b of L = (y − o1)² for one person, by central differences on `net`. */
function gradients(x: number[], y: number, p: Params): Params {
  const loss = (w: number[], b: number[]) => (y - net(x, w, b)) ** 2;
  const h = 1e-6;
  const nudged = (v: number[], i: number, d: number) => v.map((vi, j) => (j === i ? vi + d : vi));
  return {
    w: p.w.map((_, i) => (loss(nudged(p.w, i, h), p.b) - loss(nudged(p.w, i, -h), p.b)) / (2 * h)),
    b: p.b.map((_, i) => (loss(p.w, nudged(p.b, i, h)) - loss(p.w, nudged(p.b, i, -h))) / (2 * h)),
  };
}
const stepCase = (name: string, x: number[], y: number, p: Params, lr: number, hidden = false) => ({
  name,
  args: [p, gradients(x, y, p), lr] as [Params, Params, number],
  hidden,
});
/** One step with a slip: `sign` +1 climbs, `scale(lr)` replaces η, `biases` false leaves b. */
const stepWith =
  (slip: "ascent" | "noLr" | "frozenBias" | "stepOnly" | "divided") =>
  (p: Params, g: Params, lr: number): Params => {
    const move = (v: number[], d: number[]) =>
      v.map((vi, i) => {
        if (slip === "ascent") return vi + lr * d[i];
        if (slip === "noLr") return vi - d[i];
        if (slip === "stepOnly") return -lr * d[i];
        if (slip === "divided") return vi - d[i] / lr;
        return vi - lr * d[i];
      });
    return { w: move(p.w, g.w), b: slip === "frozenBias" ? [...p.b] : move(p.b, g.b) };
  };

/** 04-gd-step (function): one gradient descent step on the lecture's 2-2-1 network. */
export const gdStep = defineExercise({
  id: "04-gd-step",
  title: "One gradient descent step on the 2-2-1 network",
  kind: "function",
  answer: "gdStep",
  reference: solutions.gdStep,
  cases: [
    stepCase("Alice, the exercise's weights, η = 0.5", [-2, -1], 1, { w: W, b: B }, 0.5),
    stepCase("Bob, the exercise's weights, η = 0.1", [25, 6], 0, { w: W, b: B }, 0.1),
    stepCase(
      "Diana, other weights, η = 2",
      [-15, -6],
      1,
      { w: [0.2, -0.4, 0.1, 0.3, -1, 1.5], b: [0.1, -0.2, 0.3] },
      2,
      true,
    ),
  ],
  mistakes: [
    {
      message:
        "That climbs the loss: the gradient points uphill, so the step goes against it, w − η·∂L/∂w.",
      variant: stepWith("ascent"),
    },
    {
      message: "The learning rate η is missing: each parameter moves by η·∂L/∂w, not ∂L/∂w.",
      variant: stepWith("noLr"),
    },
    {
      message: "The biases learn too: b ← b − η·∂L/∂b, with the gradients in grads.b.",
      variant: stepWith("frozenBias"),
    },
    {
      message: "That is the step −η·∂L/∂w alone; return the new parameters w − η·∂L/∂w.",
      variant: stepWith("stepOnly"),
    },
    {
      message: "Multiply the gradient by η, do not divide: a small η must mean a small step.",
      variant: stepWith("divided"),
    },
  ],
  hints: [
    "Gradient descent moves every parameter a little against its gradient: new = old − η·gradient.",
    "Do it for each of the six weights and each of the three biases, and return new arrays.",
    "return { w: params.w.map((wi, i) => wi - lr * grads.w[i]), b: params.b.map((bi, i) => bi - lr * grads.b[i]) };",
  ],
});
