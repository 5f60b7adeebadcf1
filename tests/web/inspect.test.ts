// The worker formats values with node-inspect-extracted (Node's own inspect.js, extracted); tslab
// prints with Node 20's util.inspect. They must agree byte for byte on what cells print: engine
// objects, numbers, arrays long and short, nested objects, typed arrays, maps, strings, and
// whatever fast-check can build.
import * as util from "node:util";
import fc from "fast-check";
import { formatWithOptions, inspect } from "node-inspect-extracted";
import { describe, expect, it } from "vitest";
import * as dl from "../../lib";

const engineValues: [string, unknown][] = [
  [
    "a tensor",
    dl.tensor([
      [1, 2.5],
      [3, -4],
    ]),
  ],
  ["a big tensor", dl.randn([30, 30], dl.rng(0))],
  ["a scalar Value", dl.value(2, "a")],
  ["a model", new dl.nn.Sequential([new dl.nn.Linear(2, 3, { seed: 0 }), new dl.nn.ReLU()])],
  ["an Rng", dl.rng(3)],
  ["a dataset", dl.data.xorGate()],
  ["the gender table", dl.data.genderTable()],
  ["a Float64Array of 200", new Float64Array(200).map((_, i) => i / 7)],
  ["a long array", Array.from({ length: 130 }, (_, i) => i * 1.25)],
  [
    "a table of rows",
    [
      { name: "Alice", weight: 133, height: 65, gender: "F" },
      { name: "Bob", weight: 160, height: 72, gender: "M" },
    ],
  ],
  ["an error", new dl.ShapeError("matmul: inner dimensions must match")],
  ["nested four deep", { a: { b: { c: { d: { e: 1 } } } } }],
  ["a map and a set", [new Map([["k", [1, 2]]]), new Set(["x", 3])]],
  ["quotes", ["it's", 'say "hi"', "both ' and \""]],
  ["special numbers", [-0, NaN, Infinity, 1e21, 1e-7, 0.1 + 0.2, 2 ** 53]],
];

describe("node-inspect-extracted prints as Node 20's util.inspect", () => {
  it.each(engineValues)("%s", (_, value) => {
    expect(inspect(value)).toBe(util.inspect(value));
  });

  it("console.log's formats (%s %d %i %f %j %o %O %c %%) with extra arguments", () => {
    const args = [
      "%s %d %i %f %j %o %O %c %% done",
      "str",
      3.7,
      9.9,
      "1.5",
      { j: 1 },
      [1, { o: 2 }],
      { O: 3 },
      "color: red",
      dl.tensor([1]),
      42,
    ];
    expect(formatWithOptions({}, ...args)).toBe(util.formatWithOptions({}, ...args));
  });

  it("on 2,000 values fast-check builds (objects, arrays, typed arrays, maps, sets, dates, boxed values)", () => {
    const anything = fc.anything({
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withDate: true,
      withNullPrototype: true,
      withSparseArray: true,
      withBigInt: true,
      maxDepth: 4,
    });
    fc.assert(
      fc.property(anything, (value) => {
        expect(inspect(value)).toBe(util.inspect(value));
        expect(formatWithOptions({}, value, "x", value)).toBe(
          util.formatWithOptions({}, value, "x", value),
        );
      }),
      { numRuns: 2000, seed: 16 },
    );
  });
});
