/**
 * Plain numbers out of whatever a lesson has at hand: `number[]`, `number[][]`, a typed array, or
 * anything shaped like a tensor (`data` + `shape`, or `toArray()`). Keeps lib/plot independent of the
 * tensor module: only the shape of the value matters (structural typing).
 *
 * Example:
 *   toMatrix(dl.tensor([[1, 2], [3, 4]])); // [[1, 2], [3, 4]]
 */
import { ArgumentError, ShapeError, formatShape } from "../errors";
import { describeValue, formatValue, truncate } from "../format-value";

/** Anything with row-major numbers and a shape (a `Tensor` fits). */
export interface ShapedArray {
  readonly data: ArrayLike<number>;
  readonly shape: readonly number[];
}

/** Anything that can give back a nested array (tf.js-like objects fit). */
export interface ToArray {
  toArray(): unknown;
}

/** The inputs every chart builder accepts for a list or grid of numbers. */
export type NumericInput = ArrayLike<number> | ArrayLike<ArrayLike<number>> | ShapedArray | ToArray;

function isShaped(x: unknown): x is ShapedArray {
  return typeof x === "object" && x !== null && "data" in x && "shape" in x;
}

function isToArray(x: unknown): x is ToArray {
  return typeof x === "object" && x !== null && typeof (x as ToArray).toArray === "function";
}

/** Splits row-major `data` of `shape` into nested plain arrays. */
function nest(data: ArrayLike<number>, shape: readonly number[], offset = 0): unknown {
  if (shape.length === 0) return data[offset];
  if (shape.length === 1) return Array.from({ length: shape[0] }, (_, i) => data[offset + i]);
  const inner = shape.slice(1).reduce((a, b) => a * b, 1);
  return Array.from({ length: shape[0] }, (_, i) => nest(data, shape.slice(1), offset + i * inner));
}

/**
 * Returns `value` when it is an integer in [min, max]; else ArgumentError naming `fn` and `name`.
 * Charts bound their grids and diagrams this way: a resolution of 1e5 would draw 1e10 cells.
 */
export function expectCount(fn: string, name: string, value: unknown, min: number, max: number) {
  if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) {
    return value;
  }
  throw new ArgumentError(
    `${fn}: ${name} must be an integer from ${min} to ${max}, got ${describeValue(value)}`,
  );
}

/**
 * The smallest / largest of `values`, as Math.min / Math.max (NaN if any is NaN, ±Infinity when
 * empty), by a loop: spreading a long array into Math.min(...values) overflows the call stack.
 */
export function smallest(values: readonly number[]): number {
  return values.reduce((m, v) => Math.min(m, v), Infinity);
}

/** See `smallest`. */
export function largest(values: readonly number[]): number {
  return values.reduce((m, v) => Math.max(m, v), -Infinity);
}

/** Converts any accepted input to nested plain arrays (tensors through `data` + `shape`). */
export function toNested(x: NumericInput, fn = "plot", depth = 0): unknown {
  if (isShaped(x) && Array.isArray(x.shape)) return nest(x.data, x.shape);
  if (isToArray(x)) return x.toArray();
  const length = typeof x === "object" && x !== null ? (x as { length?: unknown }).length : null;
  if (typeof length !== "number" || depth > 32) {
    const keys = (o: object) =>
      Object.keys(o)
        .slice(0, 4)
        .map((k) => truncate(k))
        .join(", ");
    const got =
      depth > 32
        ? "arrays nested deeper than 32 levels"
        : typeof x === "object" && x !== null && !Array.isArray(x)
          ? `an object with keys ${keys(x)}`
          : describeValue(x);
    throw new ArgumentError(`${fn}: expected an array of numbers or a tensor, got ${got}`);
  }
  return Array.from(x as ArrayLike<unknown>, (v) =>
    typeof v === "number" ? v : toNested(v as NumericInput, fn, depth + 1),
  );
}

/** A flat list of numbers; `fn` names the caller in errors. */
export function toVector(x: NumericInput, fn = "plot"): number[] {
  const nested = toNested(x, fn);
  if (!Array.isArray(nested)) throw new ArgumentError(`${fn}: expected a list of numbers`);
  return (nested as unknown[]).flat(Infinity).map((v) => {
    if (typeof v !== "number") {
      throw new ArgumentError(`${fn}: expected numbers, got ${describeValue(v)}`);
    }
    return v;
  });
}

/** A rectangular matrix (rows × columns); a vector becomes one row. */
export function toMatrix(x: NumericInput, fn = "plot"): number[][] {
  if (isShaped(x) && x.shape.length > 2) {
    throw new ShapeError(`${fn}: expected a matrix, got shape ${formatShape(x.shape)}`);
  }
  const nested = toNested(x, fn) as unknown[];
  const rows = nested.every((r) => typeof r === "number") ? [nested as number[]] : nested;
  const matrix = rows.map((r) => toVector(r as NumericInput, fn));
  const width = matrix[0]?.length ?? 0;
  if (matrix.some((r) => r.length !== width)) {
    throw new ShapeError(
      `${fn}: rows must have equal lengths, got ${formatValue(matrix.map((r) => r.length))}`,
    );
  }
  return matrix;
}

/** A list of matrices (e.g. images [N, H, W], or [N, 1, H, W] with the channel dropped). */
export function toImages(x: NumericInput | readonly NumericInput[], fn = "plot"): number[][][] {
  if (isShaped(x)) {
    const s = x.shape;
    const hw = s.slice(-2);
    const n = s.length === 2 ? 1 : s.slice(0, -2).reduce((a, b) => a * b, 1);
    return nest(x.data, [n, hw[0], hw[1]]) as number[][][];
  }
  const list = toNested(x as NumericInput, fn) as unknown[];
  return list.map((m) => toMatrix(m as NumericInput, fn));
}
