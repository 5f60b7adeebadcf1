import { expect } from "vitest";
import type { Rng } from "../../lib/rng";

/** Uniform(-1, 1) entries from a seeded generator. */
export function randomArray(rng: Rng, length: number): Float64Array {
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = rng.uniform(-1, 1);
  return out;
}

/** Asserts max |a − b| / max(1, max |b|) ≤ tol (relative to the reference's scale). */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: number,
): void {
  expect(actual.length).toBe(expected.length);
  let scale = 1;
  for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(expected[i]));
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  }
  expect(worst / scale).toBeLessThanOrEqual(tol);
}

/** Bit-for-bit equality (NaN payloads and −0 included), naming the first entry that differs. */
export function expectSameBits(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  const a = new BigUint64Array(actual.buffer, actual.byteOffset, actual.length);
  const e = new BigUint64Array(expected.buffer, expected.byteOffset, expected.length);
  const first = a.findIndex((bits, i) => bits !== e[i]);
  expect(first, `entry ${first}: ${actual[first]} ≠ ${expected[first]}`).toBe(-1);
}
