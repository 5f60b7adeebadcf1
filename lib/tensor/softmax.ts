import { addGrad, attach } from "../autograd/record";
import { Tensor } from "./tensor";
import { Axes, ReduceOptions, max, normalizeAxes, sum } from "./reduce";
import { splitAt } from "./shape-ops";
import { add, sub } from "./elementwise";
import { exp, log } from "./unary";
import { detach } from "../autograd/backward";
import { expectOptions, expectTensor } from "./check";
import { allocate } from "../kernels/buffer-pool";

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
  const { outer, n, inner } = splitAt(x.shape, ax);
  const xd = x.data;
  const y = allocate(x.size); // softmax values, kept for backward
  const o = takeLog ? allocate(x.size) : y;
  for (let r = 0; r < outer; r++) {
    for (let c = 0; c < inner; c++) {
      const base = r * n * inner + c; // element k of this slice is at base + k·inner
      let m = -Infinity;
      for (let k = 0; k < n; k++) m = Math.max(m, xd[base + k * inner]);
      let s = 0;
      for (let k = 0; k < n; k++) s += y[base + k * inner] = Math.exp(xd[base + k * inner] - m);
      const logS = Math.log(s);
      for (let k = 0; k < n; k++) {
        const i = base + k * inner;
        if (takeLog) o[i] = xd[i] - m - logS;
        y[i] /= s;
      }
    }
  }
  const out = new Tensor(o, x.shape);
  return attach(out, op, [x], () => {
    const g = out.grad!.data;
    const gx = allocate(x.size);
    for (let r = 0; r < outer; r++) {
      for (let c = 0; c < inner; c++) {
        const base = r * n * inner + c;
        let dot = 0; // Σⱼ gⱼ·yⱼ for softmax, Σⱼ gⱼ for log softmax
        for (let k = 0; k < n; k++)
          dot += takeLog ? g[base + k * inner] : g[base + k * inner] * y[base + k * inner];
        for (let k = 0; k < n; k++) {
          const i = base + k * inner;
          gx[i] = takeLog ? g[i] - y[i] * dot : y[i] * (g[i] - dot);
        }
      }
    }
    addGrad(x, gx);
  });
}

/**
 * ln Σ eˣ over the given axes (all by default), computed stably as m + ln Σ e^(x − m) with m the
 * (detached) max. Its gradient is the softmax. Example: dl.logSumExp(scores, 1).
 */
export function logSumExp(x: Tensor, axes?: Axes, options: ReduceOptions = {}): Tensor {
  expectTensor("logSumExp", "x", x);
  expectOptions("logSumExp", options);
  const m = detach(max(x, axes, { keepDims: true }));
  const lse = add(log(sum(exp(sub(x, m)), axes, { keepDims: true })), m);
  if (options.keepDims) return lse;
  const normal = normalizeAxes("logSumExp", x.shape, axes);
  return sum(lse, normal); // removes the kept axes (each of size 1): a no-op on values
}
