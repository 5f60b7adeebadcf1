import type { Conv2dDims } from "../dims";
import type { MatmulDims } from "../kernels";

/**
 * What the fast kernels' threads share: the jobs a worker runs (./thread-worker.ts), the control
 * words it answers through, and how a job is cut into shares. No Node import here: the kernels
 * that split their work (./matmul.ts, ./conv2d.ts) import this in the browser too.
 */

/** Control words of a worker (an Int32Array over a SharedArrayBuffer). */
export const POSTED = 0; // jobs posted to it, counted by the calling thread
export const FINISHED = 1; // jobs it finished, counted by the worker
export const STATUS = 2; // how its last job ended: OK, FAILED (it posts the error) or EXITED
// the last job taken, by the worker or by the calling thread (whichever swaps it first from n − 1
// to n runs job n: a worker that has not started on its share when the caller is done with its
// own leaves it to the caller, so a slow or busy core never makes an op slower than one thread)
export const CLAIMED = 3;
export const OK = 0;
export const FAILED = 1;
export const EXITED = 2;

/**
 * A job for the workers. Worker i runs share `firstShare + i` of `shares`; the arrays named in
 * `inputs` are copied into shared memory for it, the part [from, to) of each that the workers read
 * (the others, its outputs, are copied back).
 *   - matmul: out = op(a) · op(b) (dims), split by rows of out, or by columns when it is wider;
 *   - conv2dForward: out = conv(x, w) + bias, split by images;
 *   - conv2dBackwardDx: dx += the input gradient, split by images;
 *   - crash: the worker throws ("throw") or ends its thread ("exit"): how the tests check that a
 *     failing worker fails the op with a named error and that the pool recovers.
 */
export type Task =
  | {
      op: "matmul";
      dims: MatmulDims;
      byRows: boolean;
      firstShare: number;
      shares: number;
      inputs: Inputs;
    }
  | { op: "conv2dForward"; d: Conv2dDims; firstShare: number; shares: number; inputs: Inputs }
  | { op: "conv2dBackwardDx"; d: Conv2dDims; firstShare: number; shares: number; inputs: Inputs }
  | { op: "crash"; how: "throw" | "exit"; firstShare: number; shares: number; inputs: Inputs };

/** The arrays a job reads, each with the part [from, to) the workers read. */
export type Inputs = Record<string, [from: number, to: number]>;

/** A job's arrays by name (a null one is absent, e.g. a convolution without bias). */
export type TaskArrays = Record<string, Float64Array | null>;

/**
 * The part [lo, hi) of 0..total that share `share` of `shares` takes: near-equal parts whose
 * boundaries are multiples of `align` (whole 4-wide register tiles), the last part taking the rest.
 * Example: shareRange(10, 0, 2, 4) → [0, 4]; shareRange(10, 1, 2, 4) → [4, 10]
 */
export function shareRange(
  total: number,
  share: number,
  shares: number,
  align: number,
): [number, number] {
  const cut = (s: number) => Math.min(total, Math.round((total * s) / shares / align) * align);
  return [share === 0 ? 0 : cut(share), share === shares - 1 ? total : cut(share + 1)];
}
