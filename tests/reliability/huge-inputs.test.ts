// Inputs that used to kill the kernel or flood it: sizes that cannot be allocated (checked against
// one limit before anything is allocated), cyclic and absurdly deep arrays, and values whose
// description in a message would be megabytes long or would make the message builder throw.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as dl from "../../lib/index";
import { MAX_ELEMENTS, MAX_RANK, checkSize } from "../../lib/limits";
import { expectNamed, isNamedError, thrownBy } from "./named-errors";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the point is to pass wrong types
type Any = any;
const bad = (value: unknown): Any => value;
const LIMIT = /limit of 134217728 \(2\^27, 1 GiB of float64\)/;
const rng = () => dl.rng(1);

describe("sizes over the limit: ArgumentError naming the function, the shape and the limit", () => {
  const cases: [string, () => unknown, RegExp[]][] = [
    ["zeros([1e5, 1e5])", () => dl.zeros([1e5, 1e5]), [/^zeros:/, /\[100000, 100000\]/]],
    ["ones([2^27 + 1])", () => dl.ones([MAX_ELEMENTS + 1]), [/^ones:/, /\[134217729\]/]],
    ["full([1e5, 1e5], 1)", () => dl.full([1e5, 1e5], 1), [/^full:/]],
    ["randn([1e5, 1e5])", () => dl.randn([1e5, 1e5], rng()), [/^randn:/]],
    ["rand([1e5, 1e5])", () => dl.rand([1e5, 1e5], rng()), [/^rand:/]],
    ["eye(1e5)", () => dl.eye(1e5), [/^eye:/, /\[100000, 100000\]/]],
    ["arange(0, 1e10)", () => dl.arange(0, 1e10), [/^arange:/, /\[10000000000\]/]],
    ["arange(0, 1, 1e-10)", () => dl.arange(0, 1, 1e-10), [/^arange:/]],
    ["linspace(0, 1, 1e10)", () => dl.linspace(0, 1, 1e10), [/^linspace:/]],
    [
      "reshape of an empty tensor to [1e200, 1e200]",
      () => dl.reshape(dl.zeros([0]), [1e200, 1e200]),
      [/^reshape:/],
    ],
    [
      "broadcasting [1e5, 1] + [1, 1e5]",
      () => dl.add(dl.zeros([1e5, 1]), dl.zeros([1, 1e5])),
      [/^add:/, /\[100000, 100000\]/],
    ],
    [
      "matmul [1e5, 1] @ [1, 1e5]",
      () => dl.matmul(dl.zeros([1e5, 1]), dl.zeros([1, 1e5])),
      [/^matmul:/, /\[100000, 100000\]/],
    ],
    [
      "take of 1e5 rows of width 1e4",
      () => dl.take(dl.zeros([1, 1e4]), new Array(1e5).fill(0)),
      [/^take:/, /\[100000, 10000\]/],
    ],
    ["oneHot with 1e9 classes", () => dl.data.oneHot([0, 1, 2], 1e9), [/^oneHot:/]],
    ["Linear(1e5, 1e5)", () => new dl.nn.Linear(1e5, 1e5, { seed: 1 }), [/^Linear:/, /weight/]],
    [
      "Conv2d with 1e5 × 1e5 channels",
      () => new dl.nn.Conv2d(1e5, 1e5, { kernelSize: 1, seed: 1 }),
      [/^Conv2d:/, /weight/],
    ],
    [
      "Conv2d padding 1e6",
      () =>
        new dl.nn.Conv2d(1, 1, { kernelSize: 1, padding: 1e6, seed: 1 }).forward(
          dl.zeros([1, 1, 2, 2]),
        ),
      [/^conv2d:/, /\[1, 1, 2000002, 2000002\]/],
    ],
    [
      "conv2d whose im2col columns are too large",
      () => dl.nn.conv2d(dl.zeros([1, 1, 3000, 3000]), dl.zeros([1, 1, 100, 100]), null),
      [/^conv2d:/, /im2col/],
    ],
    ["glorotUniform([1e5, 1e5])", () => dl.nn.glorotUniform([1e5, 1e5], rng()), [/^init:/]],
  ];
  it.each(cases)("%s", (_what, call, mentions) =>
    expectNamed(call, "ArgumentError", [...mentions, LIMIT]),
  );

  it.each(["blobs", "moons", "circles", "spirals", "linearlySeparable"] as const)(
    "%s({ n: 1e9 }) throws before generating anything",
    (name) =>
      expectNamed(
        () => (dl.data[name] as (o: Any) => unknown)({ n: 1e9, rng: rng() }),
        "ArgumentError",
        [new RegExp(`^${name}:`), /\[1000000000, 2\]/, LIMIT],
      ),
  );

  it("sampleFunction({ n: 1e9 }) throws before sampling", () =>
    expectNamed(() => dl.data.sampleFunction({ n: 1e9 }), "ArgumentError", [
      /^sampleFunction:/,
      LIMIT,
    ]));

  it("the limit itself is allowed (checked without allocating), one more is not", () => {
    expect(checkSize("zeros", [MAX_ELEMENTS])).toBe(MAX_ELEMENTS);
    expect(checkSize("zeros", [2 ** 13, 2 ** 14])).toBe(MAX_ELEMENTS);
    expect(() => checkSize("zeros", [MAX_ELEMENTS + 1])).toThrow(dl.ArgumentError);
    expect(checkSize("zeros", [0, 1e300, 1e300])).toBe(0); // nothing to make
  });

  it("shapes with more than 32 axes are refused", () => {
    expect(dl.zeros(new Array(MAX_RANK).fill(1)).rank).toBe(32);
    expectNamed(() => dl.zeros(new Array(MAX_RANK + 1).fill(1)), "ArgumentError", [
      /^zeros:/,
      /33 axes/,
    ]);
  });
});

describe("nested arrays that never end", () => {
  it("tensor of a cyclic array throws ArgumentError instead of exhausting memory", () => {
    const a: unknown[] = [1];
    a[0] = a;
    expectNamed(() => dl.tensor(bad(a)), "ArgumentError", [/^tensor:/, /deeper than 32/]);
  });

  it("tensor of arrays nested 100000 deep throws ArgumentError, not a stack overflow", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expectNamed(() => dl.tensor(bad(deep)), "ArgumentError", [/^tensor:/, /deeper than 32/]);
  });

  it("32 levels are fine", () => {
    let deep: unknown = 7;
    for (let i = 0; i < 32; i++) deep = [deep];
    const t = dl.tensor(bad(deep));
    expect(t.rank).toBe(32);
    expect(t.item()).toBe(7);
  });

  it("plots given a cyclic array throw ArgumentError", () => {
    const a: unknown[] = [1];
    a.push(a);
    expect(isNamedError(thrownBy(() => dl.plot.heatmap(bad(a))))).toBe(true);
    expect(isNamedError(thrownBy(() => dl.plot.histogram(bad(a))))).toBe(true);
  });
});

/** The messages the odd values below throw themselves when inspected. */
const OWN_ERRORS = /^(trap|getter|toString|valueOf)$/;

/** Odd values that once made messages huge or made building them throw. */
function oddValues(): [string, unknown][] {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  const cyclicArray: unknown[] = [];
  cyclicArray.push(cyclicArray, cyclicArray);
  const throwing = new Proxy(
    {},
    {
      get() {
        throw new Error("trap");
      },
      getPrototypeOf() {
        throw new Error("trap");
      },
      ownKeys() {
        throw new Error("trap");
      },
    },
  );
  const getter = Object.defineProperty({}, "constructor", {
    get() {
      throw new Error("getter");
    },
  });
  const toStringThrows = {
    toString() {
      throw new Error("toString");
    },
    valueOf() {
      throw new Error("valueOf");
    },
  };
  return [
    ["a 1e6-element array", new Array(1e6).fill(1)],
    ["a 1e6-element array of strings", new Array(1e6).fill("x")],
    ["a Float64Array of 1e6", new Float64Array(1e6)],
    ["a BigInt64Array", new BigInt64Array(3)],
    ["a 1e6-character string", "a".repeat(1e6)],
    ["a bigint", 12n],
    ["a 10000-digit bigint", 10n ** 10000n],
    ["a symbol with a long description", Symbol("s".repeat(1e5))],
    ["a function", function namedFunction() {}],
    ["a cyclic object", cyclic],
    ["a cyclic array", cyclicArray],
    ["a Proxy whose every trap throws", throwing],
    ["an object whose constructor getter throws", getter],
    ["an object whose toString throws", toStringThrows],
    ["a shape of a million sizes", new Array(1e6).fill(-1)],
  ];
}

describe("error messages stay short for huge and odd inputs", () => {
  beforeAll(() => {
    // a table of a cyclic array is valid and prints its text outside a kernel
    vi.spyOn(console, "log").mockImplementation(() => undefined);
  });
  afterAll(() => vi.restoreAllMocks());

  const calls: [string, (v: Any) => unknown][] = [
    ["tensor(v)", (v) => dl.tensor(v)],
    ["tensor([v])", (v) => dl.tensor([v])],
    ["tensor([[1, 2], v])", (v) => dl.tensor([[1, 2], v])],
    ["zeros(v)", (v) => dl.zeros(v)],
    ["full([2], v)", (v) => dl.full([2], v)],
    ["reshape(x, v)", (v) => dl.reshape(dl.zeros([2]), v)],
    ["add(x, v)", (v) => dl.add(dl.zeros([2]), v)],
    ["matmul(x, v)", (v) => dl.matmul(dl.zeros([2, 2]), v)],
    ["sum(x, v)", (v) => dl.sum(dl.zeros([2]), v)],
    ["transpose(x, v)", (v) => dl.transpose(dl.zeros([2, 2]), v)],
    ["Linear(v, 2)", (v) => new dl.nn.Linear(v, 2, { seed: 1 })],
    ["SGD lr v", (v) => new dl.optim.SGD([dl.zeros([1])], { lr: v })],
    ["mse(v, y)", (v) => dl.nn.mse(v, dl.zeros([2]))],
    ["softmaxCrossEntropy(z, v)", (v) => dl.nn.softmaxCrossEntropy(dl.zeros([2, 2]), v)],
    ["blobs({ n: v })", (v) => dl.data.blobs({ n: v, rng: dl.rng(1) })],
    ["oneHot(v, 3)", (v) => dl.data.oneHot(v, 3)],
    ["fit epochs v", (v) => fitWith({ epochs: v })],
    ["fit metrics [v]", (v) => fitWith({ metrics: [v] })],
    // (not plot.line({ a: v }): a million-point series is valid, and drawing it only takes time)
    ["plot.line(v)", (v) => dl.plot.line(v)],
    ["plot.line(series, v)", (v) => dl.plot.line({ a: [1, 2] }, v)],
    ["show.table(v)", (v) => dl.show.table(v)],
    ["gradCheck(f, [v])", (v) => dl.gradCheck((x) => x, [v])],
  ];

  // a million-element value goes through about twenty calls: a generous limit for a loaded machine
  it.each(oddValues())("%s", { timeout: 60_000 }, (_what, value) => {
    const long: string[] = [];
    for (const [call, f] of calls) {
      let e: unknown = null;
      try {
        f(value);
      } catch (err) {
        e = err;
      }
      if (e === null) continue;
      // a Proxy's or a getter's own exception, raised while the library inspects the value, is theirs
      if (OWN_ERRORS.test(String((e as Error)?.message))) continue;
      if (!isNamedError(e)) long.push(`${call}: not a named error: ${String(e).slice(0, 100)}`);
      else if ((e as Error).message.length > 300) {
        long.push(`${call}: ${(e as Error).message.length} characters`);
      }
    }
    expect(long).toEqual([]);
  });
});

function fitWith(extra: Record<string, unknown>) {
  const model = new dl.nn.Sequential([new dl.nn.Linear(2, 1, { seed: 1 })]);
  return dl.train.fit(model, dl.data.xorGate(), {
    epochs: 1,
    loss: dl.nn.mse,
    optimizer: new dl.optim.SGD(model.parameters(), { lr: 0.1 }),
    display: "none",
    ...extra,
  } as Any);
}
