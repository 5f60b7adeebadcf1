// Math in markdown at scale and in odd places: a 200 KiB+ cell full of unclosed delimiters is
// scanned in linear time (the old scan took ~20 s for 200 KiB of `\(`, minutes for these cells; the
// generous timeout below is a guard, not a timing assertion), and math inside an HTML attribute
// becomes its TeX text there instead of breaking the markup.
import { beforeAll, describe, expect, it } from "vitest";
import { createMarkdownRenderer, newMarkdownContext } from "../../tools/export/markdown";
import { protectMath } from "../../tools/export/math";
import { PNG } from "./hostile";
import { unsafeParts } from "./page-safety";

const SIZE = 220 * 1024;
const fill = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length));

describe("protectMath(markdown) on a 220 KiB cell", () => {
  it.each([
    ["unclosed \\(", "\\( a "],
    ["unclosed \\[", "\\[ a "],
    ["unclosed $ on every line", "$ a\n\n"],
    ["unclosed \\begin{…}", "\\begin{align} a "],
    ["\\begin{…} of ever new names", null],
    ["one $$ never closed", "$$"],
    ["unclosed backtick runs", "`` a ``` "],
    ["many short lines", "a\n"],
    ["fences left open", "```\n"],
  ])(
    "%s: no math found, every character kept",
    (_name, unit) => {
      const md =
        unit === null
          ? Array.from(
              { length: SIZE / 12 },
              (_, i) =>
                `\\begin{${i.toString(36).replace(/\d/g, (d) => "abcdefghij"[Number(d)])}} `,
            ).join("")
          : unit === "$$"
            ? `$$ ${fill("a ")}`
            : fill(unit);
      const { text, spans } = protectMath(md);
      expect(spans).toEqual([]);
      expect(text).toBe(md);
    },
    120_000,
  );

  it("closed math between unclosed delimiters is still found, in order", () => {
    const md = fill("\\( a $x_1$ ") + "$$\\sum_i w_i$$";
    const { text, spans } = protectMath(md);
    expect(spans.length).toBe(Math.ceil(SIZE / "\\( a $x_1$ ".length) + 1);
    expect(spans[0]).toEqual({ tex: "x_1", display: false });
    expect(spans[spans.length - 1]).toEqual({ tex: "\\sum_i w_i", display: true });
    expect(text.endsWith(`MATHxxPH${spans.length - 1}X`)).toBe(true);
  }, 120_000);

  it.each([
    ["$a$ and $b$", ["a", "b"]],
    ["\\$5 and $x$", ["x"]],
    ["\\\\$x$ (as in Jupyter: the second backslash escapes the dollar)", []],
    ["$a\\$b$", ["a\\$b"]],
    ["\\(a \\\\) b\\)", ["a \\\\) b"]],
    ["\\begin{align}x \\\\ y\\end{align} \\begin{b}z", ["\\begin{align}x \\\\ y\\end{align}"]],
    ["`$x$` then ``a ` $y$ ``, $z$", ["z"]],
    ["`` unclosed $w$", ["w"]],
    ["$$a$$$b$", ["a", "b"]],
  ])("protectMath(%j) finds %j", (md, tex) => {
    expect(protectMath(md).spans.map((s) => s.tex)).toEqual(tex);
  });
});

describe("markdown with math in HTML attributes", () => {
  let md: (source: string) => string;
  beforeAll(async () => {
    const render = await createMarkdownRenderer();
    md = (source) => render(source, newMarkdownContext());
  });

  it.each([
    [`<img alt="$x < y$" src="data:image/png;base64,${PNG}">`, 'alt="x &lt; y"'],
    ['<a title="$\\frac{a}{b}$" href="#s">f</a>', '<a title="\\frac{a}{b}" href="#s">f</a>'],
    ['<abbr title="$$\\sum$$">sum</abbr>', '<abbr title="\\sum">sum</abbr>'],
    // The "math" spans a quote here: it stays inside the attribute, as text.
    [
      '<span title="a $b" data-x="$c$">t</span>',
      '<span title="a b&quot; data-x=&quot;c$">t</span>',
    ],
  ])("%s keeps its markup whole: %s", (source, expected) => {
    const html = md(source);
    expect(html).toContain(expected);
    expect(html).not.toMatch(/MATHxxPH|class="katex"[^>]*"/);
    expect(unsafeParts(html)).toEqual([]);
  });

  it("math in the text next to the attribute is still rendered", () => {
    const html = md('<span title="$t$">$x^2$</span> and $y$');
    expect(html).toMatch(
      /^<p><span title="t"><span class="katex">[\s\S]*<\/span><\/span> and <span class="katex">/,
    );
  });
});
