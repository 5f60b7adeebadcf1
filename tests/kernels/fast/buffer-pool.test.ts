// The fast kernels' memory: arrays released after a step come back zeroed for the next step's
// ops of the same length; arrays that left the engine (kept) or were not made here never do.
import { afterEach, describe, expect, it } from "vitest";
import {
  LIMIT_BYTES,
  MIN_LENGTH,
  allocate,
  clearPool,
  keep,
  poolStats,
  release,
} from "../../../lib/kernels/fast/buffer-pool";

describe("buffer pool", () => {
  afterEach(() => clearPool());

  it("allocate gives zeros, and a released array of the same length comes back zeroed", () => {
    const first = allocate(MIN_LENGTH * 2);
    expect(first.every((v) => v === 0)).toBe(true);
    first.fill(7);
    release(first);
    expect(poolStats()).toEqual({ buffers: 1, bytes: first.byteLength });
    const again = allocate(MIN_LENGTH * 2);
    expect(again).toBe(first);
    expect(again.every((v) => v === 0)).toBe(true);
    expect(poolStats()).toEqual({ buffers: 0, bytes: 0 });
  });

  it("only hands an array back for the exact length asked", () => {
    const a = allocate(MIN_LENGTH * 3);
    release(a);
    expect(allocate(MIN_LENGTH * 3 + 1)).not.toBe(a);
    expect(allocate(MIN_LENGTH * 3)).toBe(a);
  });

  it("does not pool small arrays, foreign arrays, or the same array twice", () => {
    release(allocate(MIN_LENGTH - 1));
    release(new Float64Array(MIN_LENGTH * 2));
    expect(poolStats().buffers).toBe(0);
    const big = allocate(MIN_LENGTH);
    release(big);
    release(big);
    expect(poolStats().buffers).toBe(1);
    expect(allocate(MIN_LENGTH)).toBe(big);
    expect(allocate(MIN_LENGTH)).not.toBe(big);
  });

  it("never reuses a kept array (one that left the engine), even when released later", () => {
    const kept = allocate(MIN_LENGTH);
    keep(kept);
    release(kept);
    expect(poolStats().buffers).toBe(0);
    expect(allocate(MIN_LENGTH)).not.toBe(kept);
  });

  it("keeps at most LIMIT_BYTES; beyond it released arrays go to the garbage collector", () => {
    const length = LIMIT_BYTES / 8 / 4; // a quarter of the limit each
    const arrays = [0, 1, 2, 3, 4].map(() => allocate(length));
    for (const a of arrays) release(a);
    expect(poolStats()).toEqual({ buffers: 4, bytes: LIMIT_BYTES });
  });
});
