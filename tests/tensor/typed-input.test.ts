// dl.tensor accepts typed arrays wherever it accepts arrays, with the shape inferred the same way.
import { describe, expect, it } from "vitest";
import * as dl from "../../lib/index";
import { expectNamed } from "../reliability/named-errors";

describe("tensor of typed arrays", () => {
  const kinds = [
    Float64Array,
    Float32Array,
    Int8Array,
    Uint8Array,
    Uint8ClampedArray,
    Int16Array,
    Uint16Array,
    Int32Array,
    Uint32Array,
  ] as const;

  it.each(kinds.map((k) => [k.name, k] as const))(
    "%s gives shape [n] and its values",
    (_n, Kind) => {
      const t = dl.tensor(Kind.from([1, 2, 3, 4]));
      expect(t.shape).toEqual([4]);
      expect(Array.from(t.data)).toEqual([1, 2, 3, 4]);
    },
  );

  it("Float32 values are widened exactly (0.1f is not 0.1)", () => {
    expect(dl.tensor(Float32Array.of(0.1)).data[0]).toBe(Math.fround(0.1));
  });

  it("arrays of typed arrays give [rows, n], like nested arrays", () => {
    const t = dl.tensor([Float64Array.of(1, 2, 3), Float64Array.of(4, 5, 6)]);
    expect(t.shape).toEqual([2, 3]);
    expect(t.toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const mixed = dl.tensor([[Int32Array.of(1, 2)], [[3, 4]]]);
    expect(mixed.shape).toEqual([2, 1, 2]);
    expect(Array.from(mixed.data)).toEqual([1, 2, 3, 4]);
  });

  it("the same data as nested arrays give the same tensor (and a tensor's own data round-trips)", () => {
    const x = dl.randn([3, 4], dl.rng(2));
    const rows = [0, 1, 2].map((i) => x.data.slice(i * 4, (i + 1) * 4));
    expect(dl.tensor(rows).data).toEqual(x.data);
    expect(dl.tensor(x.data).shape).toEqual([12]);
    expect(dl.tensor(new Float64Array(0)).shape).toEqual([0]);
  });

  it("the input is copied: changing the typed array later does not change the tensor", () => {
    const a = Float64Array.of(1, 2);
    const t = dl.tensor(a);
    a[0] = 9;
    expect(t.data[0]).toBe(1);
  });

  it("ragged rows and BigInt arrays are named errors with the position", () => {
    expectNamed(() => dl.tensor([Float64Array.of(1, 2), Float64Array.of(3)]), "ArgumentError", [
      /^tensor: ragged nested array at \[1\]: expected length 2, got length 1/,
    ]);
    expectNamed(() => dl.tensor(BigInt64Array.of(1n, 2n) as never), "ArgumentError", [
      /^tensor: expected a number at \[0\], got 1n/,
    ]);
  });
});
