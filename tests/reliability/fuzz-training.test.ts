// Property / fuzz tests of layers, losses, optimizers, fit and the data helpers (fast-check): a
// hyperparameter or input is accepted exactly when it is valid, and refused with a named error.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as dl from "../../lib/index";
import { outcome } from "./named-errors";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fuzzing passes values of any type
type Any = any;
const RUNS = { numRuns: 100, seed: 21 };

/** Numbers a student might type for a hyperparameter, valid or not. */
const hyper = fc.oneof(
  fc.integer({ min: -3, max: 6 }),
  fc.double({ min: -2, max: 4 }),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, 1, 0.5),
);
const anyHyper = fc.oneof(hyper, fc.constantFrom<unknown>("2", null, undefined, [2], {}));
const isPositiveInt = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 1;

const net = (inputs = 2) =>
  new dl.nn.Sequential([
    new dl.nn.Linear(inputs, 3, { seed: 1 }),
    new dl.nn.Tanh(),
    new dl.nn.Linear(3, 1, { seed: 2 }),
    new dl.nn.Sigmoid(),
  ]);

describe("layers and losses (fuzzed)", () => {
  it("Linear(in, out) accepts exactly positive integer sizes and inputs [N, in]", () => {
    fc.assert(
      fc.property(anyHyper, anyHyper, fc.integer({ min: 1, max: 4 }), (i, o, width) => {
        const made = outcome(/^Linear:/, () => new dl.nn.Linear(i as Any, o as Any, { seed: 1 }));
        expect(made).toBe(isPositiveInt(i) && isPositiveInt(o) ? "ok" : "ArgumentError");
        if (made !== "ok") return;
        const layer = new dl.nn.Linear(i as number, o as number, { seed: 1 });
        const result = outcome(/^Linear/, () => layer.forward(dl.ones([2, width])));
        expect(result).toBe(width === i ? "ok" : "ShapeError");
      }),
      RUNS,
    );
  });

  it("conv2d and maxPool2d on random sizes: ok iff the window fits, with integer stride ≥ 1", () => {
    const size = fc.integer({ min: 1, max: 6 });
    const step = fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constant(1.5));
    fc.assert(
      fc.property(
        size,
        size,
        size,
        step,
        fc.integer({ min: 0, max: 2 }),
        (h, w, k, stride, pad) => {
          const x = dl.ones([1, 1, h, w]);
          const strideOk = Number.isInteger(stride) && stride >= 1;
          const fits = k <= h + 2 * pad && k <= w + 2 * pad;
          const conv = outcome(/^conv2d:/, () =>
            dl.nn.conv2d(x, dl.ones([1, 1, k, k]), null, { stride, padding: pad }),
          );
          expect(conv).toBe(!strideOk ? "ArgumentError" : fits ? "ok" : "ShapeError");
          const pool = outcome(/pool2d:/i, () => dl.nn.maxPool2d(x, { size: k, stride }));
          const poolFits = k <= h && k <= w;
          expect(pool).toBe(!strideOk ? "ArgumentError" : poolFits ? "ok" : "ShapeError");
        },
      ),
      RUNS,
    );
  });

  it("Dropout accepts exactly p in [0, 1)", () => {
    fc.assert(
      fc.property(anyHyper, (p) => {
        const valid = typeof p === "number" && p >= 0 && p < 1;
        const result = outcome(/^Dropout:/, () => new dl.nn.Dropout(p as Any, { seed: 1 }));
        expect(result).toBe(valid ? "ok" : "ArgumentError");
      }),
      RUNS,
    );
  });

  it("softmaxCrossEntropy accepts exactly integer labels in [0, C); the loss is finite and ≥ 0", () => {
    const label = fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constantFrom(0.5, NaN, Infinity));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(label, { minLength: 1, maxLength: 4 }),
        (c, labels) => {
          const logits = dl.randn([labels.length, c], dl.rng(c));
          const valid = labels.every((v) => Number.isInteger(v) && v >= 0 && v < c);
          const result = outcome(/^softmaxCrossEntropy:/, () =>
            dl.nn.softmaxCrossEntropy(logits, labels),
          );
          expect(result).toBe(valid ? "ok" : "ArgumentError");
          if (valid)
            expect(dl.nn.softmaxCrossEntropy(logits, labels).item()).toBeGreaterThanOrEqual(0);
        },
      ),
      RUNS,
    );
  });
});

describe("optimizers and fit (fuzzed)", () => {
  it("SGD and Adam accept exactly a finite lr > 0 (Adam defaults to 0.001 when lr is undefined)", () => {
    fc.assert(
      fc.property(anyHyper, (lr) => {
        const valid = typeof lr === "number" && Number.isFinite(lr) && lr > 0;
        const params = net().parameters();
        expect(outcome(/^SGD:/, () => new dl.optim.SGD(params, { lr: lr as Any }))).toBe(
          valid ? "ok" : "ArgumentError",
        );
        expect(outcome(/^Adam:/, () => new dl.optim.Adam(params, { lr: lr as Any }))).toBe(
          valid || lr === undefined ? "ok" : "ArgumentError",
        );
      }),
      RUNS,
    );
  });

  it("fit accepts exactly integer epochs ≥ 1 and batchSize ≥ 1, and returns a History of that length", () => {
    const small = fc.oneof(
      fc.integer({ min: -1, max: 3 }),
      fc.constantFrom<unknown>(1.5, NaN, "2"),
    );
    fc.assert(
      fc.property(small, small, (epochs, batchSize) => {
        const model = net();
        const run = () =>
          dl.train.fit(model, dl.data.xorGate(), {
            epochs: epochs as Any,
            batchSize: batchSize as Any,
            loss: dl.nn.binaryCrossEntropy,
            optimizer: new dl.optim.SGD(model.parameters(), { lr: 0.1 }),
            display: "none",
          });
        const valid = isPositiveInt(epochs) && isPositiveInt(batchSize);
        expect(outcome(/^fit:/, run)).toBe(valid ? "ok" : "ArgumentError");
        if (valid) expect(run().loss).toHaveLength(epochs as number);
      }),
      { ...RUNS, numRuns: 50 },
    );
  });

  it("fit refuses data whose width does not match the model, with the layer and the shapes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        (width, inputs) => {
          const model = net(inputs);
          const data = { x: dl.ones([4, width]), y: dl.zeros([4, 1]) };
          const run = () =>
            dl.train.fit(model, data, {
              epochs: 1,
              loss: dl.nn.mse,
              optimizer: new dl.optim.SGD(model.parameters(), { lr: 0.1 }),
              display: "none",
            });
          expect(outcome(new RegExp(`Linear\\(${inputs} → 3\\).*\\[\\d, ${width}\\]`), run)).toBe(
            width === inputs ? "ok" : "ShapeError",
          );
        },
      ),
      { ...RUNS, numRuns: 30 },
    );
  });
});

describe("data helpers (fuzzed)", () => {
  it("oneHot accepts exactly integer labels in [0, classes) with integer classes ≥ 1", () => {
    const label = fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constantFrom(1.5, NaN));
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 5 }), anyHyper, (labels, classes) => {
        const valid =
          isPositiveInt(classes) &&
          labels.every((v) => Number.isInteger(v) && v >= 0 && v < (classes as number));
        const result = outcome(/^oneHot:/, () => dl.data.oneHot(labels, classes as Any));
        expect(result).toBe(valid ? "ok" : "ArgumentError");
      }),
      RUNS,
    );
  });

  it("batches covers every row exactly once for any integer batchSize ≥ 1, else ArgumentError", () => {
    fc.assert(
      fc.property(anyHyper, fc.integer({ min: 0, max: 1000 }), (batchSize, seed) => {
        const data = dl.data.blobs({ n: 7, rng: dl.rng(seed) });
        const run = () => dl.data.batches(data, { batchSize: batchSize as Any, rng: dl.rng(seed) });
        expect(outcome(/^batches:/, run)).toBe(isPositiveInt(batchSize) ? "ok" : "ArgumentError");
        if (!isPositiveInt(batchSize)) return;
        const rows = run().flatMap((b) => Array.from(b.y.data));
        expect(rows.sort()).toEqual(Array.from(data.y.data).sort());
      }),
      RUNS,
    );
  });

  it("toy generators accept exactly integer n ≥ 1 and noise ≥ 0", () => {
    const gens = [dl.data.blobs, dl.data.moons, dl.data.circles, dl.data.spirals];
    fc.assert(
      fc.property(anyHyper, fc.oneof(hyper, fc.constant(undefined)), (n, noise) => {
        const valid =
          isPositiveInt(n) &&
          (noise === undefined || (Number.isFinite(noise) && (noise as number) >= 0));
        for (const gen of gens) {
          const result = outcome(new RegExp(`^${gen.name}:`), () =>
            gen({ n: n as Any, noise: noise as Any, rng: dl.rng(1) }),
          );
          expect(result, gen.name).toBe(valid ? "ok" : "ArgumentError");
        }
      }),
      RUNS,
    );
  });
});
