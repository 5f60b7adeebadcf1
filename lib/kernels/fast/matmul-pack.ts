/**
 * Cache blocking and panel packing for the fast matmul (`matmulInto` in ./matmul.ts).
 *
 * Register tile (MR×NR outputs kept in registers) and cache blocks: a KC×NR panel of b (8 KiB)
 * stays in L1 while an MC×KC block of a (256 KiB) stays in L2; NC bounds the columns of one block.
 * Packed buffers never need more than MC·KC (a) and KC·NC (b) entries.
 */
export const MR = 4;
export const NR = 4;
export const KC = 256;
export const MC = 128;
export const NC = 1024;
/** Below this many multiply-adds, packing costs more than it saves: the plain loops run. */
export const SMALL = 4096;

/**
 * Packs the kc×nc block of op(b) at (p0, j0) into NR-wide panels (row p of a panel contiguous),
 * zero-padded: dst[panel][p][c] = op(b)[p0 + p, j0 + panel·NR + c]. Example: see matmulInto.
 */
export function packB(
  b: Float64Array,
  transB: boolean,
  dst: Float64Array,
  s: { k: number; n: number; p0: number; kc: number; j0: number; nc: number },
): void {
  const { k, n, p0, kc, j0, nc } = s;
  // op(b)[p, j] sits at b[p·rowStride + j·colStride]; the inner loop walks the contiguous one.
  const rowStride = transB ? 1 : n;
  const colStride = transB ? k : 1;
  const panels = Math.ceil(nc / NR);
  packPanels(b, dst, { panels, width: NR, kc, rows: nc, start: j0, p0, rowStride, colStride });
}

/**
 * Packs the mc×kc block of op(a) at (i0, p0) into MR-tall panels (column p of a panel
 * contiguous), zero-padded: dst[panel][p][r] = op(a)[i0 + panel·MR + r, p0 + p].
 */
export function packA(
  a: Float64Array,
  transA: boolean,
  dst: Float64Array,
  s: { m: number; k: number; i0: number; mc: number; p0: number; kc: number },
): void {
  const { m, k, i0, mc, p0, kc } = s;
  const rowStride = transA ? m : 1; // step in p
  const colStride = transA ? 1 : k; // step in i
  const panels = Math.ceil(mc / MR);
  packPanels(a, dst, { panels, width: MR, kc, rows: mc, start: i0, p0, rowStride, colStride });
}

/**
 * Shared packing loop: dst[panel][p][c] = src[(p0 + p)·rowStride + (start + panel·width + c)·colStride],
 * 0 past `rows`. A full 4-wide panel takes its four values per step of p at once, writing dst in
 * order (about half the time of a loop over the 4 columns, on W2's products); a ragged last
 * panel goes column by column.
 */
function packPanels(
  src: Float64Array,
  dst: Float64Array,
  g: {
    panels: number;
    width: number;
    kc: number;
    rows: number;
    start: number;
    p0: number;
    rowStride: number;
    colStride: number;
  },
): void {
  const { panels, width, kc, rows, start, p0, rowStride, colStride } = g;
  for (let panel = 0; panel < panels; panel++) {
    const first = panel * width;
    const valid = Math.min(width, rows - first);
    const base = panel * width * kc;
    if (valid < width) dst.fill(0, base, base + width * kc);
    const origin = p0 * rowStride + (start + first) * colStride;
    if (width === 4 && valid === 4) {
      // a full panel, four reads per step of p (neighbours in src, or one from each column)
      const [c1, c2, c3] = [colStride, 2 * colStride, 3 * colStride];
      for (let p = 0, from = origin, to = base; p < kc; p++, from += rowStride, to += 4) {
        dst[to] = src[from];
        dst[to + 1] = src[from + c1];
        dst[to + 2] = src[from + c2];
        dst[to + 3] = src[from + c3];
      }
      continue;
    }
    for (let c = 0; c < valid; c++) {
      const from = origin + c * colStride;
      for (let p = 0; p < kc; p++) dst[base + p * width + c] = src[from + p * rowStride];
    }
  }
}
