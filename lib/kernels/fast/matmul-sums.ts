import type { MatmulDims } from "../kernels";
import { KC, MC, NC, NR, SMALL, packA, packB } from "./matmul-pack";
import type { MacroKernel } from "./matmul-wasm";

/**
 * A matrix product whose sums go to the caller instead of into an output array: `use(sums, ld)`
 * reads S = op(a) · B at sums[i·ld + j],
 *
 *   S[i, j] = Σ_p op(a)[i, p] · B[p, j]   (each sum from 0, in p order)
 *
 * the numbers `matmulInto` writes without `accumulate`, bit for bit (it adds S onto zeros, and
 * 0 + S is S: a sum that starts at +0 is never −0). Why: `matmulInto` makes its output in two
 * passes (a zero fill, then out += S) that its caller then reads once more (col2im); handing the
 * sums over skips both. B is written by `fillB(packed, width)` in the packed panel layout (see
 * `matmulIntoPackedB`, ./matmul.ts). `sums` is reused by the next product: read it inside `use`.
 * Returns false, doing nothing, when the product is small, exceeds one cache block (m > 128,
 * k > 256, n > 1024) or runs on the TypeScript micro-kernel: the caller takes its usual path.
 * `kernel` is the matmul's active one (`active()` in ./matmul.ts).
 * Shapes: a [m, k] ([k, m] with transA). Example: col2im from wᵀ · g (./conv2d-sums.ts).
 */
export function withProductSums(
  kernel: MacroKernel,
  a: Float64Array,
  transA: boolean,
  dims: { m: number; k: number; n: number },
  fillB: (packed: Float64Array, width: number) => void,
  use: (sums: Float64Array, ld: number) => void,
): boolean {
  const { m, k, n } = dims;
  if (m * n * k < SMALL || m > MC || k > KC || n > NC) return false;
  if (kernel.productSums === undefined) return false;
  fillB(kernel.packedB, NR);
  packA(a, transA, kernel.packedA, { m, k, i0: 0, mc: m, p0: 0, kc: k });
  const { sums, ld } = kernel.productSums({ mc: m, nc: n, kc: k });
  use(sums, ld);
  return true;
}

/**
 * `matmulInto` without `accumulate` for a product that fits one block: out = op(a) · op(b),
 * copied from the sums (a memory copy when n is a multiple of 4) instead of a zero fill and an
 * out += sums pass; the same bits. Returns false, doing nothing, where `withProductSums` declines.
 * Example: if (!accumulate && productInto(active(), a, b, out, dims)) return;
 */
export function productInto(
  kernel: MacroKernel,
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
  dims: MatmulDims,
): boolean {
  const { m, k, n, transA = false, transB = false } = dims;
  const fill = (dst: Float64Array) => packB(b, transB, dst, { k, n, p0: 0, kc: k, j0: 0, nc: n });
  return withProductSums(kernel, a, transA, { m, k, n }, fill, (sums, ld) => {
    if (ld === n) out.set(sums.subarray(0, m * n));
    else for (let i = 0; i < m; i++) out.set(sums.subarray(i * ld, i * ld + n), i * n);
  });
}
