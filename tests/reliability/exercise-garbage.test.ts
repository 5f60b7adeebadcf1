// Exotic garbage for every exercise check (the common garbage — undefined, strings, NaN, throwing
// and endless functions, mutation — is in tests/exercises/catalog.test.ts): values that break naive
// code that formats or compares them (symbols, bigints, cycles, throwing getters, hostile proxies).
// Each gets a verdict, never an exception, in bounded time.
import { describe, expect, it } from "vitest";
import { exercises, type CheckName } from "../../lib/exercises/catalog";
import type { Exercise } from "../../lib/exercises/types";
import { attempt } from "../exercises/helpers";

const cyclic: Record<string, unknown> = { w: [1, 2], b: 0 };
cyclic.self = cyclic;
const throwingGetter = Object.defineProperty({}, "w", {
  enumerable: true,
  get() {
    throw new Error("getter exploded");
  },
});
const hostileProxy = new Proxy(
  {},
  {
    get() {
      throw new Error("proxy get");
    },
    ownKeys() {
      throw new Error("proxy ownKeys");
    },
    getPrototypeOf() {
      throw new Error("proxy getPrototypeOf");
    },
  },
);

const EXOTIC: [string, unknown][] = [
  ["a symbol", Symbol("answer")],
  ["a bigint", 42n],
  ["a cyclic object", cyclic],
  ["an object whose getter throws", throwingGetter],
  ["a proxy that throws on every trap", hostileProxy],
  ["a function returning a cyclic object", () => cyclic],
  ["a function returning a throwing getter", () => throwingGetter],
  ["a function returning a hostile proxy", () => hostileProxy],
  [
    "a function throwing a non-Error",
    () => {
      throw {
        toString: () => {
          throw new Error("no");
        },
      };
    },
  ],
  ["a function returning a symbol", () => Symbol("x")],
];

const all = Object.entries(exercises) as [CheckName, Exercise][];

describe.each(all)("dl.check.%s on exotic garbage", (_name, exercise) => {
  it.each(EXOTIC)("%s gets a verdict", (_what, answer) => {
    const start = Date.now();
    const verdict = attempt(exercise, answer);
    expect(["invalid", "failed", "not-attempted"]).toContain(verdict.status);
    expect(typeof verdict.message).toBe("string");
    expect(Date.now() - start).toBeLessThan(5000);
  });
});
