import { matmulReference } from "./matmul-reference";

/**
 * Sizes and options of `matmulInto`: out (m×n) = op(a) (m×k) · op(b) (k×n).
 * `transA`: a is stored k×m (use aᵀ); `transB`: b is stored n×k (use bᵀ);
 * `accumulate`: add into out instead of overwriting it (backward passes accumulate gradients).
 */
export interface MatmulDims {
  m: number;
  k: number;
  n: number;
  transA?: boolean;
  transB?: boolean;
  accumulate?: boolean;
}

// Register tile (MR×NR outputs kept in local variables) and cache blocks: a KC×NR panel of b
// (8 KiB) stays in L1 while an MC×KC block of a (256 KiB) stays in L2.
const MR = 4;
const NR = 4;
const KC = 256;
const MC = 128;
const NC = 1024;
// Below this many multiply-adds, packing costs more than it saves: use the plain loops.
const SMALL = 4096;

// Scratch for the packed panels, grown on demand and reused by every call (module-level on
// purpose: a freshly touched 4 KiB page costs ~11 µs on the course VM, more than small products).
let packedA = new Float64Array(MC * KC);
let packedB = new Float64Array(KC * NC);

/**
 * Matrix multiplication, fast: out (m×n) = op(a) · op(b), optionally added into out.
 *
 *   out[i, j] (+)= Σ_p op(a)[i, p] · op(b)[p, j]
 *
 * Same contract and result as `matmulReference` (up to rounding). Blocked for the caches, with a
 * and b packed into contiguous panels (which also absorbs transA / transB: all four variants run
 * at the same speed) and a 4×4 register-tiled micro-kernel. Tensor ops and layers call it.
 * Example: matmulInto(a, b, out, { m: 2, k: 3, n: 4, transB: true });
 */
export function matmulInto(
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
  dims: MatmulDims,
): void {
  const { m, k, n, transA = false, transB = false, accumulate = false } = dims;
  if (m * n * k < SMALL) {
    matmulReference(a, b, out, dims);
    return;
  }
  if (!accumulate) out.fill(0, 0, m * n);
  for (let j0 = 0; j0 < n; j0 += NC) {
    const nc = Math.min(NC, n - j0);
    for (let p0 = 0; p0 < k; p0 += KC) {
      const kc = Math.min(KC, k - p0);
      packB(b, transB, { k, n, p0, kc, j0, nc });
      for (let i0 = 0; i0 < m; i0 += MC) {
        const mc = Math.min(MC, m - i0);
        packA(a, transA, { m, k, i0, mc, p0, kc });
        macroKernel(out, n, i0, mc, j0, nc, kc);
      }
    }
  }
}

/** Runs the micro-kernel over every MR×NR tile of one mc×nc block of out. */
/**
 * `out += a · B` (no transposes; each out value gets its whole sum at once, `out + Σₚ`), where
 * the caller writes B straight into the
 * packed panel layout, skipping the intermediate B matrix and its packing pass: `fillB(packed,
 * width)` must set packed[⌊j/width⌋·width·k + p·width + j mod width] = B[p, j] for every p < k,
 * j < ⌈n/width⌉·width (zeros past n). The convolution uses it with an im2col that writes panels
 * (lesson 7's fast path). The arithmetic is `matmulInto`'s with `accumulate`, bit for bit. Returns false, doing
 * nothing, when the problem is too small or does not fit one cache block (k > 256 or n > 1024):
 * the caller then uses `matmulInto`.
 * Shapes: a [m, k], out [m, n]. Example: matmulIntoPackedB(w, out, { m, k, n }, fill)
 */
export function matmulIntoPackedB(
  a: Float64Array,
  out: Float64Array,
  dims: { m: number; k: number; n: number },
  fillB: (packed: Float64Array, width: number) => void,
): boolean {
  const { m, k, n } = dims;
  if (m * n * k < SMALL || k > KC || n > NC) return false;
  const need = Math.ceil(n / NR) * NR * k;
  if (packedB.length < need) packedB = new Float64Array(need);
  fillB(packedB, NR);
  for (let i0 = 0; i0 < m; i0 += MC) {
    const mc = Math.min(MC, m - i0);
    packA(a, false, { m, k, i0, mc, p0: 0, kc: k });
    macroKernel(out, n, i0, mc, 0, n, k);
  }
  return true;
}

function macroKernel(
  out: Float64Array,
  ldc: number,
  i0: number,
  mc: number,
  j0: number,
  nc: number,
  kc: number,
): void {
  const ap = packedA;
  const bp = packedB;
  for (let jr = 0; jr < nc; jr += NR) {
    const nr = Math.min(NR, nc - jr);
    const bOff = jr * kc;
    for (let ir = 0; ir < mc; ir += MR) {
      const mr = Math.min(MR, mc - ir);
      microKernel(ap, ir * kc, bp, bOff, kc, out, (i0 + ir) * ldc + j0 + jr, ldc, mr, nr);
    }
  }
}

/**
 * out[0..mr, 0..nr] += Σ_p ap[p, 0..MR] ⊗ bp[p, 0..NR]: 16 running sums in locals, 8 loads and
 * 16 multiply-adds per step of p. Padded panels make the loop branch-free; only the store
 * looks at the tile's true size mr×nr.
 */
// prettier-ignore
function microKernel(
  ap: Float64Array, aOff: number, bp: Float64Array, bOff: number, kc: number,
  out: Float64Array, cOff: number, ldc: number, mr: number, nr: number,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  let ai = aOff;
  let bi = bOff;
  for (let p = 0; p < kc; p++, ai += MR, bi += NR) {
    const a0 = ap[ai], a1 = ap[ai + 1], a2 = ap[ai + 2], a3 = ap[ai + 3];
    const b0 = bp[bi], b1 = bp[bi + 1], b2 = bp[bi + 2], b3 = bp[bi + 3];
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
  }
  if (mr === MR && nr === NR) {
    let o = cOff;
    out[o] += c00; out[o + 1] += c01; out[o + 2] += c02; out[o + 3] += c03; o += ldc;
    out[o] += c10; out[o + 1] += c11; out[o + 2] += c12; out[o + 3] += c13; o += ldc;
    out[o] += c20; out[o + 1] += c21; out[o + 2] += c22; out[o + 3] += c23; o += ldc;
    out[o] += c30; out[o + 1] += c31; out[o + 2] += c32; out[o + 3] += c33;
    return;
  }
  const tile = edgeTile;
  tile[0] = c00; tile[1] = c01; tile[2] = c02; tile[3] = c03;
  tile[4] = c10; tile[5] = c11; tile[6] = c12; tile[7] = c13;
  tile[8] = c20; tile[9] = c21; tile[10] = c22; tile[11] = c23;
  tile[12] = c30; tile[13] = c31; tile[14] = c32; tile[15] = c33;
  for (let r = 0; r < mr; r++) {
    for (let c = 0; c < nr; c++) out[cOff + r * ldc + c] += tile[r * NR + c];
  }
}
const edgeTile = new Float64Array(MR * NR);

/** Packs the kc×nc block of op(b) at (p0, j0) into NR-wide panels (row p of a panel contiguous), zero-padded. */
function packB(
  b: Float64Array,
  transB: boolean,
  s: { k: number; n: number; p0: number; kc: number; j0: number; nc: number },
): void {
  const { k, n, p0, kc, j0, nc } = s;
  const panels = Math.ceil(nc / NR);
  if (packedB.length < panels * NR * kc) packedB = new Float64Array(panels * NR * kc);
  // op(b)[p, j] sits at b[p·rowStride + j·colStride]; the inner loop walks the contiguous one.
  const rowStride = transB ? 1 : n;
  const colStride = transB ? k : 1;
  packPanels(b, packedB, { panels, width: NR, kc, rows: nc, start: j0, p0, rowStride, colStride });
}

/** Packs the mc×kc block of op(a) at (i0, p0) into MR-tall panels (column p of a panel contiguous), zero-padded. */
function packA(
  a: Float64Array,
  transA: boolean,
  s: { m: number; k: number; i0: number; mc: number; p0: number; kc: number },
): void {
  const { m, k, i0, mc, p0, kc } = s;
  const panels = Math.ceil(mc / MR);
  if (packedA.length < panels * MR * kc) packedA = new Float64Array(panels * MR * kc);
  const rowStride = transA ? m : 1; // step in p
  const colStride = transA ? 1 : k; // step in i
  packPanels(a, packedA, { panels, width: MR, kc, rows: mc, start: i0, p0, rowStride, colStride });
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
