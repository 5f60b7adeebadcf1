import { allocateToOverwrite } from "./buffer-pool";

/**
 * ReLU forward and backward without a branch per element: on activations, whose signs look
 * random, a `x > 0 ? x : 0` branch is mispredicted half the time and runs ~8× slower here.
 * Same bits as the reference loops (lib/kernels/reference/relu.ts), NaN and infinities included.
 */

/**
 * max(0, x) elementwise into a new array as x·[x > 0] + 0 (the + 0 turns −0 into 0). x·0 is NaN
 * for ±Infinity and NaN, where that form would be wrong, so those rare inputs take Math.max.
 */
export function reluForward(x: Float64Array): Float64Array {
  const out = allocateToOverwrite(x.length); // every entry is written below
  let nonFinite = 0; // stays 0 unless some x·0 is NaN
  for (let i = 0; i < out.length; i++) {
    const v = x[i];
    out[i] = v * +(v > 0) + 0;
    nonFinite += v * 0;
  }
  if (nonFinite === 0) return out;
  for (let i = 0; i < out.length; i++) out[i] = Math.max(0, x[i]);
  return out;
}

/**
 * dx += gradOut · relu'(x) with the derivative as a number, [!(x ≤ 0)] (1 where x > 0 or x is
 * NaN, 0 where x ≤ 0), instead of a branch: the reference's products, bit for bit.
 */
export function reluBackward(x: Float64Array, gradOut: Float64Array, dx: Float64Array): void {
  for (let i = 0; i < x.length; i++) dx[i] += gradOut[i] * +!(x[i] <= 0);
}
