/**
 * Checks of the runner's numeric settings: the per-cell time limit (`--timeout`, a notebook's
 * `course.cellTimeout`) and the number of notebooks at once (`--jobs`). Each bad value gets an
 * ArgumentError saying what was expected, instead of a run that waits 35 days or none at all.
 *
 * Example:
 *   checkSeconds("--timeout", 120); // 120
 *   checkSeconds("course.cellTimeout", "abc"); // throws ArgumentError
 */
import { ArgumentError, describeValue } from "./errors";

/** The longest per-cell limit accepted, in seconds (one day). */
export const MAX_CELL_SECONDS = 86_400;
/** The most kernels at once (each takes ~250 MB). */
export const MAX_JOBS = 64;

/** `value` as a per-cell limit in seconds: a finite number in (0, 86400]. */
export function checkSeconds(name: string, value: unknown): number {
  if (typeof value !== "number" || !(value > 0 && value <= MAX_CELL_SECONDS)) {
    throw new ArgumentError(
      `${name} must be a number of seconds greater than 0 and at most ${MAX_CELL_SECONDS} (one day), got ${describeValue(value)}`,
    );
  }
  return value;
}

/** `value` as a number of notebooks at once: an integer from 1 to 64. */
export function checkJobs(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_JOBS) {
    throw new ArgumentError(
      `${name} must be a whole number of notebooks from 1 to ${MAX_JOBS}, got ${describeValue(value)}`,
    );
  }
  return value;
}

/** A command-line number: the text parsed strictly ("12", "1.5", "1e3"; not "", "12abc", "0x10"). */
export function parseNumber(text: string): number | string {
  const trimmed = text.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed) ? Number(trimmed) : text;
}
