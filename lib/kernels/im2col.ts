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
