import { ArgumentError, ShapeError, formatShape } from "../errors";
import { col2im, im2col, im2colPacked, im2colPackedT } from "./im2col";
import { matmulInto, matmulIntoPackedB } from "./matmul";
import { SCRATCH_COLS, SCRATCH_DCOLS, scratch } from "./scratch";
import { allocate } from "./buffer-pool";

/** Every size a 2-d convolution needs, worked out once by `conv2dDims` (images are NCHW). */
export interface Conv2dDims {
  n: number;
  c: number;
  h: number;
  w: number;
  f: number;
  kh: number;
  kw: number;
  stride: number;
  padding: number;
  oh: number;
  ow: number;
}

function checkCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new ArgumentError(`conv2d: ${name} must be an integer ≥ ${min}, got ${String(value)}`);
  }
}

/**
 * Checks the shapes of a 2-d convolution and works out its output size (lesson 7).
 *
 *   OH = ⌊(H + 2·padding − KH) / stride⌋ + 1,   OW = ⌊(W + 2·padding − KW) / stride⌋ + 1
 *
 * Shapes: x [N, C, H, W], w [F, C, KH, KW]. Throws ShapeError naming conv2d and both shapes when
 * the channels differ or the kernel is larger than the padded input; ArgumentError for stride < 1,
 * padding < 0 or non-integers.
 * Example: conv2dDims([1, 1, 8, 8], [1, 1, 3, 3], {}).oh === 6
 */
export function conv2dDims(
  xShape: readonly number[],
  wShape: readonly number[],
  options: { stride?: number; padding?: number },
): Conv2dDims {
  const { stride = 1, padding = 0 } = options;
  checkCount("stride", stride, 1);
  checkCount("padding", padding, 0);
  const shapes = `x ${formatShape(xShape)}, w ${formatShape(wShape)}`;
  if (xShape.length !== 4 || wShape.length !== 4) {
    throw new ShapeError(`conv2d: expected x [N, C, H, W] and w [F, C, KH, KW], got ${shapes}`);
  }
  const [n, c, h, w] = xShape;
  const [f, wc, kh, kw] = wShape;
  if (wc !== c) {
    throw new ShapeError(
      `conv2d: input channels (${c}) must match kernel channels (${wc}), got ${shapes}`,
    );
  }
  if (kh > h + 2 * padding || kw > w + 2 * padding) {
    throw new ShapeError(
      `conv2d: kernel larger than the padded input (padding ${padding}), got ${shapes}`,
    );
  }
  const oh = Math.floor((h + 2 * padding - kh) / stride) + 1;
  const ow = Math.floor((w + 2 * padding - kw) / stride) + 1;
  return { n, c, h, w, f, kh, kw, stride, padding, oh, ow };
}

/**
 * 2-d convolution forward (cross-correlation, no kernel flip, as in the lecture; lesson 7).
 *
 *   out[n, f, i, j] = bias[f] + Σ_c Σ_u Σ_v x[n, c, i·s + u − p, j·s + v − p] · w[f, c, u, v]
 *
 * Shapes: x [N, C, H, W], w [F, C, KH, KW], bias [F] or null → a new [N, F, OH, OW] array.
 * Fast path: per image, im2col then one matrix product out[n] (F×OH·OW) = w (F×C·KH·KW) · cols.
 * Same result as `conv2dReference` (the plain loops lesson 7 reads) up to rounding.
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
  const out = allocate(n * f * plane);
  const cols = scratch(SCRATCH_COLS, ckk * plane);
  // The packed path adds each whole sum onto out: starting from the bias gives b + Σ, the same
  // number as the plain path's (0 + Σ) + b, with one pass over the output fewer.
  if (bias !== null)
    for (let r = 0; r < n * f; r++) out.fill(bias[r % f], r * plane, (r + 1) * plane);
  for (let b = 0; b < n; b++) {
    const outB = out.subarray(b * f * plane, (b + 1) * f * plane); // [F, OH·OW]
    const xOff = b * c * h * width;
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
 * 2-d convolution backward: the gradients of the loss with respect to x, w and the bias.
 *
 *   dx = gradOut ⋆ᵀ w,   dw[f, c, u, v] = Σ gradOut[n, f, i, j] · x[n, c, i·s+u−p, j·s+v−p],   db[f] = Σ gradOut[n, f, ·, ·]
 *
 * Shapes: gradOut [N, F, OH, OW] → dx [N, C, H, W], dw [F, C, KH, KW], db [F] (fresh arrays).
 * Fast path, per image with g = gradOut[n] (F×OH·OW): dw += g · colsᵀ, dcols = wᵀ · g, then
 * col2im(dcols) into dx. Tested against `conv2dBackwardReference`.
 * `options.inputGrad: false` skips dx (a network's first layer: the images need no gradient), saving
 * a third of the work; dx is then an empty array.
 * Example: const { dx, dw, db } = conv2dBackward(x, w, gradOut, d, { inputGrad: x.requiresGrad });
 */
export function conv2dBackward(
  x: Float64Array,
  w: Float64Array,
  gradOut: Float64Array,
  d: Conv2dDims,
  options: { inputGrad?: boolean } = {},
): { dx: Float64Array; dw: Float64Array; db: Float64Array } {
  const inputGrad = options.inputGrad ?? true;
  const { n, c, h, w: width, f, kh, kw, oh, ow } = d;
  const ckk = c * kh * kw;
  const plane = oh * ow;
  const dx = allocate(inputGrad ? n * c * h * width : 0);
  const dw = allocate(f * ckk);
  const db = allocate(f);
  const cols = scratch(SCRATCH_COLS, ckk * plane);
  const dcols = scratch(SCRATCH_DCOLS, ckk * plane);
  for (let b = 0; b < n; b++) {
    const g = gradOut.subarray(b * f * plane, (b + 1) * f * plane); // [F, OH·OW]
    const xOff = b * c * h * width;
    // dw += g · colsᵀ, colsᵀ written straight into packed panels when it fits one cache block
    if (
      !matmulIntoPackedB(g, dw, { m: f, k: plane, n: ckk }, (dst, nr) =>
        im2colPackedT(x, xOff, d, dst, nr),
      )
    ) {
      im2col(x, xOff, d, cols);
      matmulInto(g, cols, dw, { m: f, k: plane, n: ckk, transB: true, accumulate: true });
    }
    if (inputGrad) {
      matmulInto(w, g, dcols, { m: ckk, k: f, n: plane, transA: true });
      col2im(dcols, d, dx, b * c * h * width);
    }
    for (let o = 0; o < f; o++) {
      let sum = 0;
      for (let q = o * plane; q < (o + 1) * plane; q++) sum += g[q];
      db[o] += sum;
    }
  }
  return { dx, dw, db };
}
