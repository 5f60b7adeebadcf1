// Every public function of `dl`, found by walking its exports (nothing listed by hand), called with
// bad arguments in each of its first three positions: only the library's named errors may come out
// (never a TypeError, a RangeError or a stack overflow), and every message stays short.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as dl from "../../lib/index";
import { expectNamed, isNamedError } from "./named-errors";
import { BAD_VALUES } from "./bad-values";

const BAD = BAD_VALUES;

/**
 * Not walked, with the reason: the error classes (their argument is the message itself);
 * `dl.kernels`, raw loops over Float64Arrays behind the ops, which the ops validate before calling
 * (see lib/kernels/index.ts); the activation table's f/df, plain Math formulas of one number;
 * `assertClose`, whose documented answer to a mismatch is an AssertionError.
 */
const SKIP = /^dl\.(\w*Error|kernels\..*|plot\.ACTIVATIONS\..*)$/;
const ASSERTIONS = new Set(["dl.assertClose"]);

/** Every function reachable from `dl` (namespaces and plain objects walked), with its path. */
function publicFunctions(): [string, (...args: unknown[]) => unknown][] {
  const found: [string, (...args: unknown[]) => unknown][] = [];
  const seen = new Set<unknown>();
  const walk = (obj: object, path: string) => {
    for (const [key, value] of Object.entries(obj)) {
      const name = `${path}.${key}`;
      if (typeof value === "function") found.push([name, value as (...a: unknown[]) => unknown]);
      else if (
        value &&
        typeof value === "object" &&
        !seen.has(value) &&
        !ArrayBuffer.isView(value)
      ) {
        seen.add(value);
        walk(value, name);
      }
    }
  };
  walk(dl, "dl");
  return found.filter(([name]) => !SKIP.test(name));
}

const isClass = (f: unknown) => /^class\b/.test(Function.prototype.toString.call(f));

/** Calls `f` (with `new` for a class); returns what went wrong, or null when all is well. */
function problem(name: string, f: (...args: unknown[]) => unknown, args: unknown[]): string | null {
  try {
    if (isClass(f)) new (f as unknown as new (...a: unknown[]) => unknown)(...args);
    else f(...args);
    return null;
  } catch (e) {
    if (ASSERTIONS.has(name) && (e as Error).name === "AssertionError") return null;
    if (!isNamedError(e))
      return `${(e as Error)?.name}: ${String((e as Error)?.message).slice(0, 120)}`;
    const message = (e as Error).message;
    return message.length > 400 ? `a message of ${message.length} characters` : null;
  }
}

describe("the whole public API answers bad arguments with named errors", () => {
  beforeAll(() => {
    // displays print their text outside a kernel; hints print their message
    vi.spyOn(console, "log").mockImplementation(() => undefined);
  });
  afterAll(() => vi.restoreAllMocks());

  const functions = publicFunctions();

  it("the walk finds the API (tensor ops, layers, losses, optimizers, fit, data, plots, displays)", () => {
    const names = functions.map(([n]) => n);
    expect(names.length).toBeGreaterThan(150);
    for (const expected of [
      "dl.tensor",
      "dl.matmul",
      "dl.backward",
      "dl.gradCheck",
      "dl.nn.conv2d",
      "dl.nn.Linear",
      "dl.nn.softmaxCrossEntropy",
      "dl.optim.Adam",
      "dl.train.fit",
      "dl.data.blobs",
      "dl.plot.heatmap",
      "dl.show.chart",
    ]) {
      expect(names).toContain(expected);
    }
  });

  it.each(BAD.map(([what, value]) => [what, value] as const))(
    "%s in position 1, 2 or 3 of every function",
    (_what, value) => {
      const failures: string[] = [];
      for (const [name, f] of functions) {
        for (let position = 0; position < 3; position++) {
          // earlier positions get a plausible value (a small tensor) so later checks are reached
          const args: unknown[] = Array.from({ length: position }, () => dl.ones([2, 2]));
          args.push(value);
          const p = problem(name, f, args);
          if (p !== null) failures.push(`${name} (argument ${position + 1}): ${p}`);
        }
      }
      expect(failures).toEqual([]);
    },
  );
});

describe("an options argument must be a plain object, not an array or a typed array", () => {
  const xs = new Float64Array([1, 2]);
  const cases: [string, (o: unknown) => unknown, RegExp][] = [
    ["Linear", (o) => new dl.nn.Linear(2, 2, o as { seed: number }), /^Linear: options/],
    ["blobs", (o) => dl.data.blobs(o as Parameters<typeof dl.data.blobs>[0]), /^blobs: options/],
    ["plot.line", (o) => dl.plot.line({ a: [1, 2] }, o as object), /^line: options/],
    ["plot.line's series", (o) => dl.plot.line(o as { a: number[] }), /^line: series/],
    ["show.chart", (o) => dl.show.chart(o as dl.plot.VegaLiteSpec), /^chart: spec/],
  ];
  it.each(cases)("%s", (_name, call, message) => {
    for (const o of [xs, [1, 2]]) {
      expectNamed(() => call(o), "ArgumentError", [message, /must be an object/]);
    }
  });
});
