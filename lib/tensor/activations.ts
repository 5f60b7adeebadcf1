import { kernels } from "../kernels/active";
import { attach, gradOf } from "./record";
import { Tensor } from "./tensor";
import { unary } from "./unary-op";
import { expectTensor } from "./check";

/**
 * The lecture's activation functions as differentiable tensor functions, each formula beside its
 * derivative. Lesson 1 plots them with their derivatives. NaN propagates through all of them.
 * Example: dl.relu(dl.tensor([-1, 2])) is [0, 2].
 */

/** The lecture's slope of leaky ReLU for x < 0: max(0.1·x, x). */
export const LEAKY_SLOPE = 0.1;

/** σ(x) = 1 / (1 + e^(−x)). σ' = σ(1 − σ). */
export function sigmoid(x: Tensor): Tensor {
  return unary(
    "sigmoid",
    x,
    (v) => 1 / (1 + Math.exp(-v)),
    (_, y) => y * (1 - y),
  );
}

/** tanh x. tanh' = 1 − tanh². */
export function tanh(x: Tensor): Tensor {
  return unary("tanh", x, Math.tanh, (_, y) => 1 - y * y);
}

/**
 * ReLU: max(0, x). Derivative 1 for x > 0, else 0. The most used activation, so its two loops
 * are kernels (lib/kernels: `reluForward`, `reluBackward`). relu(NaN) is NaN, as in PyTorch.
 */
export function relu(x: Tensor): Tensor {
  const xd = expectTensor("relu", "x", x).values;
  const out = new Tensor(kernels.reluForward(xd), x.shape);
  return attach(out, "relu", [x], (gradOut) => kernels.reluBackward(xd, gradOut, gradOf(x)));
}

/** Leaky ReLU: max(slope·x, x) (the lecture's slope is 0.1). Derivative 1 for x > 0, else slope. */
export function leakyRelu(x: Tensor, slope = LEAKY_SLOPE): Tensor {
  return unary(
    "leakyRelu",
    x,
    (v) => (v > 0 ? v : slope * v),
    (v) => (v > 0 ? 1 : slope),
  );
}

/** ELU: x for x > 0, else α(eˣ − 1). Derivative 1 for x > 0, else αeˣ (= y + α). */
export function elu(x: Tensor, alpha = 1): Tensor {
  return unary(
    "elu",
    x,
    (v) => (v > 0 ? v : alpha * (Math.exp(v) - 1)),
    (v, y) => (v > 0 ? 1 : y + alpha),
  );
}

/** Softplus: ln(1 + eˣ) = max(x, 0) + ln(1 + e^(−|x|)), a smooth ReLU, computed stably. Derivative σ(x). */
export function softplus(x: Tensor): Tensor {
  return unary(
    "softplus",
    x,
    (v) => Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))),
    (v) => 1 / (1 + Math.exp(-v)),
  );
}
