// The browser kernel's Math (web/kernel/worker/v8-math) against Node's own, bit for bit: the
// worker computes exp, log, pow, sin… with these so that lessons print Node's numbers.
import { describe, expect, it } from "vitest";
import { NODE_MATH } from "../../web/kernel/worker/v8-math";
import { fromWords } from "../../web/kernel/worker/v8-math/words";

/** A seeded LCG (tests only; lib uses dl.rng). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const SPECIAL = [
  0,
  -0,
  Infinity,
  -Infinity,
  NaN,
  1,
  -1,
  2,
  -2,
  0.5,
  -0.5,
  1e-310,
  -1e-310,
  5e-324,
  Math.PI / 4,
  Math.PI / 2,
  Math.PI,
  2 * Math.PI,
  1e300,
  -1e300,
  709.78,
  709.79,
  -745.13,
  -745.14,
  710.47,
  22,
  -22,
  1e-9,
  2 ** -28,
  2 ** -54,
  0.34657,
  1.03972,
  2 ** 31,
  2 ** 53,
  1 + 2 ** -52,
  1 - 2 ** -53,
];

/** Arguments across magnitudes, random bit patterns, and the neighbourhoods of kπ/4 and 1. */
function samples(count: number, seed: number): number[] {
  const rnd = lcg(seed);
  const out = [...SPECIAL];
  const scales = [1e-8, 1e-3, 1, 10, 1000, 1e7, 1e15];
  for (let i = 0; i < count; i++) {
    const kind = i % 9;
    if (kind === 7) out.push(fromWords((rnd() * 2 ** 32) >>> 0, (rnd() * 2 ** 32) >>> 0));
    else if (kind === 8) out.push(((i % 400) * Math.PI) / 4 + (rnd() - 0.5) * 1e-9);
    else out.push((rnd() - 0.5) * 2 * scales[kind] * (1 + (i % 5)));
  }
  return out;
}

const native = Math as unknown as Record<string, (...args: number[]) => number>;

function mismatches(name: string, args: number[][]): string[] {
  const ours = (NODE_MATH as Record<string, (...a: number[]) => number>)[name];
  return args
    .filter((a) => !Object.is(ours(...a), native[name](...a)))
    .slice(0, 5)
    .map((a) => `${name}(${a.join(", ")}) = ${ours(...a)}, Node: ${native[name](...a)}`);
}

describe("the worker's Math equals Node's bit for bit", () => {
  const xs = samples(120_000, 7);
  const unary = Object.keys(NODE_MATH).filter((name) => name !== "pow" && name !== "atan2");

  it.each(unary)("Math.%s on 120,000 arguments", (name) => {
    const args = xs.map((x) => [x]);
    // near-1 and near-0 arguments matter most to log, log1p, acos, asin and atanh
    const near = samples(20_000, 11).map((x) => [1 + x * 1e-9, x % 1]);
    expect(
      mismatches(name, [...args, ...near.map(([a]) => [a]), ...near.map(([, b]) => [b])]),
    ).toEqual([]);
  });

  it("Math.pow on integer, half-integer, fractional and huge exponents, negative bases", () => {
    const rnd = lcg(3);
    const args: number[][] = [];
    for (const x of xs.slice(0, 60_000)) {
      const y = [
        Math.round((rnd() - 0.5) * 20),
        Math.round(rnd() * 10) + 0.5,
        (rnd() - 0.5) * 8,
        (rnd() - 0.5) * 2 ** 40,
        1 / 3,
        -2,
        3,
      ][args.length % 7];
      args.push([x, y], [Math.abs(x), y]);
    }
    for (const y of SPECIAL) for (const x of SPECIAL) args.push([x, y]);
    expect(mismatches("pow", args)).toEqual([]);
  });

  it("Math.atan2 on 120,000 pairs and every pair of special values", () => {
    const args = xs.map((y, i) => [y, xs[(i * 7919) % xs.length]]);
    for (const y of SPECIAL) for (const x of SPECIAL) args.push([y, x]);
    expect(mismatches("atan2", args)).toEqual([]);
  });

  it("a wrong port is caught (negative control: fdlibm's own pow differs from V8's)", () => {
    const fdlibmStyle = (x: number, y: number) => Math.exp(y * Math.log(x));
    const differing = xs
      .slice(0, 2000)
      .filter((x) => !Object.is(fdlibmStyle(Math.abs(x), 1 / 3), native.pow(Math.abs(x), 1 / 3)));
    expect(differing.length).toBeGreaterThan(100);
  });
});
