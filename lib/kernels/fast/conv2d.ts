import type { Conv2dDims } from "../dims";
import type { Conv2dGrads } from "../kernels";
import { col2im, im2col, im2colPacked, im2colPackedT } from "./im2col";
import { matmulInto, matmulIntoPackedB } from "./matmul";
import { forwardFromSums, inputGradFromSums } from "./conv2d-sums";
import { SCRATCH_COLS, SCRATCH_DCOLS, scratch } from "./scratch";
import { allocateToOverwrite } from "./buffer-pool";

/**
 * 2-d convolution forward (cross-correlation, no kernel flip, as in the lecture; lesson 7).
 *
 *   out[n, f, i, j] = bias[f] + Σ_c Σ_u Σ_v x[n, c, i·s + u − p, j·s + v − p] · w[f, c, u, v]
 *
 * Shapes: x [N, C, H, W], w [F, C, KH, KW], bias [F] or null → a new [N, F, OH, OW] array.
 * Fast path: per image, im2col then one matrix product out[n] (F×OH·OW) = w (F×C·KH·KW) · cols.
 * Same bits as the reference loops (lib/kernels/reference/conv2d.ts) while C·KH·KW ≤ 256.
 * Example: conv2dForward(x, w, null, conv2dDims([1, 1, 8, 8], [1, 1, 3, 3], {}));
 */
export function conv2dForward(
  x: Float64Array,
  w: Float64Array,
  bias: Float64Array | null,
  d: Conv2dDims,
): Float64Array {
  const { n, c, h, w: width, f, kh, kw, oh, ow } = d;
  const ckk = c * kh * kw;
  const plane = oh * ow;
  // Every entry of out is written below, so a reused array needs no zero fill (allocateToOverwrite):
  // b + Σ straight from the product's sums (./conv2d-sums.ts), else onto the bias fill, where the
  // packed path adds each whole sum (b + Σ, the same number as the plain path's (0 + Σ) + b).
  const out = allocateToOverwrite(n * f * plane);
  const cols = scratch(SCRATCH_COLS, ckk * plane);
  for (let b = 0; b < n; b++) {
    const outB = out.subarray(b * f * plane, (b + 1) * f * plane); // [F, OH·OW]
    const xOff = b * c * h * width;
    if (forwardFromSums(x, xOff, w, bias, d, outB)) continue;
    for (let o = 0; o < f; o++) outB.fill(bias === null ? 0 : bias[o], o * plane, (o + 1) * plane);
    const dims = { m: f, k: ckk, n: plane };
    // im2col straight into the matmul's packed panels when the product fits one cache block
    if (matmulIntoPackedB(w, outB, dims, (dst, nr) => im2colPacked(x, xOff, d, dst, nr))) continue;
    im2col(x, xOff, d, cols);
    matmulInto(w, cols, outB, dims);
    if (bias === null) continue;
    for (let o = 0; o < f; o++) {
      const bo = bias[o];
      for (let q = o * plane; q < (o + 1) * plane; q++) outB[q] += bo;
    }
  }
  return out;
}

/**
 * 2-d convolution backward: adds the gradients of the loss with respect to x, w and the bias
 * into `grads` (a null entry is skipped: a network's first layer needs no dx, a third of the work).
 *
 *   dx += gradOut ⋆ᵀ w,   dw[f, c, u, v] += Σ gradOut[n, f, i, j] · x[n, c, i·s+u−p, j·s+v−p],   db[f] += Σ gradOut[n, f, ·, ·]
 *
 * Shapes: gradOut [N, F, OH, OW]; dx [N, C, H, W], dw [F, C, KH, KW], db [F].
 * Fast path, per image with g = gradOut[n] (F×OH·OW): dw += g · colsᵀ, dcols = wᵀ · g, then
 * col2im(dcols) into dx. Tested against the reference loops (up to rounding: it sums per image).
 * Example: conv2dBackward(x, w, gradOut, d, { dx: null, dw, db });
 */
export function conv2dBackward(
  x: Float64Array,
  w: Float64Array,
  gradOut: Float64Array,
  d: Conv2dDims,
  grads: Conv2dGrads,
): void {
  const { n, c, h, w: width, f, kh, kw, oh, ow } = d;
  const { dx, dw, db } = grads;
  const ckk = c * kh * kw;
  const plane = oh * ow;
  const cols = scratch(SCRATCH_COLS, ckk * plane);
  const dcols = scratch(SCRATCH_DCOLS, ckk * plane);
  for (let b = 0; b < n; b++) {
    const g = gradOut.subarray(b * f * plane, (b + 1) * f * plane); // [F, OH·OW]
    const xOff = b * c * h * width;
    // dw += g · colsᵀ, colsᵀ written straight into packed panels when it fits one cache block
    if (
      dw !== null &&
      !matmulIntoPackedB(g, dw, { m: f, k: plane, n: ckk }, (dst, nr) =>
        im2colPackedT(x, xOff, d, dst, nr),
      )
    ) {
      im2col(x, xOff, d, cols);
      matmulInto(g, cols, dw, { m: f, k: plane, n: ckk, transB: true, accumulate: true });
    }
    if (dx !== null) {
      const dxOff = b * c * h * width;
      if (!inputGradFromSums(w, g, d, dx, dxOff)) {
        matmulInto(w, g, dcols, { m: ckk, k: f, n: plane, transA: true });
        col2im(dcols, d, dx, dxOff);
      }
    }
    if (db === null) continue;
    for (let o = 0; o < f; o++) {
      let sum = 0;
      for (let q = o * plane; q < (o + 1) * plane; q++) sum += g[q];
      db[o] += sum;
    }
  }
}
