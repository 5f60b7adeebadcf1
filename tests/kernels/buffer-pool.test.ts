import { afterEach, describe, expect, it } from "vitest";
import {
  LIMIT_BYTES,
  MIN_LENGTH,
  allocate,
  clearPool,
  poolStats,
  recycle,
  wrapCount,
} from "../../lib/kernels/buffer-pool";
import { Tensor } from "../../lib/tensor/tensor";

describe("buffer pool", () => {
  afterEach(() => clearPool());

  it("allocate gives zeros, and a recycled buffer of the same length comes back zeroed", () => {
    const first = allocate(MIN_LENGTH * 2);
    expect(first.every((v) => v === 0)).toBe(true);
    first.fill(7);
    expect(recycle(first)).toBe(true);
    expect(poolStats()).toEqual({ buffers: 1, bytes: first.byteLength });
    const again = allocate(MIN_LENGTH * 2);
    expect(again).toBe(first);
    expect(again.every((v) => v === 0)).toBe(true);
    expect(poolStats()).toEqual({ buffers: 0, bytes: 0 });
  });

  it("only hands a buffer back for the exact length asked", () => {
    const a = allocate(MIN_LENGTH * 3);
    recycle(a);
    expect(allocate(MIN_LENGTH * 3 + 1)).not.toBe(a);
    expect(allocate(MIN_LENGTH * 3)).toBe(a);
  });

  it("does not pool small buffers, foreign buffers, or the same buffer twice", () => {
    const small = allocate(MIN_LENGTH - 1);
    expect(recycle(small)).toBe(false);
    expect(recycle(new Float64Array(MIN_LENGTH * 2))).toBe(false);
    const big = allocate(MIN_LENGTH);
    expect(recycle(big)).toBe(true);
    expect(recycle(big)).toBe(false);
    expect(poolStats().buffers).toBe(1);
  });

  it("counts the tensors that wrap a pooled buffer (detach and reshape share data)", () => {
    const data = allocate(MIN_LENGTH);
    expect(wrapCount(data)).toBe(0);
    const t = new Tensor(data, [MIN_LENGTH]);
    expect(wrapCount(data)).toBe(1);
    void new Tensor(t.data, [2, MIN_LENGTH / 2]);
    expect(wrapCount(data)).toBe(2);
    expect(wrapCount(new Float64Array(MIN_LENGTH))).toBeUndefined();
  });

  it("keeps at most LIMIT_BYTES; beyond it released buffers go to the garbage collector", () => {
    const length = LIMIT_BYTES / 8 / 4; // a quarter of the limit each
    const buffers = [0, 1, 2, 3, 4].map(() => allocate(length));
    const kept = buffers.map((b) => recycle(b));
    expect(kept).toEqual([true, true, true, true, false]);
    expect(poolStats().bytes).toBe(LIMIT_BYTES);
  });
});
