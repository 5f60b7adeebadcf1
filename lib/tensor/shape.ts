import { ArgumentError, ShapeError, formatShape } from "../errors";
import { describeValue } from "../format-value";
import { checkSize } from "../limits";

/**
 * Shapes and the row-major layout every tensor uses: a shape lists the size of each axis,
 * outermost first; element [i, j, k] of a [A, B, C] tensor sits at i·B·C + j·C + k.
 * Example: shapeSize([2, 3]) is 6; strides([2, 3, 4]) is [12, 4, 1]. Lesson 0.
 */

/** A tensor's shape: the size of each axis, outermost first. Images are NCHW. */
export type Shape = readonly number[];

/**
 * The number of elements of a shape: the product of its sizes (1 for `[]`). Throws ArgumentError
 * when `shape` is not an array or holds more than MAX_ELEMENTS (checkSize, lib/limits.ts),
 * ShapeError when a size is not a non-negative integer (naming `op`).
 */
export function shapeSize(shape: Shape, op = "shape"): number {
  if (!Array.isArray(shape)) {
    throw new ArgumentError(`${op}: shape must be an array of sizes, got ${describeValue(shape)}`);
  }
  for (const n of shape) {
    if (!Number.isInteger(n) || n < 0) {
      throw new ShapeError(
        `${op}: shape sizes must be non-negative integers, got ${formatShape(shape)}`,
      );
    }
  }
  return checkSize(op, shape);
}

/** Row-major strides of a shape: `strides([2, 3, 4])` is `[12, 4, 1]`. */
export function strides(shape: Shape): number[] {
  const result = new Array<number>(shape.length);
  let stride = 1;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    result[axis] = stride;
    stride *= shape[axis];
  }
  return result;
}

/** The flat (row-major) index of `indices` in `shape`; ArgumentError naming `op` when one is out of range. */
export function flatIndex(shape: Shape, indices: readonly number[], op: string): number {
  if (indices.length !== shape.length) {
    throw new ArgumentError(
      `${op}: expected ${shape.length} indices for shape ${formatShape(shape)}, got ${indices.length}`,
    );
  }
  let flat = 0;
  const s = strides(shape);
  indices.forEach((i, axis) => {
    if (!Number.isInteger(i) || i < 0 || i >= shape[axis]) {
      throw new ArgumentError(
        `${op}: index ${i} is out of range for axis ${axis} of size ${shape[axis]}`,
      );
    }
    flat += i * s[axis];
  });
  return flat;
}
