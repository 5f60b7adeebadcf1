/**
 * Argument checks shared by the engine's public functions, so that a wrong kind of value gets a
 * named error at the call (naming the function and the argument) instead of a TypeError deep inside.
 *
 * Example: expectTensor("matmul", "b", b) throws
 *   ArgumentError: matmul: b must be a Tensor, got the string "w"
 * Used by every lesson indirectly (a student passing an array where a tensor is expected).
 */
import { ArgumentError, expectFunction, expectOptions } from "../errors";
import { describeValue } from "../format-value";
import { Tensor } from "./tensor";

export { describeValue, expectFunction, expectOptions };

/** Returns `x` when it is a Tensor; throws ArgumentError `op: name must be a Tensor, got …`. */
export function expectTensor(op: string, name: string, x: unknown): Tensor {
  if (x instanceof Tensor) return x;
  throw new ArgumentError(`${op}: ${name} must be a Tensor, got ${describeValue(x)}`);
}

/** Returns `value` when it is an integer ≥ `min`; throws ArgumentError naming `op` and `name`. */
export function expectInteger(op: string, name: string, value: unknown, min: number): number {
  if (typeof value === "number" && Number.isInteger(value) && value >= min) return value;
  throw new ArgumentError(
    `${op}: ${name} must be an integer ≥ ${min}, got ${describeValue(value)}`,
  );
}

/** Returns `value` when it is a finite number; throws ArgumentError naming `op` and `name`. */
export function expectFinite(op: string, name: string, value: unknown): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new ArgumentError(`${op}: ${name} must be a finite number, got ${describeValue(value)}`);
}

/** Returns `rng` when it looks like an Rng (has `uniform` and `normal`); else ArgumentError. */
export function expectRng<R>(op: string, rng: R): R {
  const r = rng as { uniform?: unknown; normal?: unknown } | null | undefined;
  if (typeof r?.uniform === "function" && typeof r?.normal === "function") return rng;
  throw new ArgumentError(`${op}: rng must be an Rng (dl.rng(seed)), got ${describeValue(rng)}`);
}
