// Crafted executed notebooks that try every way notebook text reaches a page: markup in headings
// (the table of contents), titles, summaries, goals, exercise titles, alt texts, execution counts,
// image data, file names, link hrefs, chart specs (with `</script>` and `<!--` inside), fallback
// SVGs, HTML/markdown/LaTeX outputs. Each script payload sets a `window.__xss_<name>` marker and
// each remote resource is `http://evil.invalid/<name>`, so a browser test can say which one got through.
import * as fs from "node:fs";
import * as path from "node:path";

/** A valid 1x1 PNG. */
export const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const EVIL = "http://evil.invalid";
const run = (name: string): string => `window.__xss_${name}=1`;
const onerror = (name: string): string => `<img src=x onerror="${run(name)}">`;

const markdown = (source: string, tags: string[] = []) => ({
  cell_type: "markdown",
  metadata: { tags },
  source,
});
const code = (source: string, outputs: unknown[], count: unknown = 1, tags: string[] = []) => ({
  cell_type: "code",
  metadata: { tags },
  source,
  execution_count: count,
  outputs,
});
const display = (data: Record<string, unknown>) => ({
  output_type: "display_data",
  data,
  metadata: {},
});

const SVG_PAYLOAD =
  `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" onload="${run("svg_onload")}">` +
  `<script>${run("svg_script")}</script><style>@import url(${EVIL}/svg-import.css);</style>` +
  `<image href="${EVIL}/svg-image.png" width="10" height="10"/>` +
  `<foreignObject width="10" height="10"><img xmlns="http://www.w3.org/1999/xhtml" src="${EVIL}/svg-fo.png"/></foreignObject>` +
  `<rect width="120" height="40" fill="#4477aa"/><text x="5" y="25">fallback</text></svg>`;

/** A vega-lite chart that still draws once its URLs, usermeta and image mark are removed. */
const VEGA_SPEC = {
  $schema: "https://vega.github.io/schema/vega-lite/v5.json",
  title: "</script><script>window.__xss_spec=1</script><!-- a title",
  usermeta: {
    embedOptions: {
      loader: { baseURL: `${EVIL}/` },
      patch: [{ op: "add", path: "/data/0/url", value: `${EVIL}/patched.json` }],
    },
  },
  layer: [
    {
      data: { url: `${EVIL}/vega-data.json` },
      mark: "point",
      encoding: { x: { field: "a", type: "quantitative" } },
    },
    {
      data: {
        values: [
          { a: 1, b: 2, u: `${EVIL}/vega-mark.png`, h: `javascript:${run("vega_href")}` },
          { a: 2, b: 3, u: `${EVIL}/vega-mark2.png`, h: "x" },
        ],
      },
      mark: { type: "image", width: 10, height: 10 },
      encoding: {
        x: { field: "a", type: "quantitative" },
        y: { field: "b", type: "quantitative" },
        url: { field: "u" },
        href: { field: "h" },
      },
    },
    {
      data: {
        values: [
          { a: 1, b: 2 },
          { a: 2, b: 3 },
        ],
      },
      mark: "line",
      encoding: {
        x: { field: "a", type: "quantitative" },
        y: { field: "b", type: "quantitative" },
      },
    },
  ],
};

const PLOTLY_FIGURE = {
  data: [
    {
      type: "scatter",
      x: [1, 2, 3],
      y: [2, 1, 3],
      name: "</script><script>window.__xss_plotly=1</script>",
    },
    { type: "scattergeo", lon: [0], lat: [0] },
  ],
  layout: {
    title: { text: "<!-- a plotly chart </script>" },
    images: [{ source: `${EVIL}/plotly-image.png`, x: 0, y: 0, sizex: 1, sizey: 1 }],
    geo: { scope: "world" },
    height: 300,
  },
  config: { topojsonURL: `${EVIL}/topojson/` },
};

const HTML_OUTPUT =
  `<img src="${EVIL}/html-img.png" alt="remote"><script>${run("html_script")}</script>` +
  `<link rel="stylesheet" href="${EVIL}/html-link.css"><style>body{background:url(${EVIL}/html-style.png)}</style>` +
  `<div onclick="${run("html_onclick")}" style="background:url(${EVIL}/html-bg.png);color:#1f2328;background-color:#e8f5e9">` +
  `<b>✓ kept:</b> <code>a &lt; b</code></div><iframe src="${EVIL}/html-frame"></iframe>` +
  `<table class="dl-table"><caption>kept table</caption><tr><th>x</th></tr><tr><td style="text-align:right">1</td></tr></table>`;

function lessonNotebook(): unknown {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      course: {
        lesson: 1,
        title: `</title><script>${run("title")}</script> Hostile "lesson"`,
        summary: `A summary ${onerror("summary")} with [a link](javascript:${run("summary_link")}).`,
      },
    },
    cells: [
      markdown(
        `# Hostile lesson\n\n**What you will learn**\n\n- a goal ${onerror("goal")}\n- [goal link](javascript:${run("goal_link")})\n`,
      ),
      markdown(`## Heading ${onerror("toc_img")}`),
      markdown(`## <svg onload="${run("toc_svg")}"><circle r="5"/></svg> SVG heading`),
      markdown(`## [A link](javascript:${run("toc_md_link")}) heading`),
      markdown(
        `### <a href="javascript:${run("toc_a")}">Anchor</a> <b onmouseover="${run("toc_b")}">bold</b> $x_1$`,
      ),
      markdown(
        [
          `<img src="${EVIL}/md-img.png" alt="remote">`,
          `![remote markdown image](${EVIL}/md-image.png)`,
          `<picture><source srcset="${EVIL}/md-srcset.png"><img src="${EVIL}/md-picture.png"></picture>`,
          `<link rel="stylesheet" href="${EVIL}/md-link.css">`,
          `<style>@import url(${EVIL}/md-import.css);</style>`,
          `<div style="background:url(${EVIL}/md-css-bg.png)">css background</div>`,
          `<svg><image href="${EVIL}/md-svg-image.png"/><use href="${EVIL}/md-use.svg#x"/><animate attributeName="href" values="javascript:${run("animate")}"/></svg>`,
          `<iframe src="${EVIL}/md-frame"></iframe><object data="${EVIL}/md-object"></object><embed src="${EVIL}/md-embed">`,
          `<base href="${EVIL}/"><meta http-equiv="refresh" content="0;url=${EVIL}/md-refresh">`,
          `<form action="${EVIL}/md-form"><button>go</button></form>`,
          `<table background="${EVIL}/md-table-bg.png"><tr><td>cell</td></tr></table>`,
          `<video poster="${EVIL}/md-poster.png"></video><audio src="${EVIL}/md-audio.mp3"></audio>`,
          `<input type="image" src="${EVIL}/md-input.png">`,
          `<a href="javascript:${run("md_link")}">click</a> <a href=" JaVa\tScRiPt:${run("md_link2")}">click</a>`,
          `<math><mtext><table><mglyph><style><img src=x onerror="${run("mxss")}"></style></mglyph></table></mtext></math>`,
          `<noscript><p title="</noscript><img src=x onerror=${run("noscript")}>"></noscript>`,
          `<img alt="$x_1 < y$" src="data:image/png;base64,${PNG}"> <a title="$\\frac{a}{b}$" href="#hostile-lesson">math in attributes</a>`,
        ].join("\n\n"),
      ),
      {
        ...markdown("![attachment](attachment:bad.png)"),
        attachments: { "bad.png": { "image/png": `AAAA" onerror="${run("attachment")}` } },
      },
      code(
        `// an execution count that is not a number`,
        [],
        `1"><img src=x onerror="${run("count")}">`,
      ),
      code(`// a PNG whose data breaks out of the attribute`, [
        display({ "image/png": `iVBOR" onerror="${run("png")}`, "text/plain": "bad png" }),
      ]),
      code(`// alt text with quotes`, [
        display({ "image/png": PNG, "text/plain": `a" onerror="${run("alt")}` }),
      ]),
      code(`// a vega-lite chart naming URLs`, [
        display({
          "application/vnd.vegalite.v5+json": VEGA_SPEC,
          "image/svg+xml": SVG_PAYLOAD,
          "text/plain": "a layered chart",
        }),
      ]),
      code(`// a plotly figure naming URLs`, [
        display({ "application/vnd.plotly.v1+json": PLOTLY_FIGURE, "text/plain": "a plotly line" }),
      ]),
      code(`// an HTML output`, [display({ "text/html": HTML_OUTPUT, "text/plain": "html" })]),
      code(`// an SVG output`, [display({ "image/svg+xml": SVG_PAYLOAD, "text/plain": "an svg" })]),
      code(`// a plotly chart as a script only`, [
        display({
          "text/html": `<div id="p1"></div><script>${run("plotly_html")};Plotly.newPlot("p1",[{y:[1,2]}])</script>`,
          "image/svg+xml": SVG_PAYLOAD,
          "text/plain": "plotly as html",
        }),
      ]),
      code(`// markdown and LaTeX outputs`, [
        display({
          "text/markdown": `### Output heading ${onerror("md_output")}`,
          "text/plain": "md",
        }),
        display({
          "text/latex": `$\\href{javascript:${run("tex_href")}}{x} \\includegraphics{${EVIL}/tex.png} \\url{${EVIL}/tex-url}$`,
          "text/plain": "tex",
        }),
      ]),
      code(`// text`, [
        {
          output_type: "stream",
          name: "stdout",
          text: `</pre><script>${run("stream")}</script>\n`,
        },
        {
          output_type: "error",
          ename: `<b>Err</b>`,
          evalue: onerror("error"),
          traceback: [onerror("traceback")],
        },
      ]),
      markdown(`**Exercise ${onerror("exercise")} \`01-x\`.** Do it.`, ["exercise"]),
      code(`dl.check.x(1)`, [], null, ["exercise", `"><script>${run("tag")}</script>`]),
    ],
  };
}

/** A second notebook, its name itself hostile (quotes and brackets are legal in file names). */
function namedNotebook(): unknown {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { course: { lesson: 2, title: "Named", summary: "s" } },
    cells: [markdown("# Named\n\n## One")],
  };
}

export const HOSTILE_FILES = [
  "01-hostile.ipynb",
  `02-"><img src=x onerror=${run("file")}>#?.ipynb`,
];

/** Writes the crafted executed notebooks into `dir` (an export's input folder). */
export function writeHostileNotebooks(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, HOSTILE_FILES[0]), JSON.stringify(lessonNotebook(), null, 1));
  fs.writeFileSync(path.join(dir, HOSTILE_FILES[1]), JSON.stringify(namedNotebook(), null, 1));
}
