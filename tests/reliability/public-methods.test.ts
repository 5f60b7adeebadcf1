// The methods of the objects the API hands out (a tensor, a generator, layers, optimizers, a
// perceptron, a standardizer), found by walking their prototypes, called with bad arguments: only
// named errors come out. Then the sizes and lengths that used to abort the process or overflow the
// stack outside the tensor layer (a permutation, a confusion matrix, chart grids, long arrays).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as dl from "../../lib/index";
import { largest, smallest } from "../../lib/plot/arrays";
import { expectNamed, isNamedError } from "./named-errors";
import { BAD_VALUES } from "./bad-values";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the point is to pass wrong types
type Any = any;
/** The shared bad values, and a size that used to abort the process. */
const BAD: [string, unknown][] = [...BAD_VALUES, ["1e9", 1e9]];

/** Fresh instances (one per call, so a call that succeeds cannot spoil the next). */
const MAKE: Record<string, () => Any> = {
  tensor: () =>
    dl.tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { requiresGrad: true },
    ),
  rng: () => dl.rng(1),
  Linear: () => new dl.nn.Linear(2, 2, { seed: 1 }),
  Sequential: () => new dl.nn.Sequential([new dl.nn.Linear(2, 2, { seed: 1 }), new dl.nn.ReLU()]),
  Conv2d: () => new dl.nn.Conv2d(1, 1, { kernelSize: 1, seed: 1 }),
  MaxPool2d: () => new dl.nn.MaxPool2d({ size: 2 }),
  SGD: () => new dl.optim.SGD([dl.zeros([2, 2])], { lr: 0.1, momentum: 0.9 }),
  Adam: () => new dl.optim.Adam([dl.zeros([2, 2])], { lr: 0.1 }),
  Perceptron: () => new dl.nn.Perceptron(2),
  Standardizer: () =>
    dl.data.standardize(
      dl.tensor([
        [1, 2],
        [3, 5],
      ]),
    ),
};

/** `update` is the optimizers' protected hook (TypeScript refuses a call from outside). */
const NOT_PUBLIC = new Set(["constructor", "update"]);

function methodNames(obj: object): string[] {
  const names = new Set<string>();
  for (
    let p = Object.getPrototypeOf(obj);
    p && p !== Object.prototype;
    p = Object.getPrototypeOf(p)
  ) {
    for (const k of Object.getOwnPropertyNames(p)) {
      const d = Object.getOwnPropertyDescriptor(p, k);
      if (!NOT_PUBLIC.has(k) && typeof d?.value === "function") names.add(k);
    }
  }
  return [...names];
}

describe("methods of the API's objects answer bad arguments with named errors", () => {
  beforeAll(() => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
  });
  afterAll(() => vi.restoreAllMocks());

  it("the walk finds the methods (tensor ops, rng, module state, perceptron rule)", () => {
    const found = Object.entries(MAKE).flatMap(([what, make]) =>
      methodNames(make()).map((m) => `${what}.${m}`),
    );
    for (const m of [
      "tensor.reshape",
      "rng.permutation",
      "rng.shuffle",
      "Linear.loadState",
      "Linear.addParameter",
      "Perceptron.fit",
      "Perceptron.output",
      "SGD.step",
    ]) {
      expect(found).toContain(m);
    }
  });

  it.each(Object.keys(MAKE))("%s", (what) => {
    const failures: string[] = [];
    for (const method of methodNames(MAKE[what]())) {
      for (let position = 0; position < 2; position++) {
        for (const [bad, value] of BAD) {
          const args: unknown[] = Array.from({ length: position }, () => dl.ones([2, 2]));
          args.push(value);
          try {
            MAKE[what]()[method](...args);
          } catch (e) {
            if (!isNamedError(e)) {
              const message = String((e as Error)?.message).slice(0, 100);
              failures.push(
                `${method} (argument ${position + 1} ${bad}): ${String((e as Error)?.name)}: ${message}`,
              );
            } else if ((e as Error).message.length > 300) {
              failures.push(`${method}: a message of ${(e as Error).message.length} characters`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("a perceptron's example must have its number of inputs (a short one used to give 0 silently)", () => {
    const p = new dl.nn.Perceptron(2, { weights: [1, 1], bias: -1 });
    expect(p.output([1, 1])).toBe(1);
    expectNamed(() => p.output([1]), "ArgumentError", [/^Perceptron:/, /2 numbers/]);
    expectNamed(() => p.update([1, 1], 2), "ArgumentError", [/y must be 0 or 1/]);
    expectNamed(() => p.update([1, 1], 1, -1), "ArgumentError", [/lr must be a finite number > 0/]);
  });
});

describe("sizes outside the tensor layer are checked before allocating", () => {
  it("rng.permutation: a size, within the limit", () => {
    expect(dl.rng(1).permutation(5).sort()).toEqual([0, 1, 2, 3, 4]);
    expectNamed(() => dl.rng(1).permutation(2 ** 31), "ArgumentError", [
      /^rng\.permutation:/,
      /limit of 134217728/,
    ]);
    expectNamed(() => dl.rng(1).permutation(-1), "ArgumentError", [/integer ≥ 0/]);
  });

  it("Perceptron(1e9) and confusionMatrix with 1e9 classes", () => {
    expectNamed(() => new dl.nn.Perceptron(1e9), "ArgumentError", [/^Perceptron:/, /limit/]);
    const y = dl.tensor([[0], [1]]);
    expectNamed(() => dl.train.confusionMatrix(y, y, { classes: 1e9 }), "ArgumentError", [
      /^confusionMatrix:/,
      /limit/,
    ]);
    expectNamed(() => dl.train.confusionMatrix(y, y, { classes: 1.5 }), "ArgumentError", [
      /classes must be an integer ≥ 1/,
    ]);
  });

  it("chart grids and diagrams have bounded sizes", () => {
    expectNamed(() => dl.plot.network([2, 1e9]), "ArgumentError", [/^network: sizes\[1\]/]);
    const f = (a: number, b: number) => a * a + b * b;
    expectNamed(() => dl.plot.lossSurface(f, { resolution: 1e5 }), "ArgumentError", [
      /^lossSurface: resolution must be an integer from 2 to 1000/,
    ]);
    expect(dl.plot.network([2, 2, 1]).description).toBeTypeOf("string");
  });

  it("long arrays: no Math.min(...values) stack overflow", () => {
    const long = Array.from({ length: 1e6 }, (_, i) => i - 5);
    expect(smallest(long)).toBe(-5);
    expect(largest(long)).toBe(1e6 - 6);
    expect(smallest([3, NaN, 1])).toBeNaN(); // as Math.min
    const n = 300_000;
    const labels = dl.zeros([n, 1]);
    expect(dl.train.confusionMatrix(labels, labels)).toEqual([
      [n, 0],
      [0, 0],
    ]);
    const spec = dl.plot.heatmap(dl.zeros([1, 200_000]));
    expect(spec.description).toMatch(/from 0 to 0/);
  });
});
