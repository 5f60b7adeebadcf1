/**
 * The library's named errors. Every error is thrown at the call that got the bad input, and its
 * message names the function (or op), the argument, what it got and what was expected.
 *
 * Example:
 *   try { dl.matmul(a, b) } catch (e) { if (e instanceof dl.ShapeError) … }
 *   // ShapeError: matmul: inner dimensions must match, got [2, 3] @ [4, 5]
 */
import { describeValue, formatValue } from "./format-value";

/** Shapes that do not fit the op: names the op and every shape involved. */
export class ShapeError extends Error {
  override readonly name = "ShapeError";
}

/** An argument of the wrong kind or out of its range (learning rate ≤ 0, batch size < 1, …). */
export class ArgumentError extends Error {
  override readonly name = "ArgumentError";
}

/** NaN or ±Infinity where it cannot be meant (in data, or a loss during training). */
export class NonFiniteError extends Error {
  override readonly name = "NonFiniteError";
}

/** An intermediate tensor read after its training step gave its memory back (releaseGraph). */
export class ReleasedTensorError extends Error {
  override readonly name = "ReleasedTensorError";
}

/** A worker thread of the fast kernels failed during an op (the op is not done; the pool restarts). */
export class KernelThreadError extends Error {
  override readonly name = "KernelThreadError";
}

/** Text that does not follow its format: a ragged CSV row, a weights file that is not the JSON expected. */
export class FormatError extends Error {
  override readonly name = "FormatError";
}

/**
 * Formats a shape for error messages: `[2, 3]`. Bounded like every value in a message (a shape of
 * a million sizes, or of odd values, prints a few of them and the count; see format-value.ts).
 */
export function formatShape(shape: readonly number[]): string {
  return formatValue(shape);
}

/** Returns `options` when it is an object (not null, not an array or typed array); else ArgumentError. */
export function expectOptions<T>(op: string, options: T, name = "options"): T {
  const isObject = typeof options === "object" && options !== null;
  if (isObject && !Array.isArray(options) && !ArrayBuffer.isView(options)) return options;
  throw new ArgumentError(
    `${op}: ${name} must be an object ({ … }), got ${describeValue(options)}`,
  );
}

/** Returns `f` when it is a function; else ArgumentError `op: name must be a function, got …`. */
export function expectFunction<F>(op: string, name: string, f: F): F {
  if (typeof f === "function") return f;
  throw new ArgumentError(`${op}: ${name} must be a function, got ${describeValue(f)}`);
}
