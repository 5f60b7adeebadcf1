// Property tests (fast-check) for issue 21's classes: sizes over the limit always get the named
// error before any allocation, and the losses' domains and invariances hold on random inputs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as dl from "../../lib/index";
import { outcome } from "./named-errors";

const RUNS = { numRuns: 150, seed: 21 };

describe("sizes and loss domains (fuzzed)", () => {
  it("creation and layers with shapes over the limit: ArgumentError naming the limit, never a RangeError", () => {
    const big = fc.integer({ min: 2 ** 14 + 1, max: 1e9 });
    fc.assert(
      fc.property(fc.array(big, { minLength: 2, maxLength: 3 }), (s) => {
        for (const [name, make] of [
          ["zeros", () => dl.zeros(s)],
          ["ones", () => dl.ones(s)],
          ["randn", () => dl.randn(s, dl.rng(1))],
          ["Linear", () => new dl.nn.Linear(s[0], s[1], { seed: 1 })],
          ["blobs", () => dl.data.blobs({ n: s[0] * s[1], rng: dl.rng(1) })],
        ] as const) {
          expect(outcome(new RegExp(`^${name}: .*over the limit of 134217728`), make)).toBe(
            "ArgumentError",
          );
        }
      }),
      { ...RUNS, numRuns: 40 },
    );
  });

  it("binaryCrossEntropy on random values: a number iff everything is in [0, 1], else a named error", () => {
    const value = fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ noDefaultInfinity: false }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 6 }), (pairs) => {
        const p = dl.tensor(pairs.map(([a]) => a));
        const y = dl.tensor(pairs.map(([, b]) => b));
        const inRange = (v: number) => v >= 0 && v <= 1;
        const result = outcome(/^binaryCrossEntropy: /, () => dl.nn.binaryCrossEntropy(p, y));
        const targetsOk = pairs.every(([, b]) => inRange(b));
        const predsOk = pairs.every(([a]) => inRange(a) || Number.isNaN(a));
        if (targetsOk && predsOk) expect(result).toBe("ok");
        else expect(["ArgumentError", "NonFiniteError"]).toContain(result);
      }),
      RUNS,
    );
  });

  it("softmaxCrossEntropy is invariant to adding any constant to a row (up to the logits' own spacing)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 5 }),
        fc.double({ min: -1e15, max: 1e15, noNaN: true }),
        (row, shift) => {
          const label = row.length - 1;
          const plain = dl.nn.softmaxCrossEntropy(dl.tensor([row]), [label]).item();
          const moved = dl.nn.softmaxCrossEntropy(dl.tensor([row.map((v) => v + shift)]), [label]);
          // the shifted logits are rounded to multiples of ulp(shift): the loss may move that much
          const spacing = 16 * Math.max(Number.EPSILON, Math.abs(shift) * Number.EPSILON);
          expect(Math.abs(moved.item() - plain)).toBeLessThanOrEqual(spacing * row.length + 1e-12);
        },
      ),
      RUNS,
    );
  });
});
