import { adoptGrad, attach } from "../autograd/record";
import { Tensor } from "./tensor";
import { unaryResult } from "./unary-op";
import { expectTensor } from "./check";
import { allocate } from "../kernels/buffer-pool";

/**
 * The lecture's activation functions as differentiable tensor functions, each forward loop beside
 * its derivative. Lesson 1 plots them with their derivatives.
 * Example: dl.relu(dl.tensor([-1, 2])) is [0, 2].
 */

/** σ(x) = 1 / (1 + e^(−x)). σ' = σ(1 − σ). */
export function sigmoid(x: Tensor): Tensor {
  const xd = expectTensor("sigmoid", "x", x).data;
  const o = allocate(xd.length);
  for (let i = 0; i < o.length; i++) o[i] = 1 / (1 + Math.exp(-xd[i]));
  return unaryResult("sigmoid", x, o, () => {
    const d = allocate(o.length);
    for (let i = 0; i < d.length; i++) d[i] = o[i] * (1 - o[i]);
    return d;
  });
}

/** tanh x. tanh' = 1 − tanh². */
export function tanh(x: Tensor): Tensor {
  const xd = expectTensor("tanh", "x", x).data;
  const o = allocate(xd.length);
  for (let i = 0; i < o.length; i++) o[i] = Math.tanh(xd[i]);
  return unaryResult("tanh", x, o, () => {
    const d = allocate(o.length);
    for (let i = 0; i < d.length; i++) d[i] = 1 - o[i] * o[i];
    return d;
  });
}

/** ReLU: max(0, x). Derivative 1 for x > 0, else 0. */
export function relu(x: Tensor): Tensor {
  const xd = expectTensor("relu", "x", x).data;
  const o = reluForward(xd);
  // Backward fused into one pass (f'(x)·gradOut, the same products as unaryResult's two passes),
  // and the fresh array becomes x's gradient when it has none: ReLU sits in every hot loop.
  // +(x > 0) is the 1 or 0 without a branch (see reluForward).
  const out = new Tensor(o, x.shape);
  return attach(out, "relu", [x], () => {
    const g = out.grad!.data;
    const d = allocate(xd.length);
    for (let i = 0; i < d.length; i++) d[i] = +(xd[i] > 0) * g[i];
    adoptGrad(x, d);
  });
}

/**
 * max(0, x) elementwise into a new array, without a branch per element: x·[x > 0] + 0 (the + 0
 * turns −0 into 0). On activations, whose signs look random, a `x > 0 ? x : 0` branch is
 * mispredicted half the time and runs ~8× slower here. x·0 is NaN for ±Infinity and NaN, where
 * the branch-free form would differ, so those rare inputs take the plain loop.
 */
function reluForward(xd: Float64Array): Float64Array {
  const o = allocate(xd.length);
  let nonFinite = 0; // stays 0 unless some x·0 is NaN
  for (let i = 0; i < o.length; i++) {
    const v = xd[i];
    o[i] = v * +(v > 0) + 0;
    nonFinite += v * 0;
  }
  if (nonFinite === 0) return o;
  for (let i = 0; i < o.length; i++) o[i] = xd[i] > 0 ? xd[i] : 0;
  return o;
}

/** Leaky ReLU: max(slope·x, x) (the lecture's slope is 0.1). Derivative 1 for x > 0, else slope. */
export function leakyRelu(x: Tensor, slope = 0.1): Tensor {
  const xd = expectTensor("leakyRelu", "x", x).data;
  const o = allocate(xd.length);
  for (let i = 0; i < o.length; i++) o[i] = xd[i] > 0 ? xd[i] : slope * xd[i];
  return unaryResult("leakyRelu", x, o, () => {
    const d = allocate(xd.length);
    for (let i = 0; i < d.length; i++) d[i] = xd[i] > 0 ? 1 : slope;
    return d;
  });
}

/** ELU: x for x > 0, else α(eˣ − 1). Derivative 1 for x > 0, else αeˣ. */
export function elu(x: Tensor, alpha = 1): Tensor {
  const xd = expectTensor("elu", "x", x).data;
  const o = allocate(xd.length);
  for (let i = 0; i < o.length; i++) o[i] = xd[i] > 0 ? xd[i] : alpha * (Math.exp(xd[i]) - 1);
  return unaryResult("elu", x, o, () => {
    const d = allocate(xd.length);
    for (let i = 0; i < d.length; i++) d[i] = xd[i] > 0 ? 1 : o[i] + alpha;
    return d;
  });
}

/** Softplus: ln(1 + eˣ), a smooth ReLU, computed stably. Derivative σ(x). */
export function softplus(x: Tensor): Tensor {
  const xd = expectTensor("softplus", "x", x).data;
  const o = allocate(xd.length);
  for (let i = 0; i < o.length; i++) {
    const v = xd[i];
    o[i] = Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
  }
  return unaryResult("softplus", x, o, () => {
    const d = allocate(xd.length);
    for (let i = 0; i < d.length; i++) d[i] = 1 / (1 + Math.exp(-xd[i]));
    return d;
  });
}
