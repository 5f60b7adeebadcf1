// The number-pinning guard's reading (issue 17): the numbers a lesson's prose states, and whether
// an output of the same notebook shows each, after rounding to the precision the prose uses.
// tests/notebooks/prose-numbers.test.ts applies it to every executed lesson; what a number that is
// no output (a year, a lecture constant, a size of the input) needs instead is an entry in the
// lesson's allow-list, with a reason (tests/notebooks/prose-allow-*.ts).
//
//   proseNumbers("Alice's output is 0.524, about 52 %.")  → 0.524 (3 decimals), 52 (a percentage)
//   isShown(proseNumbers("0.524")[0], outputNumbers("o1: 0.5236951740839991"))  → true

/** One number as the prose states it. */
export interface StatedNumber {
  /** As written, without thousands separators: "0.524", "131072", "4.03e-3", "49". */
  readonly text: string;
  readonly value: number;
  /** "4.03e-3": compared to 3 significant digits; otherwise to `decimals` places. */
  readonly exponent: boolean;
  readonly decimals: number;
  /** Written with a % sign: an output may show it as 49 or as 0.49. */
  readonly percent: boolean;
  /** A few words around it, for the failure message. */
  readonly context: string;
}

/**
 * What is not a statement about an output, removed before numbers are read: HTML comments, code
 * (fenced, indented, inline), link targets, heading numbers ("# 3."), references to lessons
 * ("lesson 5", "lessons 4–6", "05"), LaTeX subscripts (x_1, w_{12}) and exponents (2^n, e^{-z};
 * a power of ten is kept as a number: "10^{-6}" is 1e-6, "3.4 \times 10^{38}" is 3.4e38) and names
 * like 2-2-1.
 */
export function proseText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/^(?: {4}|\t).*$/gm, " ")
    .replace(/`[^`\n]*`/g, " ")
    .replace(/\]\([^)]*\)/g, "] ")
    .replace(/^(#+)\s*\d+\./gm, "$1")
    .replace(/\b[Ll]essons? \d+(?:\s*(?:–|-|and|,)\s*\d+)*/g, " ")
    .replace(/(?<![\d.])0\d(?![\d.])/g, " ")
    .replace(/_\{[^}]*\}|_\d+/g, " ")
    .replace(/(\d+(?:\.\d+)?)\s*\\times\s*10\^\{?([-−]?\d+)\}?/g, " $1e$2 ")
    .replace(/(?<![\d.])10\^\{?([-−]?\d+)\}?/g, " 1e$1 ")
    .replace(/\^\{[^}]*\}|\^[\w−-]+/g, " ")
    .replace(/\b\d+(?:-\d+){2,}\b/g, " ");
}

const NUMBER = /(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(e[-+−]?\d+)?(?![\w])(\s?%)?/g;

/** The numbers stated in a markdown cell (see `proseText` for what is skipped). */
export function proseNumbers(markdown: string): StatedNumber[] {
  const text = proseText(markdown);
  return [...text.matchAll(NUMBER)].map((m) => {
    const written = `${m[1].replace(/,/g, "")}${m[2] ?? ""}${(m[3] ?? "").replace("−", "-")}`;
    const at = m.index ?? 0;
    return {
      text: written,
      value: Number(written),
      exponent: m[3] !== undefined,
      decimals: m[2] === undefined ? 0 : m[2].length - 1,
      percent: m[4] !== undefined,
      context: text
        .slice(Math.max(0, at - 40), at + 50)
        .replace(/\s+/g, " ")
        .trim(),
    };
  });
}

/** Every number in an output's text, as absolute values (signs are not compared). */
export function outputNumbers(text: string): number[] {
  const numbers = /(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(e[-+]?\d+)?/g;
  return [...text.matchAll(numbers)].map((m) =>
    Number(`${m[1].replace(/,/g, "")}${m[2] ?? ""}${m[3] ?? ""}`),
  );
}

/** True when some output number, rounded as the prose writes `stated`, reads the same. */
export function isShown(stated: StatedNumber, outputs: readonly number[]): boolean {
  const same = (x: number): boolean =>
    stated.exponent
      ? x.toExponential(significantDigits(stated.text) - 1) ===
        stated.value.toExponential(significantDigits(stated.text) - 1)
      : x.toFixed(stated.decimals) === stated.value.toFixed(stated.decimals);
  return outputs.some((x) => same(x) || (stated.percent && same(100 * x)));
}

function significantDigits(text: string): number {
  return text.split("e")[0].replace(".", "").replace(/^0+/, "").length;
}
