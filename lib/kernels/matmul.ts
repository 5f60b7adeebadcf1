/**
 * Matrix multiplication kernels on raw row-major Float64Arrays, used by the tensor ops.
 *
 * `out (m×n) = op(a) · op(b)` where op(a) is a (m×k), or aᵀ when `transA` (a stored k×m);
 * op(b) is b (k×n), or bᵀ when `transB` (b stored n×k). With `accumulate`, adds into `out`
 * instead of overwriting it (backward passes accumulate gradients).
 *
 * This is the plain reference version (three loops, i-k-j order); lib/kernels may add faster ones
 * tested against it.
 * Example: matmulInto(a, b, out, { m: 2, k: 3, n: 4 });
 */
export interface MatmulDims {
  m: number;
  k: number;
  n: number;
  transA?: boolean;
  transB?: boolean;
  accumulate?: boolean;
}

export function matmulInto(
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
      if (aip === 0) continue;
      const row = i * n;
      for (let j = 0; j < n; j++) {
        out[row + j] += aip * (transB ? b[j * k + p] : b[p * n + j]);
      }
    }
  }
}
