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
 * 0 past `rows`. The inner loop walks the source's contiguous direction (the one with stride 1).
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
    if (colStride === 1) {
      // rows of the panel are contiguous in src: copy `valid` neighbours per step of p
      for (let p = 0; p < kc; p++) {
        const from = origin + p * rowStride;
        const to = base + p * width;
        for (let c = 0; c < valid; c++) dst[to + c] = src[from + c];
      }
    } else {
      // columns are contiguous in src (rowStride 1): read each one straight through
      for (let c = 0; c < valid; c++) {
        const from = origin + c * colStride;
        for (let p = 0; p < kc; p++) dst[base + p * width + c] = src[from + p];
      }
    }
  }
}
