// The sanitiser (sanitize-html with the lessons' allow-list): what lessons show survives it whole
// (the engine's verdict, hint, prediction, error and table HTML, KaTeX's HTML + MathML + SVG), and
// every known way for markup to run code or load from elsewhere is removed.
import katex from "katex";
import { Parser } from "htmlparser2";
import { afterEach, describe, expect, it } from "vitest";
import { hint, resetHints } from "../../lib/exercises/hints";
import { exerciseIds, findExercise } from "../../lib/exercises/catalog";
import { predict } from "../../lib/exercises/predict";
import { verdictBundle } from "../../lib/exercises/render";
import { error as showError } from "../../lib/show/html";
import { formatTable } from "../../lib/show/table";
import { plainText, sanitizeHtml, sanitizeSvg } from "../../tools/export/sanitize";
import { recordDisplays } from "../show/recorder";
import { PNG } from "./hostile";
import { unsafeParts } from "./page-safety";

/** The element tree of `html` as [tag, sorted attributes] in document order, text dropped. */
function tree(html: string): string[] {
  const out: string[] = [];
  const parser = new Parser(
    {
      onopentag(tag, attribs) {
        const attrs = Object.entries(attribs)
          .map(([k, v]) => `${k}=${k === "style" ? v.replace(/\s|;$/g, "") : v}`)
          .sort();
        out.push(`${tag} ${attrs.join(" ")}`);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out;
}

/** The HTML that displaying with `show` sends (lib/show's display hook, recorded). */
function displayed(show: () => void): string {
  const { sent, restore } = recordDisplays();
  try {
    show();
  } finally {
    restore();
  }
  return sent.map((s) => s.data["text/html"] as string).join("");
}

describe("sanitizeHtml keeps what lessons show", () => {
  afterEach(() => resetHints());
  const id = exerciseIds().find((e) => findExercise(e)?.kind !== "prediction")!;
  const prediction = exerciseIds().find((e) => findExercise(e)?.kind === "prediction")!;

  it.each([
    [
      "a failed verdict with its case table",
      () =>
        verdictBundle({
          exercise: "02-update-rule",
          title: "One step <of> the rule",
          status: "failed",
          message: "Return a **new** array: `w.slice()` & then add",
          case: { name: "z = 0", input: "update([1], 0, [1], 1, 1)", expected: "[2]", got: "[1]" },
        })["text/html"] as string,
    ],
    ["a hint", () => displayed(() => hint(id))],
    ["a prediction", () => displayed(() => predict(prediction, 20))],
    ["an error box", () => displayed(() => showError(new RangeError("bad <range> & more")))],
    [
      "dl.show.table",
      () => formatTable([{ name: "Alice <A>", weight: 133.25 }], { title: "Data & more" }).html,
    ],
    [
      "KaTeX (HTML + MathML)",
      () =>
        katex.renderToString("\\frac{\\partial L}{\\partial w_1} = \\hat y - y", {
          output: "htmlAndMathml",
        }),
    ],
    [
      "KaTeX's SVG (a square root, an arrow)",
      () =>
        katex.renderToString("\\sqrt{x^2} \\xrightarrow{f} \\overbrace{a+b}", {
          displayMode: true,
        }),
    ],
    [
      "a task list and details",
      () =>
        '<ul><li><input type="checkbox" checked="" disabled=""> done</li></ul><details open=""><summary>More</summary><p>x</p></details>',
    ],
  ])("%s: the same elements, attributes and styles", (_name, html) => {
    const source = html();
    expect(source.length).toBeGreaterThan(20);
    expect(tree(sanitizeHtml(source))).toEqual(tree(source));
    expect(plainText(sanitizeHtml(source))).toBe(plainText(source));
  });
});

describe("sanitizeHtml removes what could run or load", () => {
  it.each([
    ['<b onclick="x()">hi</b>', "<b>hi</b>"],
    ["<script>alert(1)</script>after", "after"],
    ["<style>body{}</style><p>p</p>", "<p>p</p>"],
    ['<a href="javascript:alert(1)">x</a>', "<a>x</a>"],
    ['<a href=" java\tscript:alert(1)">x</a>', "<a>x</a>"],
    ['<a href="data:text/html,<script>x()</script>">x</a>', "<a>x</a>"],
    ['<a href="vbscript:x">x</a>', "<a>x</a>"],
    ['<a href="//evil.invalid/x">x</a>', "<a>x</a>"],
    [
      '<a href="https://example.com" target="_blank" rel="opener">x</a>',
      '<a href="https://example.com" target="_blank" rel="noopener noreferrer">x</a>',
    ],
    ['<a href="https://example.com" target="top">x</a>', '<a href="https://example.com">x</a>'],
    [
      '<img src="https://example.com/a.png" alt="A">',
      '<a class="external-image" href="https://example.com/a.png">image: A</a>',
    ],
    [
      '<img src="//example.com/a.png">',
      '<a class="external-image" href="https://example.com/a.png">image: //example.com/a.png</a>',
    ],
    ['<img src="javascript:x()" alt="j">', '<a class="external-image">image: j</a>'],
    ['<img src="data:image/png;base64,AAAA" onerror="x()">', ""],
    ['<img src="data:image/svg+xml;base64,PHN2Zz4=">', ""],
    [
      `<img src="data:image/png;base64,${PNG}" onerror="x()">`,
      `<img src="data:image/png;base64,${PNG}" />`,
    ],
    [
      `<img srcset="http://e.invalid/a 1x" src="data:image/png;base64,${PNG}">`,
      `<img src="data:image/png;base64,${PNG}" />`,
    ],
    ['<iframe src=x></iframe><div class="n">ok</div>', '<div class="n">ok</div>'],
    ['<object data="x"></object><embed src="x"><applet>a</applet>', "a"],
    [
      '<base href="http://e.invalid/"><meta http-equiv="refresh" content="0;url=x"><link rel="stylesheet" href="x">',
      "",
    ],
    ['<form action="http://e.invalid"><input name="q"><button>go</button></form>', "go"],
    [
      '<input type="image" src="http://e.invalid/a.png"><input type="checkbox">',
      '<input type="checkbox" disabled="" />',
    ],
    [
      '<svg><animate attributeName="href" values="javascript:x()"/><use href="http://e.invalid/#a"/><image href="http://e.invalid/a.png"/></svg>',
      "<svg></svg>",
    ],
    ['<svg><a xlink:href="javascript:x()"><text>t</text></a></svg>', "<svg><a>t</a></svg>"],
    ['<svg><foreignObject><img src=x onerror="x()"></foreignObject></svg>', "<svg></svg>"],
    [
      '<math><mtext><table><mglyph><style><img src=x onerror="x()"></style></mglyph></table></mtext></math>',
      "<math><mtext><table></table></mtext></math>",
    ],
    [
      '<math><annotation-xml encoding="text/html"><img src=x onerror="x()"></annotation-xml></math>',
      "<math></math>",
    ],
    ['<noscript><p title="</noscript><img src=x onerror=x()>"></noscript>', ""],
    [
      '<table background="http://e.invalid/a.png"><tr><td background="x">1</td></tr></table>',
      "<table><tr><td>1</td></tr></table>",
    ],
    [
      '<video poster="x" src="y"></video><audio src="z"></audio><picture><source srcset="a"></picture>',
      "",
    ],
    [
      '<div style="color:red;background:url(http://e.invalid/a.png)">s</div>',
      '<div style="color:red">s</div>',
    ],
    ["<div style=\"background-image:image-set('x.png' 1x)\">s</div>", "<div>s</div>"],
    [
      '<div style="color:expression(alert(1));width:calc(100% - 2px)">s</div>',
      '<div style="width:calc(100% - 2px)">s</div>',
    ],
    ['<div style="b\\61ckground:url(x)">s</div>', "<div>s</div>"],
    ['<div style="position:fixed;top:0;z-index:99">s</div>', '<div style="top:0">s</div>'],
    [
      '<div class="output-vegalite toc note" id="content">x</div><p id="a&quot;">y</p>',
      '<div class="note">x</div><p>y</p>',
    ],
    [
      '<p name="querySelector" data-x="1" tabindex="1" accesskey="a" contenteditable>p</p>',
      "<p>p</p>",
    ],
    ["<!-- <script>x()</script> --><p>p</p>", "<p>p</p>"],
    ["1 < 2 &amp; 3 > 2", "1 &lt; 2 &amp; 3 &gt; 2"],
    ["<custom-el onclick=x()>text</custom-el>", "text"],
    ["<div><b>unclosed", "<div><b>unclosed</b></div>"],
    ["</div></main><p>stray closers</p>", "<p>stray closers</p>"],
  ])("sanitizeHtml(%j) is %j", (input, expected) => {
    const out = sanitizeHtml(input);
    expect(out).toBe(expected);
    expect(unsafeParts(out)).toEqual([]);
  });

  it("the inline profile (table of contents) keeps phrasing only: no links, images, blocks", () => {
    expect(
      sanitizeHtml('<a href="#x">A</a> <img src=x> <b>B</b> <div>C</div> <code>D</code>', {
        inline: true,
      }),
    ).toBe("A  <b>B</b> C <code>D</code>");
  });
});

describe("sanitizeSvg(svg): an SVG image without scripts or outside references", () => {
  it.each([
    [
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2" onload="x()"><script>x()</script><rect width="1" height="1" fill="url(#g)"/></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><rect width="1" height="1" fill="url(#g)"></rect></svg>',
    ],
    [
      '<svg><image href="http://e.invalid/a.png"/><image xlink:href="x.png"/><use href="#a"/></svg>',
      "<svg><image></image><image></image></svg>",
    ],
    [
      `<svg><image href="data:image/png;base64,${PNG}"/></svg>`,
      `<svg><image href="data:image/png;base64,${PNG}"></image></svg>`,
    ],
    [
      '<svg><style>@import url(http://e.invalid/a.css)</style><g style="fill:url(http://e.invalid/f)" clip-path="url(#c)"><text>a &lt; b</text></g></svg>',
      '<svg><g clip-path="url(#c)"><text>a &lt; b</text></g></svg>',
    ],
    [
      '<svg><foreignObject><div>x</div></foreignObject><a href="http://e.invalid"><text>t</text></a></svg>',
      "<svg><text>t</text></svg>",
    ],
  ])("sanitizeSvg(%j) is %j", (input, expected) => {
    expect(sanitizeSvg(input)).toBe(expected);
  });
});
