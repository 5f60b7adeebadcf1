import type { Conv2dDims, Pool2dDims } from "./dims";

/**
 * The seam between the engine a student reads and the code that makes it fast. Every hot loop of
 * the teaching layers (tensor, nn, autograd) is one of these functions, on raw row-major
 * Float64Arrays; the ops around them keep the shapes, the checks and the chain rule.
 *
 * Two complete implementations, chosen by `dl.kernels.use("reference" | "fast")`:
 *   - `reference` (lib/kernels/reference): the plain loops of each formula, `new Float64Array`,
 *     no state: what lesson 7 reads, and what the tests compare the other one against;
 *   - `fast` (lib/kernels/fast, the default): packed blocks and a WebAssembly micro-kernel for the
 *     matrix product, im2col convolutions, branch-free loops, and memory reused between steps.
 * Both give the same numbers (bit for bit for the matrix product up to a depth of 256, ReLU and
 * pooling; up to rounding where they add in another order).
 *
 * Backward functions ADD into the gradient arrays they are given (`dx[i] += …`): gradients
 * accumulate, and the caller passes the input's gradient array itself.
 * Example: kernels.matmul(a, b, out, { m: 2, k: 3, n: 4 }) // out = a · b
 */
export interface Kernels {
  readonly name: KernelName;

  /** A zero-filled array of `length` numbers for an op's output or a gradient. */
  allocate(length: number): Float64Array;
  /** The array's numbers are no longer needed (releaseGraph): its memory may be reused. */
  release(data: Float64Array): void;
  /** The array has left the engine (someone read `tensor.data`): never reuse its memory. */
  keep(data: Float64Array): void;

  /** out (m×n) = op(a) · op(b), or out += … with `accumulate`; see `MatmulDims`. */
  matmul(a: Float64Array, b: Float64Array, out: Float64Array, dims: MatmulDims): void;

  /** out [N, F, OH, OW] = bias[f] + Σ_c Σ_u Σ_v x[n, c, i·s + u − p, j·s + v − p] · w[f, c, u, v]. */
  conv2dForward(
    x: Float64Array,
    w: Float64Array,
    bias: Float64Array | null,
    d: Conv2dDims,
  ): Float64Array;
  /** Adds ∂L/∂x, ∂L/∂w and ∂L/∂bias into `grads` (a null entry is skipped). */
  conv2dBackward(
    x: Float64Array,
    w: Float64Array,
    gradOut: Float64Array,
    d: Conv2dDims,
    grads: Conv2dGrads,
  ): void;

  /** out = the largest value of each window; argmax = its flat index into x (the first NaN wins). */
  maxPool2dForward(x: Float64Array, d: Pool2dDims): { out: Float64Array; argmax: Int32Array };
  /** dx[argmax[o]] += gradOut[o]: each window's gradient goes to its winner. */
  maxPool2dBackward(gradOut: Float64Array, argmax: Int32Array, dx: Float64Array): void;
  /** out = the mean of each window. */
  avgPool2dForward(x: Float64Array, d: Pool2dDims): Float64Array;
  /** dx[each input of a window] += gradOut[window] / size². */
  avgPool2dBackward(gradOut: Float64Array, d: Pool2dDims, dx: Float64Array): void;

  /** out = max(0, x) elementwise (NaN stays NaN). */
  reluForward(x: Float64Array): Float64Array;
  /** dx += gradOut · relu′(x): relu′ is 1 where x > 0 (or x is NaN, as in PyTorch), 0 where x ≤ 0. */
  reluBackward(x: Float64Array, gradOut: Float64Array, dx: Float64Array): void;
}

/** The two implementations of `Kernels`. */
export type KernelName = "reference" | "fast";

/**
 * Sizes and options of `matmul`: out (m×n) = op(a) (m×k) · op(b) (k×n).
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

/** Where `conv2dBackward` adds each gradient: dx [N, C, H, W], dw [F, C, KH, KW], db [F]. */
export interface Conv2dGrads {
  dx: Float64Array | null;
  dw: Float64Array | null;
  db: Float64Array | null;
}
