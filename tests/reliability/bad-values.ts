// The bad arguments both API walks pass (public-api.test.ts, public-methods.test.ts): values a
// student passes by mistake, and values an adversary passes on purpose.
const cyclic: Record<string, unknown> = { name: "loop" };
cyclic.self = cyclic;

export const BAD_VALUES: readonly [string, unknown][] = [
  ["undefined", undefined],
  ["null", null],
  ["a string", "x"],
  ["a number", 3],
  ["an array", [1, 2]],
  ["a typed array", new Float64Array([1, 2])],
  ["NaN", NaN],
  ["a negative size", -1],
  ["an empty object", {}],
  ["a bigint", 10n],
  ["a symbol", Symbol("s")],
  ["a function", () => 1],
  ["a cyclic object", cyclic],
];
