// The one formatter behind every error message: short, informative, and it never throws.
import { describe, expect, it } from "vitest";
import { describeValue, formatValue, truncate } from "../lib/format-value";
import { formatShape } from "../lib/errors";

describe("describeValue", () => {
  it.each([
    [null, "null"],
    [undefined, "undefined"],
    [NaN, "NaN"],
    [-1, "-1"],
    ["w", 'the string "w"'],
    [12n, "the bigint 12n"],
    [true, "the boolean true"],
    [Symbol("s"), "a symbol (Symbol(s))"],
    [[1, 2], "an array of length 2 (wrap it with dl.tensor(…))"],
    [new Float32Array(3), "a Float32Array of length 3"],
    [function f() {}, "a function (f)"],
    [new Map(), "an object (Map)"],
    [Object.create(null), "an object (no class)"],
  ] as [unknown, string][])("%s → %s", (value, text) => expect(describeValue(value)).toBe(text));

  it("a long string or bigint is cut, with its start kept", () => {
    expect(describeValue("a".repeat(1e6))).toBe(`the string "${"a".repeat(39)}…"`);
    expect(describeValue(10n ** 1000n)).toMatch(/^the bigint 1000000000.{29}…n$/);
  });

  it("values whose inspection throws get a fixed phrase", () => {
    const proxy = new Proxy(
      {},
      {
        get: () => {
          throw new Error("trap");
        },
        getPrototypeOf: () => {
          throw new Error("trap");
        },
      },
    );
    const getter = Object.defineProperty({}, "constructor", {
      get: () => {
        throw new Error("g");
      },
    });
    expect(describeValue(proxy)).toBe("a value that cannot be shown (reading it threw)");
    expect(describeValue(getter)).toBe("a value that cannot be shown (reading it threw)");
  });
});

describe("formatValue", () => {
  it("writes values as in code, with a few items of long arrays and two levels of nesting", () => {
    expect(formatValue([1, [2, 3], "a", 4n])).toBe('[1, [2, 3], "a", 4n]');
    expect(formatValue(new Array(1e6).fill(0))).toBe("[0, 0, 0, 0, 0, 0, 0, 0, … (1000000 items)]");
    expect(formatValue([[[1]]])).toBe("[[[…]]]");
    expect(formatValue(Float64Array.of(0.5, 2))).toBe("[0.5, 2]");
  });

  it("cyclic arrays and objects end", () => {
    const a: unknown[] = [1];
    a.push(a);
    const o: Record<string, unknown> = {};
    o.o = o;
    expect(formatValue(a)).toBe("[1, [1, […]]]");
    expect(formatValue(o)).toBe("an object (Object)");
  });

  it("never returns more than 200 characters, whatever the input", () => {
    const values: unknown[] = [
      new Array(100).fill("x".repeat(100)),
      [[new Array(50).fill(10n ** 50n)]],
      Symbol("s".repeat(1e4)),
      new Array(8).fill(new Array(8).fill(new Array(8).fill(1))),
    ];
    for (const v of values) {
      expect(formatValue(v).length).toBeLessThanOrEqual(200);
      expect(describeValue(v).length).toBeLessThanOrEqual(200);
    }
  });
});

describe("formatShape and truncate", () => {
  it("shapes print as before, and a huge shape prints a few sizes and the count", () => {
    expect(formatShape([2, 3])).toBe("[2, 3]");
    expect(formatShape([])).toBe("[]");
    expect(formatShape(new Array(1e6).fill(-1))).toBe(
      "[-1, -1, -1, -1, -1, -1, -1, -1, … (1000000 items)]",
    );
  });

  it("truncate never splits a surrogate pair", () => {
    const text = "😀".repeat(50);
    const cut = truncate(text, 10);
    expect(Array.from(cut)).toHaveLength(10);
    expect(cut.endsWith("😀…")).toBe(true);
  });
});
