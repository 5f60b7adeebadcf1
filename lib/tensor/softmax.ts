import { kernels } from "../kernels/active";
import { attach, gradOf, noGrad } from "./record";
import { Tensor } from "./tensor";
import { Axes, ReduceOptions, max, normalizeAxes, sum } from "./reduce";
import { splitAt } from "./shape-ops";
import { add, sub } from "./elementwise";
import { exp, log } from "./unary";
import { expectOptions, expectTensor } from "./check";

/** Where the slices of a softmax are: `outer` × `inner` slices of `n` numbers, `inner` apart. */
export interface Slices {
  outer: number;
  n: number;
  inner: number;
}

/**
 * The stable softmax of every slice, the one loop behind softmax, logSoftmax and
 * softmaxCrossEntropy: with m the slice's max and s = Σⱼ e^(xⱼ − m) (never overflows),
 *   p[i] = e^(xᵢ − m) / s,   log p[i] = (xᵢ − m) − ln s,
 * written into `p` (and `logP` when given). One +∞ in a slice takes its limit (p 1 there, 0
 * elsewhere); two +∞, only −∞, or a NaN make the slice NaN. Element k of slice (r, c) is at
 * r·n·inner + c + k·inner.
 * Example: stableSoftmax(logits, { outer: N, n: C, inner: 1 }, probs, logProbs)
 */
export function stableSoftmax(
  xd: Float64Array,
  { outer, n, inner }: Slices,
  p: Float64Array,
  logP: Float64Array | null = null,
): void {
  for (let r = 0; r < outer; r++) {
    for (let c = 0; c < inner; c++) {
      const base = r * n * inner + c;
      let m = -Infinity;
      let infinities = 0;
      for (let k = 0; k < n; k++) {
        m = Math.max(m, xd[base + k * inner]);
        if (xd[base + k * inner] === Infinity) infinities++;
      }
      // x − m, with +∞ − (+∞) taken as 0 when that +∞ is the slice's only one (its limit)
      const shifted = (v: number) => (infinities === 1 && v === Infinity ? 0 : v - m);
      let s = 0;
      for (let k = 0; k < n; k++)
        s += p[base + k * inner] = Math.exp(shifted(xd[base + k * inner]));
      for (let k = 0; k < n; k++) p[base + k * inner] /= s;
      if (logP === null) continue;
      const logS = Math.log(s);
      for (let k = 0; k < n; k++) logP[base + k * inner] = shifted(xd[base + k * inner]) - logS;
    }
  }
}

/**
 * softmax(x)ᵢ = e^(xᵢ − m) / Σⱼ e^(xⱼ − m) along `axis` (default the last), with m the max along
 * the axis (so e^… never overflows). Backward: ∂xᵢ = yᵢ·(gᵢ − Σⱼ gⱼ·yⱼ).
 * Shapes: unchanged; every slice along `axis` sums to 1.
 * Example: dl.softmax(dl.tensor([1, 2, 3])) ≈ [0.090, 0.245, 0.665]. Lesson 4 (classification).
 */
export function softmax(x: Tensor, axis = -1): Tensor {
  return softmaxLike("softmax", x, axis, false);
}

/**
 * log softmax: xᵢ − m − ln Σⱼ e^(xⱼ − m) along `axis`, stable for large inputs (the input of the
 * cross-entropy loss). Backward: ∂xᵢ = gᵢ − softmaxᵢ·Σⱼ gⱼ.
 * Example: dl.logSoftmax(scores, 1) for scores [N, classes].
 */
export function logSoftmax(x: Tensor, axis = -1): Tensor {
  return softmaxLike("logSoftmax", x, axis, true);
}

function softmaxLike(op: string, x: Tensor, axis: number, takeLog: boolean): Tensor {
  expectTensor(op, "x", x);
  const ax = normalizeAxes(op, x.shape, axis)[0];
  const slices = splitAt(x.shape, ax);
  const { outer, n, inner } = slices;
  const xd = x.values;
  const y = kernels.allocate(x.size); // softmax values, kept for backward
  const o = takeLog ? kernels.allocate(x.size) : y;
  stableSoftmax(xd, slices, y, takeLog ? o : null);
  return attach(new Tensor(o, x.shape), op, [x], (g) => {
    const gx = gradOf(x);
    for (let r = 0; r < outer; r++) {
      for (let c = 0; c < inner; c++) {
        const base = r * n * inner + c;
        let dot = 0; // Σⱼ gⱼ·yⱼ for softmax, Σⱼ gⱼ for log softmax
        for (let k = 0; k < n; k++)
          dot += takeLog ? g[base + k * inner] : g[base + k * inner] * y[base + k * inner];
        for (let k = 0; k < n; k++) {
          const i = base + k * inner;
          gx[i] += takeLog ? g[i] - y[i] * dot : y[i] * (g[i] - dot);
        }
      }
    }
  });
}

/**
 * ln Σ eˣ over the given axes (all by default), computed stably as m + ln Σ e^(x − m) with m the
 * max (taken without gradient). Its gradient is the softmax. Example: dl.logSumExp(scores, 1).
 */
export function logSumExp(x: Tensor, axes?: Axes, options: ReduceOptions = {}): Tensor {
  expectTensor("logSumExp", "x", x);
  expectOptions("logSumExp", options);
  const m = noGrad(() => max(x, axes, { keepDims: true }));
  const lse = add(log(sum(exp(sub(x, m)), axes, { keepDims: true })), m);
  if (options.keepDims) return lse;
  const normal = normalizeAxes("logSumExp", x.shape, axes);
  return sum(lse, normal); // removes the kept axes (each of size 1): a no-op on values
}
