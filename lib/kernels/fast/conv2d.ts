import type { Conv2dDims } from "../dims";
import type { Conv2dGrads } from "../kernels";
import { col2im, im2col, im2colPacked, im2colPackedT } from "./im2col";
import { matmulInto, matmulIntoPackedB } from "./matmul";
import { forwardFromSums, inputGradFromSums } from "./conv2d-sums";
import { SCRATCH_COLS, SCRATCH_DCOLS, scratch } from "./scratch";
import { allocateToOverwrite } from "./buffer-pool";
import { type Inputs, type Task, shareRange } from "./thread-control";
import { runSplit, workersAvailable } from "./thread-pool";

// From this many multiply-adds on, a convolution is split across the worker threads (if any).
const THREADED = 1 << 20;

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
  const image = f * oh * ow; // one image's outputs
  // every entry is first set to its bias or 0 by conv2dForwardImages: a reused array needs no zero fill
  const out = allocateToOverwrite(n * image);
  // Split the images between the threads (each image's outputs are computed as on one thread).
  const shares = Math.min(workersAvailable() + 1, n);
  if (shares < 2 || n * image * c * kh * kw < THREADED) {
    conv2dForwardImages(x, w, bias, d, out, [0, n]);
    return out;
  }
  const [first] = shareRange(n, 1, shares, 1); // the workers' images: first … n − 1
  const inputs = { x: [first * c * h * width, n * c * h * width], w: [0, w.length] } as Inputs;
  if (bias !== null) inputs.bias = [0, bias.length];
  const task: Task = { op: "conv2dForward", d, firstShare: 1, shares, inputs };
  const arrays = { x: x.subarray(0, n * c * h * width), w, bias, out };
  runSplit(
    task,
    arrays,
    shares - 1,
    () => conv2dForwardImages(x, w, bias, d, out, shareRange(n, 0, shares, 1)),
    (staged, share) => {
      const [sx, sw, so] = [staged.x, staged.w, staged.out] as Float64Array[];
      conv2dForwardImages(sx, sw, staged.bias ?? null, d, so, shareRange(n, share, shares, 1));
    },
    (staged, share) => {
      const [lo, hi] = shareRange(n, share, shares, 1);
      const from = staged.out as Float64Array;
      if (from.buffer !== out.buffer) out.set(from.subarray(lo * image, hi * image), lo * image);
    },
  );
  return out;
}

/** `conv2dForward` of the images [b0, b1) into their part of `out`: one thread's share. */
export function conv2dForwardImages(
  x: Float64Array,
  w: Float64Array,
  bias: Float64Array | null,
  d: Conv2dDims,
  out: Float64Array,
  [b0, b1]: [number, number],
): void {
  const { c, h, w: width, f, kh, kw, oh, ow } = d;
  const ckk = c * kh * kw;
  const plane = oh * ow;
  const cols = scratch(SCRATCH_COLS, ckk * plane);
  // Every entry of out is written below: b + Σ straight from the product's sums
  // (./conv2d-sums.ts), else onto the bias fill, where the packed path adds each whole sum
  // (b + Σ, the same number as the plain path's (0 + Σ) + b).
  for (let b = b0; b < b1; b++) {
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
  // With worker threads: they compute dx (split by images) while this thread computes dw and db
  // (every image, in order, as on one thread): the bits of each gradient do not change.
  const workers = Math.min(workersAvailable(), n);
  if (
    dx === null ||
    (dw === null && db === null) ||
    workers < 1 ||
    n * f * oh * ow * c * kh * kw < THREADED
  ) {
    conv2dBackwardImages(x, w, gradOut, d, grads, [0, n]);
    return;
  }
  const image = c * h * width;
  const task: Task = {
    op: "conv2dBackwardDx",
    d,
    firstShare: 0,
    shares: workers,
    inputs: { w: [0, w.length], gradOut: [0, n * f * oh * ow], dx: [0, n * image] },
  };
  const arrays = {
    w,
    gradOut: gradOut.subarray(0, n * f * oh * ow),
    dx: dx.subarray(0, n * image),
  };
  runSplit(
    task,
    arrays,
    workers,
    () => conv2dBackwardImages(x, w, gradOut, d, { dx: null, dw, db }, [0, n]),
    (staged, share) => {
      const [sw, sg, sdx] = [staged.w, staged.gradOut, staged.dx] as Float64Array[];
      const images = shareRange(n, share, workers, 1);
      conv2dBackwardImages(x, sw, sg, d, { dx: sdx, dw: null, db: null }, images);
    },
    (staged, share) => {
      const [lo, hi] = shareRange(n, share, workers, 1);
      const from = staged.dx as Float64Array;
      if (from.buffer !== dx.buffer) dx.set(from.subarray(lo * image, hi * image), lo * image);
    },
  );
}

/** `conv2dBackward` for the images [b0, b1) (x is not read when grads.dw is null). */
export function conv2dBackwardImages(
  x: Float64Array,
  w: Float64Array,
  gradOut: Float64Array,
  d: Conv2dDims,
  grads: Conv2dGrads,
  [b0, b1]: [number, number],
): void {
  const { c, h, w: width, f, kh, kw, oh, ow } = d;
  const { dx, dw, db } = grads;
  const ckk = c * kh * kw;
  const plane = oh * ow;
  const cols = scratch(SCRATCH_COLS, ckk * plane);
  const dcols = scratch(SCRATCH_DCOLS, ckk * plane);
  for (let b = b0; b < b1; b++) {
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
