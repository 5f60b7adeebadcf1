// Ops whose output comes from the pool without a zero fill (allocateToOverwrite: ReLU, max and
// average pooling, a convolution with a bias) must write every entry: with the pool holding an
// array of exactly the output's length full of garbage (NaN, infinities, huge numbers), the fast
// op takes that very array and still gives the reference's bits, on odd shapes.
import { afterEach, describe, expect, it } from "vitest";
import { conv2dDims, pool2dDims } from "../../../lib/kernels/dims";
import {
  MIN_LENGTH,
  allocate,
  allocateToOverwrite,
  clearPool,
  release,
} from "../../../lib/kernels/fast/buffer-pool";
import { fast } from "../../../lib/kernels/fast";
import { reference } from "../../../lib/kernels/reference";
import { Rng } from "../../../lib/rng";
import { expectSameBits, randomArray } from "../helpers";

const GARBAGE = [NaN, Infinity, -Infinity, 1e308, -0, 7];

/** Puts an array of `length` full of garbage into the pool and returns it. */
function dirty(length: number): Float64Array {
  const a = allocate(length);
  for (let i = 0; i < length; i++) a[i] = GARBAGE[i % GARBAGE.length];
  release(a);
  return a;
}

describe("fast ops writing into an unzeroed reused array", () => {
  afterEach(() => clearPool());
  const rng = new Rng(19);

  it("allocateToOverwrite reuses a released array as it is; a fresh one is zeros", () => {
    const fresh = allocateToOverwrite(MIN_LENGTH + 3);
    expect(fresh.every((v) => v === 0)).toBe(true);
    const old = dirty(MIN_LENGTH + 3);
    const again = allocateToOverwrite(MIN_LENGTH + 3);
    expect(again).toBe(old);
    expect(Number.isNaN(again[0])).toBe(true); // not zero-filled: the caller writes every entry
    expect(allocateToOverwrite(MIN_LENGTH + 3)).not.toBe(old); // handed out once
    expect(allocateToOverwrite(5)).toEqual(new Float64Array(5)); // small arrays bypass the pool
  });

  it.each([1031, 4099])("reluForward, length %i (with NaN and infinities in x)", (length) => {
    const x = randomArray(rng, length);
    x[3] = NaN;
    x[10] = -Infinity;
    x[17] = -0;
    const old = dirty(length);
    const out = fast.reluForward(x);
    expect(out).toBe(old);
    expectSameBits(out, reference.reluForward(x));
    const finite = randomArray(rng, length);
    const old2 = dirty(length);
    const out2 = fast.reluForward(finite);
    expect(out2).toBe(old2);
    expectSameBits(out2, reference.reluForward(finite));
  });

  it.each([
    [[3, 5, 29, 31], 2, 2],
    [[2, 7, 23, 19], 3, 2],
    [[3, 3, 41, 37], 3, 3],
  ])("max and average pooling of x %j, size %i, stride %i", (shape, size, stride) => {
    const x = randomArray(
      rng,
      shape.reduce((p, v) => p * v, 1),
    );
    x[5] = NaN;
    const d = pool2dDims(shape, { size, stride });
    const length = d.n * d.c * d.oh * d.ow;
    expect(length).toBeGreaterThanOrEqual(MIN_LENGTH);
    const oldMax = dirty(length);
    const max = fast.maxPool2dForward(x, d);
    expect(max.out).toBe(oldMax);
    const want = reference.maxPool2dForward(x, d);
    expectSameBits(max.out, want.out);
    expect(Array.from(max.argmax)).toEqual(Array.from(want.argmax));
    const oldAvg = dirty(length);
    const avg = fast.avgPool2dForward(x, d);
    expect(avg).toBe(oldAvg);
    expectSameBits(avg, reference.avgPool2dForward(x, d));
  });

  it.each([
    [[2, 3, 17, 19], [7, 3, 3, 5], 1, 1],
    [[3, 5, 13, 11], [9, 5, 3, 3], 2, 1],
    [[1, 2, 30, 23], [5, 2, 5, 5], 1, 2],
  ])(
    "conv2dForward of x %j, w %j, stride %i, padding %i, with and without a bias",
    (xs, ws, stride, padding) => {
      const x = randomArray(
        rng,
        xs.reduce((p, v) => p * v, 1),
      );
      const w = randomArray(
        rng,
        ws.reduce((p, v) => p * v, 1),
      );
      const bias = randomArray(rng, ws[0]);
      const d = conv2dDims(xs, ws, { stride, padding });
      const length = d.n * d.f * d.oh * d.ow;
      expect(length).toBeGreaterThanOrEqual(MIN_LENGTH);
      const old = dirty(length);
      const withBias = fast.conv2dForward(x, w, bias, d);
      expect(withBias).toBe(old);
      expectSameBits(withBias, reference.conv2dForward(x, w, bias, d));
      const old2 = dirty(length);
      const noBias = fast.conv2dForward(x, w, null, d);
      expect(noBias).toBe(old2); // zero-filled by allocate: the product adds onto it
      expectSameBits(noBias, reference.conv2dForward(x, w, null, d));
    },
  );
});
