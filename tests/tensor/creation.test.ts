import { describe, expect, it } from "vitest";
import * as dl from "../../lib/index";

describe("tensor", () => {
  it("tensor(nested) reads shape and row-major data", () => {
    const x = dl.tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(x.shape).toEqual([2, 3]);
    expect([...x.data]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(x.get(1, 0)).toBe(4);
    expect(dl.tensor(7).shape).toEqual([]);
    expect(dl.tensor([]).shape).toEqual([0]);
  });

  it("tensor(ragged) throws ArgumentError naming the position", () => {
    expect(() => dl.tensor([[1, 2], [3]])).toThrow(dl.ArgumentError);
    expect(() => dl.tensor([[1, 2], [3]])).toThrow(
      /tensor: ragged nested array at \[1\]: expected length 2, got length 1/,
    );
    const withString = [
      [1, 2],
      [3, "a"],
    ] as unknown as dl.NestedArray;
    expect(() => dl.tensor(withString)).toThrow(/tensor: expected a number at \[1\]\[1\], got "a"/);
    expect(() => dl.tensor([[1, 2], 3])).toThrow(/at \[1\]: expected length 2, got 3/);
  });

  it("tensor accepts NaN and Infinity (documented)", () => {
    expect(dl.tensor([NaN, Infinity]).data[0]).toBeNaN();
  });
});

describe("creation", () => {
  it.each([
    ["zeros([2, 2])", () => dl.zeros([2, 2]), [2, 2], [0, 0, 0, 0]],
    ["ones([3])", () => dl.ones([3]), [3], [1, 1, 1]],
    ["full([2], 7)", () => dl.full([2], 7), [2], [7, 7]],
    ["arange(4)", () => dl.arange(4), [4], [0, 1, 2, 3]],
    ["arange(1, 2, 0.25)", () => dl.arange(1, 2, 0.25), [4], [1, 1.25, 1.5, 1.75]],
    ["arange(5, 1, -2)", () => dl.arange(5, 1, -2), [2], [5, 3]],
    ["linspace(0, 1, 5)", () => dl.linspace(0, 1, 5), [5], [0, 0.25, 0.5, 0.75, 1]],
    ["eye(2)", () => dl.eye(2), [2, 2], [1, 0, 0, 1]],
  ])("%s", (_, make, shape, data) => {
    const t = make();
    expect(t.shape).toEqual(shape);
    expect([...t.data]).toEqual(data);
  });

  it("randn and rand are seeded and have the asked moments", () => {
    const a = dl.randn([1000], dl.rng(1), { mean: 2, std: 0.5 });
    const b = dl.randn([1000], dl.rng(1), { mean: 2, std: 0.5 });
    expect([...a.data]).toEqual([...b.data]);
    expect(dl.mean(a).item()).toBeCloseTo(2, 1);
    const u = dl.rand([1000], dl.rng(2), { low: -1, high: 3 });
    expect(dl.min(u).item()).toBeGreaterThanOrEqual(-1);
    expect(dl.max(u).item()).toBeLessThan(3);
  });

  it("arange(0, 1, 0) throws ArgumentError", () => {
    expect(() => dl.arange(0, 1, 0)).toThrow(
      /arange: step must be a non-zero finite number, got 0/,
    );
  });
});
