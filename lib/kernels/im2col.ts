import type { Conv2dDims } from "./conv2d";

/**
 * Unfolds one image into columns so that a convolution becomes one matrix product (lesson 7's
 * "convolution as matmul"): row r = (c·KH + u)·KW + v of `cols` holds, for every output position
 * (i, j), the input pixel that kernel tap (c, u, v) sees there (0 in the padding).
 *
 *   cols[(c, u, v), (i, j)] = x[c, i·s + u − p, j·s + v − p]
 *
 * Shapes: x[xOff …] one image [C, H, W] → cols [C·KH·KW, OH·OW] (written in full).
 * The valid range of j for each tap is worked out once (hoisted bounds), so the inner loop is a
 * plain strided copy with no bounds test.
 * Example: im2col(x, 0, d, cols); then matmulInto(w, cols, out, { m: F, k: C*KH*KW, n: OH*OW }).
 */
export function im2col(x: Float64Array, xOff: number, d: Conv2dDims, cols: Float64Array): void {
  const { c, h, w, kh, kw, stride: s, padding: p, oh, ow } = d;
  let dst = 0;
  for (let ch = 0; ch < c; ch++) {
    for (let u = 0; u < kh; u++) {
      for (let v = 0; v < kw; v++) {
        const [jLo, jHi] = validRange(v, p, s, w, ow);
        for (let i = 0; i < oh; i++, dst += ow) {
          const y = i * s + u - p;
          if (y < 0 || y >= h) {
            cols.fill(0, dst, dst + ow);
            continue;
          }
          const src = xOff + (ch * h + y) * w + v - p; // x index of output column j is src + j·s
          for (let j = 0; j < jLo; j++) cols[dst + j] = 0;
          for (let j = jLo; j < jHi; j++) cols[dst + j] = x[src + j * s];
          for (let j = jHi; j < ow; j++) cols[dst + j] = 0;
        }
      }
    }
  }
}

/**
 * im2col written straight in the matmul's packed panel layout (see `matmulIntoPackedB`): the
 * value im2col puts at cols[p, q] goes to dst[⌊q/width⌋·width·CKK + p·width + q mod width], and
 * the last panel's columns past OH·OW are zeros. Same values as `im2col`, one pass fewer; used by
 * `conv2dForward` (lesson 7's fast convolution).
 * Shapes: x image at xOff [C, H, W] → dst ⌈OH·OW/width⌉·width·CKK values.
 * Example: im2colPacked(x, 0, d, packed, 4)
 */
export function im2colPacked(
  x: Float64Array,
  xOff: number,
  d: Conv2dDims,
  dst: Float64Array,
  width: number,
): void {
  const { c, h, w, kh, kw, stride: s, padding: pad, oh, ow } = d;
  const ckk = c * kh * kw;
  const stripe = width * ckk; // one panel
  for (let p = 0; p < ckk; p++) {
    const v = p % kw;
    const u = Math.floor(p / kw) % kh;
    const ch = Math.floor(p / (kw * kh));
    const [jLo, jHi] = validRange(v, pad, s, w, ow);
    const rowBase = p * width;
    let panel = 0; // q = panel / stripe · width + lane, walked incrementally
    let lane = 0;
    for (let i = 0; i < oh; i++) {
      const y = i * s + u - pad;
      const inside = y >= 0 && y < h;
      const lo = inside ? jLo : ow;
      const hi = inside ? jHi : ow;
      const src = xOff + (ch * h + y) * w + v - pad;
      for (let j = 0; j < ow; j++) {
        dst[panel + rowBase + lane] = j >= lo && j < hi ? x[src + j * s] : 0;
        if (++lane === width) {
          lane = 0;
          panel += stripe;
        }
      }
    }
    for (; lane !== 0 && lane < width; lane++) dst[panel + rowBase + lane] = 0;
  }
}

/**
 * The transpose of im2col written in the matmul's packed panel layout, for the weight gradient
 * `dw += g · colsᵀ` (see `matmulIntoPackedB`, where B = colsᵀ is [OH·OW, CKK]): the value im2col
 * puts at cols[r, q] goes to dst[⌊r/width⌋·width·OH·OW + q·width + r mod width]; rows r past CKK
 * of the last panel are zeros. Same values as `im2col`, without the separate packing pass; used
 * by `conv2dBackward` (lessons 7–8 train CNNs).
 * Shapes: x image at xOff [C, H, W] → dst ⌈CKK/width⌉·width·OH·OW values.
 * Example: im2colPackedT(x, 0, d, packed, 4)
 */
export function im2colPackedT(
  x: Float64Array,
  xOff: number,
  d: Conv2dDims,
  dst: Float64Array,
  width: number,
): void {
  const { c, h, w, kh, kw, stride: s, padding: pad, oh, ow } = d;
  const ckk = c * kh * kw;
  const plane = oh * ow;
  for (let r = 0; r < Math.ceil(ckk / width) * width; r++) {
    const base = Math.floor(r / width) * width * plane + (r % width);
    if (r >= ckk) {
      for (let q = 0; q < plane; q++) dst[base + q * width] = 0;
      continue;
    }
    const v = r % kw;
    const u = Math.floor(r / kw) % kh;
    const ch = Math.floor(r / (kw * kh));
    const [jLo, jHi] = validRange(v, pad, s, w, ow);
    for (let i = 0, at = base; i < oh; i++) {
      const y = i * s + u - pad;
      const inside = y >= 0 && y < h;
      const lo = inside ? jLo : ow;
      const hi = inside ? jHi : ow;
      const src = xOff + (ch * h + y) * w + v - pad;
      for (let j = 0; j < ow; j++, at += width) dst[at] = j >= lo && j < hi ? x[src + j * s] : 0;
    }
  }
}

/**
 * The inverse bookkeeping of `im2col` for the backward pass: adds each column entry back onto the
 * pixel it came from (pixels seen by several taps collect several terms; padding is dropped).
 *
 *   dx[c, i·s + u − p, j·s + v − p] += dcols[(c, u, v), (i, j)]
 *
 * Shapes: dcols [C·KH·KW, OH·OW] → added into dx[dxOff …], one image [C, H, W].
 * Example: col2im(dcols, d, dx, b * C * H * W);
 */
export function col2im(dcols: Float64Array, d: Conv2dDims, dx: Float64Array, dxOff: number): void {
  const { c, h, w, kh, kw, stride: s, padding: p, oh, ow } = d;
  let src = 0;
  for (let ch = 0; ch < c; ch++) {
    for (let u = 0; u < kh; u++) {
      for (let v = 0; v < kw; v++) {
        const [jLo, jHi] = validRange(v, p, s, w, ow);
        for (let i = 0; i < oh; i++, src += ow) {
          const y = i * s + u - p;
          if (y < 0 || y >= h) continue;
          const dst = dxOff + (ch * h + y) * w + v - p;
          for (let j = jLo; j < jHi; j++) dx[dst + j * s] += dcols[src + j];
        }
      }
    }
  }
}

/** The output columns j in [jLo, jHi) whose tap v lands inside the row: 0 ≤ j·s + v − p < w. */
function validRange(v: number, p: number, s: number, w: number, ow: number): [number, number] {
  const jLo = Math.min(ow, Math.max(0, Math.ceil((p - v) / s)));
  const jHi = Math.max(jLo, Math.min(ow, Math.floor((w - 1 + p - v) / s) + 1));
  return [jLo, jHi];
}
