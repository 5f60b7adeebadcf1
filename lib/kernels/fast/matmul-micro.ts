import { MR, NR } from "./matmul-pack";

/**
 * The matmul's macro-kernel in TypeScript: out[i0.., j0..] (mc×nc, row stride ldc) += the packed
 * block of a (mc×kc, `ap`) times the packed block of b (kc×nc, `bp`), tile by tile.
 *
 *   out[i0 + i, j0 + j] += Σ_p ap[panel ⌊i/4⌋][p][i mod 4] · bp[panel ⌊j/4⌋][p][j mod 4]
 *
 * The fallback when WebAssembly SIMD is missing, and the reference the WebAssembly kernel
 * (./wasm/gemm.wat) matches bit for bit. Example: see matmulInto in ./matmul.ts.
 */
export function macroKernelJs(
  ap: Float64Array,
  bp: Float64Array,
  out: Float64Array,
  block: { ldc: number; i0: number; mc: number; j0: number; nc: number; kc: number },
): void {
  const { ldc, i0, mc, j0, nc, kc } = block;
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
