/**
 * Compares a student's answer with the expected value: numbers, nested arrays and tensors through
 * the course's one closeness helper `allClose`; booleans and strings exactly; plain objects and
 * other arrays field by field. An answer of the wrong kind or shape is "invalid", with a reason.
 */
import { allClose } from "../tensor/close";
import { formatShape } from "../errors";
import { Tensor } from "../tensor/tensor";
import type { Tolerance } from "./types";
import { formatValue, isPlainObject } from "./values";

/** How an answer relates to the expected value. */
export type Comparison =
  | { readonly kind: "equal" }
  | { readonly kind: "different" }
  | { readonly kind: "invalid"; readonly reason: string };

const EQUAL: Comparison = { kind: "equal" };
const DIFFERENT: Comparison = { kind: "different" };

/** Default closeness: numpy's `allclose` defaults. */
export const DEFAULT_TOLERANCE: Required<Tolerance> = { rtol: 1e-5, atol: 1e-8 };

/** Compares `got` with `expected`; `where` names the part compared ("" for the whole answer). */
export function compareAnswer(
  got: unknown,
  expected: unknown,
  tolerance: Tolerance = {},
  where = "",
): Comparison {
  const tol = { ...DEFAULT_TOLERANCE, ...tolerance };
  const shape = numericShape(expected);
  if (shape !== null) return compareNumeric(got, expected, shape, tol, where);
  if (typeof expected === "boolean" || typeof expected === "string") {
    if (typeof got !== typeof expected) return invalid(where, describe(expected), got);
    return got === expected ? EQUAL : DIFFERENT;
  }
  if (Array.isArray(expected)) return compareList(got, expected, tol, where);
  if (isPlainObject(expected)) return compareFields(got, expected, tol, where);
  return Object.is(got, expected) ? EQUAL : DIFFERENT;
}

/** "a number", "a tensor of shape [2, 2]", "an array of shape [3]", "true or false", … */
export function describe(expected: unknown): string {
  const shape = numericShape(expected);
  if (typeof expected === "number") return "a number";
  if (expected instanceof Tensor) return `a tensor of shape ${formatShape(expected.shape)}`;
  if (shape !== null) return `an array of numbers of shape ${formatShape(shape)}`;
  if (typeof expected === "boolean") return "true or false";
  if (typeof expected === "string") return "a string";
  if (Array.isArray(expected)) return `an array of ${expected.length} values`;
  if (isPlainObject(expected)) return `an object with fields ${Object.keys(expected).join(", ")}`;
  return formatValue(expected);
}

function compareNumeric(
  got: unknown,
  expected: unknown,
  shape: readonly number[],
  tol: Required<Tolerance>,
  where: string,
): Comparison {
  const gotShape = numericShape(got);
  const sameKind = expected instanceof Tensor ? got instanceof Tensor : !(got instanceof Tensor);
  if (gotShape === null || !sameKind) return invalid(where, describe(expected), got);
  if (formatShape(gotShape) !== formatShape(shape)) {
    const what = `${at(where)}expected shape ${formatShape(shape)}, got shape ${formatShape(gotShape)}`;
    return { kind: "invalid", reason: what };
  }
  const gotNumbers = plain(got);
  if (hasNaN(gotNumbers) && !hasNaN(plain(expected))) {
    return { kind: "invalid", reason: `${at(where)}the answer contains NaN (not a number)` };
  }
  return allClose(gotNumbers, plain(expected), tol) ? EQUAL : DIFFERENT;
}

function compareList(
  got: unknown,
  expected: readonly unknown[],
  tol: Tolerance,
  where: string,
): Comparison {
  if (!Array.isArray(got) || got.length !== expected.length) {
    return invalid(where, describe(expected), got);
  }
  return worst(expected.map((e, i) => compareAnswer(got[i], e, tol, `${where}[${i}]`)));
}

function compareFields(
  got: unknown,
  expected: Record<string, unknown>,
  tol: Tolerance,
  where: string,
): Comparison {
  if (got === null || typeof got !== "object") return invalid(where, describe(expected), got);
  const fields = got as Record<string, unknown>;
  const results = Object.keys(expected).map((key) =>
    key in fields
      ? compareAnswer(fields[key], expected[key], tol, `${where}.${key}`)
      : { kind: "invalid" as const, reason: `the answer has no field "${key}"` },
  );
  return worst(results);
}

/** The first invalid comparison, else "different" if any part differs, else "equal". */
function worst(results: readonly Comparison[]): Comparison {
  return (
    results.find((r) => r.kind === "invalid") ??
    results.find((r) => r.kind === "different") ??
    EQUAL
  );
}

/** The shape of a number ([]), a tensor, a typed array, or a rectangular nested array of numbers. */
export function numericShape(value: unknown): number[] | null {
  if (typeof value === "number") return [];
  if (value instanceof Tensor) return [...value.shape];
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return [(value as unknown as ArrayLike<number>).length];
  }
  if (!Array.isArray(value)) return null;
  if (value.length === 0) return [0];
  const inner = value.map(numericShape);
  const first = inner[0];
  if (first === null || inner.some((s) => s === null || formatShape(s) !== formatShape(first))) {
    return null;
  }
  return [value.length, ...first];
}

/** Numbers as `allClose` takes them: typed arrays become plain arrays. */
function plain(value: unknown): number | Tensor | unknown[] {
  if (typeof value === "number" || value instanceof Tensor) return value;
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  return (value as unknown[]).map(plain);
}

function hasNaN(value: unknown): boolean {
  if (typeof value === "number") return Number.isNaN(value);
  if (value instanceof Tensor) return value.data.some(Number.isNaN);
  return Array.isArray(value) && value.some(hasNaN);
}

function invalid(where: string, expected: string, got: unknown): Comparison {
  return { kind: "invalid", reason: `${at(where)}expected ${expected}, got ${formatValue(got)}` };
}

function at(where: string): string {
  return where === "" ? "" : `in ${where.replace(/^\./, "")}: `;
}
