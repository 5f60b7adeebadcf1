// Unit tests of the exporter's renderers: math protection, sanitising, outputs by MIME priority.
import { describe, expect, it } from "vitest";
import { escapeHtml, applyCarriageReturns, slugify, stripAnsi } from "../../tools/export/html";
import { mathAsText, protectMath } from "../../tools/export/math";
import { createMarkdownRenderer, newMarkdownContext } from "../../tools/export/markdown";
import { renderOutputs } from "../../tools/export/outputs";
import { parseExportArgs } from "../../tools/export/cli";
import { learningGoals } from "../../tools/export/cells";
import type { Notebook } from "../../tools/export/notebook";
import { PNG } from "./hostile";

describe("protectMath(markdown)", () => {
  it.each([
    ["a $x_1$ b", ["x_1"], [false]],
    ["$$\nL = \\frac{1}{N}\n$$", ["L = \\frac{1}{N}"], [true]],
    ["\\(a\\) and \\[b\\]", ["a", "b"], [false, true]],
    ["\\begin{align}a &= b\\end{align}", ["\\begin{align}a &= b\\end{align}"], [true]],
    ["costs \\$5 and `$x$` stays code", [], []],
    ["```ts\nconst s = `$a$`;\n```\nthen $y$", ["y"], [false]],
    ["$a\n\nb$ spans a blank line: not math", [], []],
    ["$$ $$ is empty", [], []],
  ])("protectMath(%j) finds %j", (md, tex, display) => {
    const { spans } = protectMath(md);
    expect(spans.map((s) => s.tex)).toEqual(tex);
    expect(spans.map((s) => s.display)).toEqual(display);
  });

  it("leaves placeholders that round-trip to the TeX", () => {
    const p = protectMath("w_1 is $w_1$ and **$x^*$**");
    expect(p.text).toBe("w_1 is MATHxxPH0X and **MATHxxPH1X**");
    expect(mathAsText(p.text, p.spans)).toBe("w_1 is w_1 and **x^***");
  });
});

describe("markdown renderer", () => {
  it("renders math with KaTeX, keeps `_` inside math, adds heading anchors and collects headings", async () => {
    const md = await createMarkdownRenderer();
    const context = newMarkdownContext();
    const html = md(
      "## The rule $w_1 \\leftarrow w_1 - \\eta g_1$\n\nwith *emphasis* and $a_b$ and $c_d$",
      context,
    );
    expect(html).toMatch(/<h2 id="the-rule-w-1-leftarrow-w-1-eta-g-1">/);
    expect(html).toContain('<a class="anchor" href="#the-rule-w-1-leftarrow-w-1-eta-g-1"');
    expect(html).toContain("<em>emphasis</em>");
    expect(html.match(/class="katex"/g)).toHaveLength(3);
    expect(html).not.toMatch(/\$|MATHxxPH/);
    expect(context.headings.map((h) => h.depth)).toEqual([2]);
  });

  it("gives every heading an id the page keeps, so its anchor and contents entry resolve", async () => {
    const md = await createMarkdownRenderer();
    const context = newMarkdownContext();
    const long = "A heading that goes on ".repeat(12);
    const html = md(
      ["# 1. The neuron", "## Content", "## 日本語", "## 日本語", `## ${long}`, "## 2^128"]
        .map((h) => `${h}\n\ntext`)
        .join("\n\n"),
      context,
    );
    const ids = context.headings.map((h) => h.id);
    expect(ids.slice(0, 4)).toEqual(["1-the-neuron", "content-2", "section", "section-2"]);
    expect(ids[4].length).toBeLessThanOrEqual(80);
    expect(ids[5]).toBe("2-128");
    for (const id of ids) {
      expect(html).toContain(`id="${id}">`);
      expect(html).toContain(`<a class="anchor" href="#${id}"`);
    }
    // "content" is the page's own skip-link target: no heading takes it.
    expect(html).not.toContain('id="content"');
  });

  it("reports bad TeX as a warning and still renders the page", async () => {
    const md = await createMarkdownRenderer();
    const context = newMarkdownContext();
    const html = md("broken $\\frac{1}{$ math", context);
    expect(html).toContain("katex-error");
    expect(context.warnings[0]).toMatch(/^math: KaTeX parse error/);
  });

  it("highlights fenced code as TypeScript", async () => {
    const html = (await createMarkdownRenderer())("```ts\nconst x = 1;\n```", newMarkdownContext());
    expect(html).toContain('<span class="hljs-keyword">const</span>');
  });
});

describe("renderOutputs(outputs)", () => {
  const display = (data: Record<string, unknown>) => ({
    output_type: "display_data" as const,
    data,
    metadata: {},
  });

  it("shows nothing for a blank stream (a quiet last expression), but keeps other text", () => {
    const stream = (text: string) => ({ output_type: "stream" as const, name: "stdout", text });
    expect(renderOutputs([stream("\n")]).html).not.toMatch(/<pre/);
    expect(renderOutputs([stream(" 0\n")]).html).toMatch(
      /<pre class="output-stream stdout"> 0\n<\/pre>/,
    );
  });

  it.each([
    [
      "vega-lite before SVG",
      {
        "application/vnd.vegalite.v5+json": { mark: "point" },
        "image/svg+xml": "<svg/>",
        "text/plain": "alt",
      },
      /output-vegalite[\s\S]*chart-fallback[\s\S]*alt="alt"/,
    ],
    [
      "plotly JSON before its HTML",
      {
        "application/vnd.plotly.v1+json": { data: [{ z: [[1]] }], layout: {} },
        "text/html": '<div id="p"></div><script>Plotly.newPlot("p", [])</script>',
        "text/plain": "3-d",
      },
      /output-plotly"><div class="plotly-target"><\/div>[\s\S]*<figcaption class="visually-hidden">3-d</,
    ],
    [
      "HTML table as HTML",
      { "text/html": "<table><tr><td>1</td></tr></table>", "text/plain": "1" },
      /<div class="output-html"><table>/,
    ],
    [
      "SVG as an image with alt text",
      { "image/svg+xml": "<svg/>", "text/plain": "a diagram" },
      /<img class="output-image" src="data:image\/svg\+xml;base64,PHN2Zz48L3N2Zz4=" alt="a diagram">/,
    ],
    [
      "PNG as an image",
      { "image/png": `${PNG.slice(0, 30)}\n${PNG.slice(30)}`, "text/plain": "digits" },
      new RegExp(`src="data:image/png;base64,${PNG.replace(/[+/]/g, "\\$&")}" alt="digits"`),
    ],
    [
      "plain text escaped",
      { "text/plain": "<b>x</b>" },
      /<pre class="output-text">&lt;b&gt;x&lt;\/b&gt;<\/pre>/,
    ],
  ])("%s", (_name, data, pattern) => {
    expect(renderOutputs([display(data)]).html).toMatch(pattern);
  });

  it("trusted: removes the inlined plotly bundle, keeps the chart's own script, needs the shared bundle", () => {
    const html =
      '<script data-course-asset="plotly">var Plotly = {}; "<\\/script>";\n</script><div id="a"></div><script>Plotly.newPlot("a")</script>';
    const out = renderOutputs([display({ "text/html": html, "text/plain": "x" })], {
      trusted: true,
    });
    expect(out.html).not.toContain("data-course-asset");
    expect(out.html).toContain('<div id="a"></div><script>Plotly.newPlot("a")</script>');
    expect(out.html).toMatch(/^<figure class="output-chart output-plotly" aria-label="x">/);
    expect(out.needs).toEqual({ vega: false, plotly: true });
  });

  it("untrusted (the default): HTML is sanitised, a plotly script is not run and its image is shown", () => {
    const warnings: string[] = [];
    const warn = (message: string) => warnings.push(message);
    const table =
      '<table class="dl-table"><tr><td onclick="x()">1</td></tr></table><script>x()</script>';
    const plotly = '<div id="a"></div><script>Plotly.newPlot("a")</script>';
    const out = renderOutputs(
      [
        display({ "text/html": table, "text/plain": "t" }),
        display({ "text/html": plotly, "image/png": PNG, "text/plain": "surface" }),
        display({
          "text/html": "<script>x()</script><style>p{}</style>",
          "text/plain": "only a script",
        }),
      ],
      { trusted: false, warn },
    );
    expect(out.html).toContain(
      '<div class="output-html"><table class="dl-table"><tr><td>1</td></tr></table></div>',
    );
    expect(out.html).toMatch(
      /<div class="output-image-wrap"><img class="output-image" src="data:image\/png;base64,[^"]+" alt="surface"><\/div>/,
    );
    expect(out.html).toContain('<pre class="output-text">only a script</pre>');
    expect(out.html).not.toMatch(/<script|onclick|<style/);
    expect(out.needs).toEqual({ vega: false, plotly: false });
    expect(warnings).toEqual([
      "output 2 (text/html): a plotly chart's script, not run in an untrusted notebook",
      "output 3 (text/html): nothing is left once scripts and styles are removed (untrusted notebook)",
    ]);
  });

  it("merges streams, applies carriage returns, strips ANSI colours and escapes errors", () => {
    const out = renderOutputs([
      { output_type: "stream", name: "stdout", text: "epoch 1\repoch 2\n" },
      { output_type: "stream", name: "stdout", text: ["<script>x</script>\n"] },
      {
        output_type: "error",
        ename: "ShapeError",
        evalue: "bad <shape>",
        traceback: ["\u001b[31mShapeError: bad <shape>\u001b[0m"],
      },
    ]);
    expect(out.html).toContain(
      '<pre class="output-stream stdout">epoch 2\n&lt;script&gt;x&lt;/script&gt;\n</pre>',
    );
    expect(out.html).toContain(
      '<pre class="output-error" role="alert">ShapeError: bad &lt;shape&gt;</pre>',
    );
  });
});

describe("html helpers", () => {
  it("escapeHtml, stripAnsi, applyCarriageReturns, slugify", () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    expect(stripAnsi("\u001b[1;31mred\u001b[0m")).toBe("red");
    expect(applyCarriageReturns("10%\r50%\r100%\nnext")).toBe("100%\nnext");
    const taken = new Set<string>();
    expect([slugify("The XOR failure!", taken), slugify("The XOR failure", taken)]).toEqual([
      "the-xor-failure",
      "the-xor-failure-2",
    ]);
  });
});

describe("parseExportArgs(args)", () => {
  it("reads options and lessons", () => {
    expect(parseExportArgs(["--instructor", "--in", "a", "--out", "b", "3", "04-mlp"])).toEqual({
      instructor: true,
      input: "a",
      output: "b",
      lessons: [3, "04-mlp"],
    });
  });
  it.each([
    [["--bogus"], /unknown option --bogus/],
    [["--in"], /--in needs a folder/],
  ])("parseExportArgs(%j) throws", (args, message) => {
    expect(() => parseExportArgs(args)).toThrow(message);
  });
});

describe("renderOutputs(outputs, markdown)", () => {
  it("renders a text/markdown output (math included) with the page's markdown renderer", async () => {
    const md = await createMarkdownRenderer();
    const data = { "text/markdown": "**Accuracy** $a_1$: 97 %", "text/plain": "Accuracy: 97 %" };
    const out = renderOutputs([{ output_type: "display_data", data, metadata: {} }], {
      trusted: false,
      markdown: (source) => md(source, newMarkdownContext()),
    });
    expect(out.html).toMatch(
      /^<div class="output-markdown"><p><strong>Accuracy<\/strong> <span class="katex">/,
    );
  });
});

describe("learningGoals(notebook)", () => {
  const nb = (...markdown: string[]): Notebook => ({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: markdown.map((source) => ({ cell_type: "markdown", source, metadata: {} })),
  });
  it.each([
    [
      "a list under a heading",
      nb("# T\n\n## What you will learn\n\n- the rule $w$\n- the loss\n\nMore."),
      ["the rule $w$", "the loss"],
    ],
    ["a list after a bold line", nb("**You will learn:**\n1. one\n2. two"), ["one", "two"]],
    [
      "items wrapped over several lines",
      nb("**What you will learn**\n\n- to train an MLP with\n  `dl.train.fit`;\n- why\n\nMore."),
      ["to train an MLP with `dl.train.fit`;", "why"],
    ],
    [
      "a paragraph",
      nb("# T\n\nIntro.\n\n**In this lesson you will learn** how to\nrun cells.\n\nOther."),
      ["**In this lesson you will learn** how to run cells."],
    ],
    [
      "the topics otherwise",
      nb("# T\n\n## The neuron\n\ntext", "## Activations\n\n## Summary\n\n## Exercises"),
      ["The neuron", "Activations"],
    ],
  ])("reads %s", (_name, notebook, goals) => {
    expect(learningGoals(notebook)).toEqual(goals);
  });
});
