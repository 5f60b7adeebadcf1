import { ArgumentError, formatShape } from "./errors";

/**
 * The largest tensor the engine makes: 2²⁷ numbers (134,217,728 float64, 1 GiB). Past it, memory
 * runs out: JavaScript then throws a bare RangeError, or kills the whole kernel when the numbers
 * sit in plain arrays. Sizes are checked against this limit BEFORE anything is allocated, in the
 * one function below, which tensor creation, the layers, the ops whose output grows (broadcasting,
 * matmul, convolution, take, oneHot) and the data generators call with the shape they will make.
 */
export const MAX_ELEMENTS = 2 ** 27;

/** The most axes a tensor may have (numpy's limit), which also stops a cyclic nested array. */
export const MAX_RANK = 32;

/**
 * The number of elements of `shape` (sizes already known to be integers ≥ 0) when it is at most
 * MAX_ELEMENTS; else throws ArgumentError naming `op`, `what` the shape is of, the shape and the limit:
 *   zeros: shape [100000, 100000] has 1e+10 elements, over the limit of 134217728 (2^27, 1 GiB of float64)
 * Example: checkSize("Linear", [inFeatures, outFeatures]) before making the weights.
 */
export function checkSize(op: string, shape: readonly number[], what = "shape"): number {
  if (shape.length > MAX_RANK) {
    throw new ArgumentError(
      `${op}: ${what} ${formatShape(shape)} has ${shape.length} axes, over the limit of ${MAX_RANK}`,
    );
  }
  // a huge size beside a 0 still makes nothing: allowed, as numpy does
  if (shape.includes(0)) return 0;
  let size = 1;
  for (const n of shape) size *= n;
  if (size > MAX_ELEMENTS) {
    throw new ArgumentError(
      `${op}: ${what} ${formatShape(shape)} has ${size} elements, over the limit of ${MAX_ELEMENTS} (2^27, 1 GiB of float64)`,
    );
  }
  return size;
}
