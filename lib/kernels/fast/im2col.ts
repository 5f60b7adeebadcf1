import type { Conv2dDims } from "../dims";
import { SCRATCH_PADDED, scratch } from "./scratch";

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
 * `conv2dForward` (lesson 7's fast convolution). Writes dst in order, reading through `gather`.
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
  const { padded, tap, pos } = gather(x, xOff, d);
  packGathered(padded, pos, tap, dst, width); // panels across output positions q, rows = taps p
}

/**
 * The transpose of im2col written in the matmul's packed panel layout, for the weight gradient
 * `dw += g · colsᵀ` (see `matmulIntoPackedB`, where B = colsᵀ is [OH·OW, CKK]): the value im2col
 * puts at cols[r, q] goes to dst[⌊r/width⌋·width·OH·OW + q·width + r mod width]; rows r past CKK
 * of the last panel are zeros. Same values as `im2col`, without the separate packing pass; used
 * by `conv2dBackward` (lessons 7–8 train CNNs). Writes dst in order, reading through `gather`.
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
  const { padded, tap, pos } = gather(x, xOff, d);
  packGathered(padded, tap, pos, dst, width); // panels across taps r, rows = output positions q
}

/**
 * Writes width-wide panels of the matrix M[row, col] = padded[across[col] + down[row]] in order:
 * dst[⌊col/width⌋·width·rows + row·width + col mod width], zeros past the last column. Both packed
 * im2cols are this with the tables swapped (a tap plus a position is the same pixel either way).
 */
function packGathered(
  padded: Float64Array,
  across: Int32Array,
  down: Int32Array,
  dst: Float64Array,
  width: number,
): void {
  const cols = across.length;
  const rows = down.length;
  let at = 0;
  for (let c0 = 0; c0 < cols; c0 += width) {
    if (width === 4 && c0 + 4 <= cols) {
      const a0 = across[c0];
      const a1 = across[c0 + 1];
      const a2 = across[c0 + 2];
      const a3 = across[c0 + 3];
      for (let r = 0; r < rows; r++, at += 4) {
        const o = down[r];
        dst[at] = padded[a0 + o];
        dst[at + 1] = padded[a1 + o];
        dst[at + 2] = padded[a2 + o];
        dst[at + 3] = padded[a3 + o];
      }
      continue;
    }
    for (let r = 0; r < rows; r++) {
      for (let c = c0; c < c0 + width; c++, at++) {
        dst[at] = c < cols ? padded[across[c] + down[r]] : 0;
      }
    }
  }
}

/**
 * Gather tables for the packed im2col: the image copied into a zero border `padding` wide
 * (scratch, so no read needs a bounds test), and offsets such that kernel tap p = (c, u, v) at
 * output position q = (i, j) reads padded[tap[p] + pos[q]]:
 *
 *   tap[p] = (c·(H + 2p) + u)·(W + 2p) + v,   pos[q] = i·s·(W + 2p) + j·s
 *
 * Shapes: x image at xOff [C, H, W] → padded [C, H + 2p, W + 2p], tap [C·KH·KW], pos [OH·OW].
 */
function gather(
  x: Float64Array,
  xOff: number,
  d: Conv2dDims,
): { padded: Float64Array; tap: Int32Array; pos: Int32Array } {
  const { c, h, w, kh, kw, stride: s, padding: pad, oh, ow } = d;
  const hp = h + 2 * pad;
  const wp = w + 2 * pad;
  const padded = scratch(SCRATCH_PADDED, c * hp * wp);
  padded.fill(0, 0, c * hp * wp);
  for (let ch = 0; ch < c; ch++) {
    for (let y = 0; y < h; y++) {
      const from = xOff + (ch * h + y) * w;
      padded.set(x.subarray(from, from + w), (ch * hp + y + pad) * wp + pad);
    }
  }
  // the offsets depend on the sizes only: a layer's images (and its next calls) reuse them
  const key = `${c},${h},${w},${kh},${kw},${s},${pad}`;
  if (tables.key !== key) {
    const tap = new Int32Array(c * kh * kw);
    const pos = new Int32Array(oh * ow);
    for (let ch = 0, p = 0; ch < c; ch++) {
      for (let u = 0; u < kh; u++) {
        for (let v = 0; v < kw; v++, p++) tap[p] = (ch * hp + u) * wp + v;
      }
    }
    for (let i = 0, q = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++, q++) pos[q] = i * s * wp + j * s;
    }
    Object.assign(tables, { key, tap, pos });
  }
  const { tap, pos } = tables;
  return { padded, tap, pos };
}
// the last offsets made, and the sizes they were made for
const tables = { key: "", tap: new Int32Array(0), pos: new Int32Array(0) };

/**
 * The inverse bookkeeping of `im2col` for the backward pass: adds each column entry back onto the
 * pixel it came from (pixels seen by several taps collect several terms; padding is dropped).
 *
 *   dx[c, i·s + u − p, j·s + v − p] += dcols[(c, u, v), (i, j)]
 *
 * Shapes: dcols [C·KH·KW, OH·OW] (row r at r·ld: the matmul's sums have wider rows) → added
 * into dx[dxOff …], one image [C, H, W].
 * Example: col2im(dcols, d, dx, b * C * H * W);
 */
export function col2im(
  dcols: Float64Array,
  d: Conv2dDims,
  dx: Float64Array,
  dxOff: number,
  ld = d.oh * d.ow,
): void {
  const { c, h, w, kh, kw, stride: s, padding: p, oh, ow } = d;
  let row = 0;
  for (let ch = 0; ch < c; ch++) {
    for (let u = 0; u < kh; u++) {
      for (let v = 0, src = row * ld; v < kw; v++, row++, src = row * ld) {
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
