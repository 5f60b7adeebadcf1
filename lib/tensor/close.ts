import { expectOptions, formatShape } from "../errors";
import { tensor } from "./creation";
import { NestedArray, Tensor } from "./tensor";
import { strides } from "./shape";

/**
 * The course's ONE closeness helper, shared by tests and exercise checks.
 * Two values are close when they have the same shape and, for every element,
 * |a − b| ≤ atol + rtol·|b| (b is the expected value, as in numpy). NaN matches NaN and
 * an infinity matches the same infinity. No broadcasting: different shapes are not close.
 */

/** A number, nested arrays of numbers, or a tensor. */
export type CloseInput = number | Tensor | NestedArray | readonly unknown[];

/** Tolerances of `allClose`: relative (default 1e-5) and absolute (default 1e-8). */
export interface CloseOptions {
  rtol?: number;
  atol?: number;
}

/** What `compareClose` found: whether close, the largest error and where it is. */
export interface CloseReport {
  close: boolean;
  maxAbsError: number;
  /** Multi-index of the first element that is not close (or of the largest error when close). */
  worstIndex: number[];
  message: string;
}

function toTensor(x: CloseInput): Tensor {
  return x instanceof Tensor ? x : tensor(x as NestedArray);
}

function elementClose(a: number, b: number, rtol: number, atol: number): boolean {
  if (a === b) return true; // also equal infinities
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false; // ∞ is close only to the same ∞
  return Math.abs(a - b) <= atol + rtol * Math.abs(b);
}

/**
 * Compares `actual` with `expected` and explains the first difference.
 * Example: dl.compareClose([1, 2.1], [1, 2]).message names index [1]. Lesson 0 (exercises).
 */
export function compareClose(
  actual: CloseInput,
  expected: CloseInput,
  options: CloseOptions = {},
): CloseReport {
  expectOptions("compareClose", options);
  const { rtol = 1e-5, atol = 1e-8 } = options;
  const a = toTensor(actual);
  const b = toTensor(expected);
  if (a.shape.length !== b.shape.length || a.shape.some((n, i) => n !== b.shape[i])) {
    const message = `expected shape ${formatShape(b.shape)}, got shape ${formatShape(a.shape)}`;
    return { close: false, maxAbsError: Infinity, worstIndex: [], message };
  }
  const ad = a.values;
  const bd = b.values;
  let maxAbsError = 0;
  let worst = 0;
  let firstBad = -1;
  for (let i = 0; i < a.size; i++) {
    const err = Math.abs(ad[i] - bd[i]);
    if (err > maxAbsError) [maxAbsError, worst] = [err, i];
    if (firstBad < 0 && !elementClose(ad[i], bd[i], rtol, atol)) firstBad = i;
  }
  const flat = firstBad >= 0 ? firstBad : worst;
  const s = strides(a.shape);
  const worstIndex = a.shape.map((n, axis) => Math.floor(flat / s[axis]) % n);
  const where = `[${worstIndex.join(", ")}]`;
  const message =
    firstBad < 0
      ? `close (max abs error ${maxAbsError.toExponential(2)})`
      : `at ${where}: expected ${bd[flat]}, got ${ad[flat]} (rtol ${rtol}, atol ${atol})`;
  return { close: firstBad < 0, maxAbsError, worstIndex, message };
}

/**
 * True when `actual` and `expected` are close element by element (same shape required).
 * Example: dl.allClose(dl.tensor([0.1 + 0.2]), [0.3]) is true.
 */
export function allClose(actual: CloseInput, expected: CloseInput, options: CloseOptions = {}) {
  return compareClose(actual, expected, options).close;
}

/** Throws an Error (name "AssertionError") explaining the first difference when not close. */
export function assertClose(
  actual: CloseInput,
  expected: CloseInput,
  options: CloseOptions = {},
): void {
  const report = compareClose(actual, expected, options);
  if (report.close) return;
  const error = new Error(`assertClose: ${report.message}`);
  error.name = "AssertionError";
  throw error;
}
