import type { MatmulDims } from "../kernels";

/**
 * Matrix multiplication the way a lesson writes it: three loops (i-k-j order, so the inner loop
 * walks rows of b and out contiguously).
 *
 *   out (m×n) = op(a) · op(b),   out[i, j] (+)= Σ_p op(a)[i, p] · op(b)[p, j]
 *
 * op(a) is a (m×k), or aᵀ when `transA` (a stored k×m); op(b) is b (k×n), or bᵀ when `transB`
 * (b stored n×k). With `accumulate`, adds into `out` instead of overwriting it. The products are
 * added in the order of p, so the fast kernel gives the same bits whenever k ≤ 256 (its block
 * depth) and out starts at zero. Lesson 7 times the two.
 * Example: matmul(a, b, out, { m: 2, k: 3, n: 4 });
 */
export function matmul(
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
  dims: MatmulDims,
): void {
  const { m, k, n, transA = false, transB = false, accumulate = false } = dims;
  if (!accumulate) out.fill(0, 0, m * n);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const aip = transA ? a[p * m + i] : a[i * k + p];
      const row = i * n;
      for (let j = 0; j < n; j++) {
        out[row + j] += aip * (transB ? b[j * k + p] : b[p * n + j]);
      }
    }
  }
}
