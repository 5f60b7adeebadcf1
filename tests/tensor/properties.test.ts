import { describe, expect, it } from "vitest";
import { describeKernels } from "../each-kernels";
import fc from "fast-check";
import * as dl from "../../lib/index";
import { broadcastIndex, expandData, sumToShape } from "../../lib/tensor/broadcast";

/** A shape of rank 0–4 with sizes 1–4, and a shape that broadcasts with it. */
const shapeArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 4 });
const broadcastPair = shapeArb.chain((shape) =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: shape.length, maxLength: shape.length }),
      fc.integer({ min: 0, max: shape.length }),
    )
    .map(([ones, drop]) => [shape, shape.map((n, i) => (ones[i] ? 1 : n)).slice(drop)] as const),
);
const tensorArb = shapeArb.chain((shape) =>
  fc
    .array(fc.double({ min: -10, max: 10, noNaN: true }), {
      minLength: shape.reduce((a, b) => a * b, 1),
      maxLength: shape.reduce((a, b) => a * b, 1),
    })
    .map((values) => new dl.Tensor(Float64Array.from(values), shape)),
);

// Every suite below runs under both kernel implementations (tests/each-kernels.ts).
describeKernels("properties", () => {
  describe("properties", () => {
    it("broadcast shape computation commutes and matches add's output shape", () => {
      fc.assert(
        fc.property(broadcastPair, ([a, b]) => {
          const ab = dl.broadcastShapes(a, b);
          expect(dl.broadcastShapes(b, a)).toEqual(ab);
          expect(dl.add(dl.zeros(b), dl.zeros(a)).shape).toEqual(ab);
        }),
      );
    });

    it("expandData and sumToShape (with their fast paths) agree with the plain index map", () => {
      fc.assert(
        fc.property(broadcastPair, ([big, small]) => {
          const from = dl.arange(small.reduce((a, b) => a * b, 1)).data;
          const index = broadcastIndex(small, big);
          expect([...expandData(from, small, big)]).toEqual([...index].map((j) => from[j]));
          const g = dl.arange(index.length).data;
          const expected = new Float64Array(from.length);
          index.forEach((j, i) => (expected[j] += g[i]));
          expect([...sumToShape(g, big, small)]).toEqual([...expected]);
        }),
      );
    });

    it("sum over all axes equals the sum of per-axis sums (in any order)", () => {
      fc.assert(
        fc.property(tensorArb, (t) => {
          let reduced = t;
          for (let axis = t.rank - 1; axis >= 0; axis--) reduced = dl.sum(reduced, axis);
          expect(reduced.shape).toEqual([]);
          expect(dl.allClose(reduced, dl.sum(t).item(), { atol: 1e-9 })).toBe(true);
        }),
      );
    });

    it("a shuffle is a permutation", () => {
      fc.assert(
        fc.property(fc.integer(), fc.integer({ min: 0, max: 50 }), (seed, n) => {
          const p = dl.rng(seed).permutation(n);
          expect([...p].sort((x, y) => x - y)).toEqual([...Array(n).keys()]);
        }),
      );
    });

    it("the same Rng seed gives the same stream", () => {
      fc.assert(
        fc.property(fc.integer(), (seed) => {
          const a = dl.randn([8], dl.rng(seed));
          const b = dl.randn([8], dl.rng(seed));
          expect([...a.data]).toEqual([...b.data]);
        }),
      );
    });

    it("softmax slices sum to 1 and lie in [0, 1]", () => {
      fc.assert(
        fc.property(tensorArb, fc.nat(), (t, k) => {
          if (t.rank === 0) return;
          const axis = k % t.rank;
          const s = dl.softmax(dl.mul(t, 50), axis);
          expect(dl.allClose(dl.sum(s, axis), dl.ones(t.shape.filter((_, i) => i !== axis)))).toBe(
            true,
          );
          expect(s.data.every((v) => v >= 0 && v <= 1)).toBe(true);
        }),
      );
    });

    it("transpose twice with the default axes is the identity", () => {
      fc.assert(
        fc.property(tensorArb, (t) => {
          expect(dl.transpose(dl.transpose(t)).toArray()).toEqual(t.toArray());
        }),
      );
    });
  });
});
