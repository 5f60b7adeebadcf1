// The number-pinning guard's reading of prose and outputs, on worked examples (the guard itself,
// over every executed lesson, is tests/notebooks/prose-numbers.test.ts).
import { describe, expect, it } from "vitest";
import { isShown, outputNumbers, proseNumbers, proseText } from "./prose-numbers";

const texts = (markdown: string) => proseNumbers(markdown).map((n) => n.text);
const shown = (stated: string, output: string) =>
  proseNumbers(stated).map((n) => isShown(n, outputNumbers(output)));

describe("proseNumbers", () => {
  it("reads decimals, thousands separators, exponents and percentages", () => {
    expect(proseNumbers("Alice gets 0.524; 131,072 outputs; 4.03e-3; 49 % of them.")).toEqual([
      expect.objectContaining({ text: "0.524", decimals: 3, exponent: false, percent: false }),
      expect.objectContaining({ text: "131072", value: 131072, decimals: 0 }),
      expect.objectContaining({ text: "4.03e-3", exponent: true }),
      expect.objectContaining({ text: "49", percent: true }),
    ]);
  });

  it("skips code, comments, links, heading numbers, lesson references, subscripts and 2-2-1", () => {
    const markdown = [
      "# 3. The XOR failure <!-- 77 -->",
      "`dl.rng(42)` and [the paper](https://example.org/1998.pdf), as lesson 5 and lessons 4–6 show:",
      "$x_1 w_{12}$ in a 2-2-1 network, h1 and w5.",
      "```ts\nconst a = 88;\n```",
      "    indented 99",
      "The loss is 0.25.",
    ].join("\n");
    expect(texts(markdown)).toEqual(["0.25"]);
    expect(proseText("# 3. Title")).toBe("# Title");
    expect(texts("| 05 | Backpropagation | 3 ways |")).toEqual(["3"]);
  });

  it("reads powers of ten as numbers, and skips other exponents", () => {
    expect(
      texts("$0.25^{10} \\approx 10^{-6}$, $2^{128} \\approx 3.4 \\times 10^{38}$, $e^{-z}$"),
    ).toEqual(["0.25", "1e-6", "2", "3.4e38"]);
    expect(shown("$10^{-6}$", "0.25^10 = 9.54e-7")).toEqual([true]);
    expect(shown("$3.4 \\times 10^{38}$", "2^128 = 3.402823669209385e+38")).toEqual([true]);
  });

  it("keeps the words around each number for the failure message", () => {
    expect(proseNumbers("the network rates Bob (0.88) more female")[0].context).toBe(
      "the network rates Bob (0.88) more female",
    );
  });
});

describe("isShown", () => {
  it("rounds the output to the precision the prose states", () => {
    expect(shown("0.524", "o1: 0.5236951740839991")).toEqual([true]);
    expect(shown("0.52", "o1: 0.5236951740839991")).toEqual([true]);
    expect(shown("0.50", "o1: 0.5236951740839991")).toEqual([false]); // issue 17's 0.50
    expect(shown("1,900", "1898 parameters")).toEqual([false]);
    expect(shown("1898", "1,898 parameters")).toEqual([true]);
  });

  it("compares exponents to their significant digits, signs not at all", () => {
    expect(shown("4.03e-3", "N = 4: 0.0040312")).toEqual([true]);
    expect(shown("4.0e-3", "0.0040312")).toEqual([true]);
    expect(shown("4.03e-3", "0.00404")).toEqual([false]);
    expect(shown("−2", "x = [ -2, -1 ]")).toEqual([true]);
  });

  it("a percentage may be shown as a percentage or as a fraction", () => {
    expect(shown("49 %", "zero weights: 0.492")).toEqual([true]);
    expect(shown("49 %", "zero weights: 49.2%")).toEqual([true]);
    expect(shown("49 %", "zero weights: 0.51")).toEqual([false]);
    expect(shown("49", "zero weights: 0.492")).toEqual([false]);
  });
});
