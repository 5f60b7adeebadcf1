// Property / fuzz tests over the public API (fast-check): random valid arguments never throw, random
// invalid ones throw only the library's named errors, with a message naming the function.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as dl from "../../lib/index";
import { outcome } from "./named-errors";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fuzzing passes values of any type
type Any = any;
const RUNS = { numRuns: 150, seed: 12 };

const dim = fc.integer({ min: 1, max: 4 });
const shape = fc.array(dim, { minLength: 0, maxLength: 3 });
const junk = fc.oneof(
  fc.anything(),
  fc.string(),
  fc.constant(undefined),
  fc.constant(null),
  fc.array(fc.double()),
  fc.constant(NaN),
);
const filled = (s: number[], rng: dl.Rng) => dl.randn(s, rng);

describe("tensor creation (fuzzed)", () => {
  it("tensor(nested numbers of a random shape) never throws and keeps shape and values", () => {
    const nested = shape.chain((s) => {
      const build = (axis: number): fc.Arbitrary<unknown> =>
        axis === s.length
          ? fc.double({ noDefaultInfinity: false })
          : fc.array(build(axis + 1), { minLength: s[axis], maxLength: s[axis] });
      return fc.tuple(fc.constant(s), build(0));
    });
    fc.assert(
      fc.property(nested, ([s, values]) => {
        const t = dl.tensor(values as dl.NestedArray);
        expect(t.shape).toEqual(s);
        expect(Array.from(t.data)).toEqual([values].flat(Infinity));
      }),
      RUNS,
    );
  });

  it("tensor(anything) returns a tensor or throws ArgumentError naming tensor", () => {
    fc.assert(
      fc.property(junk, (value) => {
        expect(["ok", "ArgumentError"]).toContain(
          outcome(/^tensor:/, () => dl.tensor(value as Any)),
        );
      }),
      RUNS,
    );
  });

  it("zeros/ones/full/randn of any shape-like value: a tensor, or a named error naming the function", () => {
    const shapes = fc.oneof(
      shape,
      fc.array(fc.oneof(fc.integer({ min: -2, max: 3 }), fc.double())),
      junk,
    );
    fc.assert(
      fc.property(shapes, (s) => {
        const valid = Array.isArray(s) && s.every((n) => Number.isInteger(n) && n >= 0);
        for (const [name, make] of [
          ["zeros", () => dl.zeros(s as Any)],
          ["ones", () => dl.ones(s as Any)],
          ["full", () => dl.full(s as Any, 2)],
          ["randn", () => dl.randn(s as Any, dl.rng(1))],
        ] as const) {
          const result = outcome(new RegExp(`^${name}:`), make);
          expect(result === "ok", `${name}(${String(s)})`).toBe(valid);
        }
      }),
      RUNS,
    );
  });
});

describe("tensor ops (fuzzed)", () => {
  const binary = [dl.add, dl.sub, dl.mul, dl.div, dl.maximum, dl.minimum, dl.eq, dl.lt] as const;
  it("binary ops on random shapes broadcast or throw ShapeError naming the op and both shapes", () => {
    fc.assert(
      fc.property(shape, shape, fc.integer({ min: 0, max: 1000 }), (a, b, seed) => {
        const r = dl.rng(seed);
        const x = filled(a, r);
        const y = filled(b, r);
        let fits = true;
        try {
          dl.broadcastShapes(a, b);
        } catch {
          fits = false;
        }
        for (const op of binary) {
          const result = outcome(new RegExp(`^${op.name}:`), () => op(x, y));
          expect(result).toBe(fits ? "ok" : "ShapeError");
        }
      }),
      RUNS,
    );
  });

  it("every unary op, activation and reduction given junk throws ArgumentError naming itself", () => {
    const unary = [dl.neg, dl.exp, dl.log, dl.sqrt, dl.abs, dl.square, dl.sigmoid, dl.tanh, dl.relu]
      .concat([dl.leakyRelu, dl.elu, dl.softplus, dl.sum, dl.mean, dl.max, dl.min, dl.argmax])
      .concat([dl.softmax, dl.logSoftmax, dl.logSumExp, dl.transpose, dl.flatten]);
    fc.assert(
      fc.property(junk, (value) => {
        for (const op of unary) {
          const name = op.name;
          const result = outcome(new RegExp(`^${name}:`), () => (op as Any)(value));
          expect(result, name).toBe("ArgumentError");
        }
      }),
      { ...RUNS, numRuns: 60 },
    );
  });

  it("binary ops with junk on either side throw ArgumentError (numbers are fine)", () => {
    fc.assert(
      fc.property(junk, fc.boolean(), (value, left) => {
        const t = dl.ones([2, 2]);
        for (const op of binary) {
          const result = outcome(new RegExp(`^${op.name}:`), () =>
            left ? op(value as Any, t) : op(t, value as Any),
          );
          expect(result).toBe(typeof value === "number" ? "ok" : "ArgumentError");
        }
      }),
      RUNS,
    );
  });

  it("matmul [m, k] @ [k2, n] works iff k = k2, else ShapeError printing both shapes", () => {
    fc.assert(
      fc.property(dim, dim, dim, dim, (m, k, k2, n) => {
        const a = dl.ones([m, k]);
        const b = dl.ones([k2, n]);
        if (k === k2) {
          const c = dl.matmul(a, b);
          expect(c.shape).toEqual([m, n]);
          expect(c.data.every((v) => v === k)).toBe(true);
        } else {
          expect(() => dl.matmul(a, b)).toThrow(
            new RegExp(`^matmul: .*\\[${m}, ${k}\\] @ \\[${k2}, ${n}\\]`),
          );
        }
      }),
      RUNS,
    );
  });

  it("reshape keeps the values when sizes agree, else throws ShapeError naming reshape", () => {
    fc.assert(
      fc.property(shape, shape, (a, b) => {
        const x = dl.arange(a.reduce((p, q) => p * q, 1)).reshape(a);
        const same = b.reduce((p, q) => p * q, 1) === x.size;
        const result = outcome(/^reshape:/, () => dl.reshape(x, b));
        expect(result).toBe(same ? "ok" : "ShapeError");
      }),
      RUNS,
    );
  });

  it("sum/mean/softmax along any integer axis: ok inside the rank, else ArgumentError", () => {
    fc.assert(
      fc.property(shape, fc.integer({ min: -5, max: 5 }), (s, axis) => {
        const x = dl.ones(s);
        const inside = axis >= -s.length && axis < s.length;
        for (const [name, op] of [
          ["sum", () => dl.sum(x, axis)],
          ["mean", () => dl.mean(x, axis)],
          ["softmax", () => dl.softmax(x, axis)],
        ] as const) {
          expect(outcome(new RegExp(`^${name}:`), op), `${name} axis ${axis} of [${s}]`).toBe(
            inside ? "ok" : "ArgumentError",
          );
        }
      }),
      RUNS,
    );
  });
});
