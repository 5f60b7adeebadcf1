// Cell outputs to HTML, by MIME priority, as a notebook front end would show them:
// vega-lite (interactive, with its SVG/PNG shown until the chart is drawn) > plotly/HTML > markdown
// (rendered as a markdown cell) > LaTeX > SVG > PNG/JPEG > JSON > plain text (JupyterLab's order).
// Text and errors are always escaped, never interpreted.
import { applyCarriageReturns, escapeHtml, jsonForScript, stripAnsi } from "./html";
import { joinText, type Output } from "./notebook";
import { renderTex } from "./math";

/** Which shared scripts a page must load for its outputs. */
export interface Needs {
  vega: boolean;
  plotly: boolean;
}

/** The HTML of a cell's outputs and the scripts they need. */
export interface RenderedOutputs {
  html: string;
  needs: Needs;
}

const VEGALITE = /^application\/vnd\.vegalite\.v\d+\+json$/;
/** The plotly bundle that a notebook's first plotly output inlines; the site loads one shared copy instead. */
const PLOTLY_ASSET =
  /<script\b[^>]*\bdata-course-asset\s*=\s*["']?plotly["']?[^>]*>[\s\S]*?<\/script\s*>/gi;

function text(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.join("");
  return JSON.stringify(value, null, 2);
}

function imageTag(mime: string, data: string, alt: string): string {
  const base64 =
    mime === "image/svg+xml"
      ? Buffer.from(data, "utf8").toString("base64")
      : data.replace(/\s/g, "");
  return `<img class="output-image" src="data:${mime};base64,${base64}" alt="${escapeHtml(alt)}">`;
}

function fallbackImage(data: Record<string, unknown>, alt: string): string {
  for (const mime of ["image/svg+xml", "image/png", "image/jpeg"]) {
    if (data[mime] !== undefined) return imageTag(mime, text(data[mime]), alt);
  }
  return `<pre class="output-text">${escapeHtml(alt)}</pre>`;
}

function vegaLite(spec: unknown, data: Record<string, unknown>, alt: string): string {
  const specJson = typeof spec === "string" ? JSON.parse(spec) : spec;
  return (
    `<figure class="output-chart output-vegalite">` +
    `<div class="vega-target"></div>` +
    `<div class="chart-fallback">${fallbackImage(data, alt)}</div>` +
    `<figcaption class="visually-hidden">${escapeHtml(alt)}</figcaption>` +
    `<script type="application/json" class="vega-spec">${jsonForScript(specJson)}</script>` +
    `</figure>`
  );
}

function plotlyJson(figure: unknown, alt: string): string {
  return (
    `<figure class="output-chart output-plotly" aria-label="${escapeHtml(alt)}">` +
    `<div class="plotly-target"></div>` +
    `<script type="application/json" class="plotly-spec">${jsonForScript(figure)}</script></figure>`
  );
}

/** Renders a display_data / execute_result bundle. */
export function renderBundle(
  data: Record<string, unknown>,
  needs: Needs,
  markdown?: (source: string) => string,
): string {
  const alt = data["text/plain"] === undefined ? "chart" : text(data["text/plain"]);
  const vegaMime = Object.keys(data).find((mime) => VEGALITE.test(mime));
  if (vegaMime !== undefined) {
    needs.vega = true;
    return vegaLite(data[vegaMime], data, alt);
  }
  if (data["application/vnd.plotly.v1+json"] !== undefined) {
    needs.plotly = true;
    return plotlyJson(data["application/vnd.plotly.v1+json"], alt);
  }
  if (data["text/html"] !== undefined)
    return renderHtmlOutput(text(data["text/html"]), data, alt, needs);
  if (data["text/markdown"] !== undefined && markdown !== undefined) {
    return `<div class="output-markdown">${markdown(text(data["text/markdown"]))}</div>`;
  }
  if (data["text/latex"] !== undefined) {
    const tex = text(data["text/latex"]).replace(/^\s*\$\$?|\$\$?\s*$/g, "");
    return `<div class="output-latex">${renderTex({ tex, display: true })}</div>`;
  }
  for (const mime of ["image/svg+xml", "image/png", "image/jpeg", "image/gif"]) {
    if (data[mime] !== undefined)
      return `<div class="output-image-wrap">${imageTag(mime, text(data[mime]), alt)}</div>`;
  }
  if (data["application/json"] !== undefined) {
    return `<pre class="output-text">${escapeHtml(text(data["application/json"]))}</pre>`;
  }
  return `<pre class="output-text">${escapeHtml(stripAnsi(alt))}</pre>`;
}

/**
 * An HTML output, trusted as Jupyter trusts an executed notebook's outputs (tables, verdicts, plotly).
 * The plotly bundle inlined in the first plotly output is removed: pages load the site's one copy.
 */
function renderHtmlOutput(
  html: string,
  data: Record<string, unknown>,
  alt: string,
  needs: Needs,
): string {
  const withoutBundle = html.replace(PLOTLY_ASSET, "");
  const isPlotly = withoutBundle !== html || /\bPlotly\.(newPlot|react|plot)\b/.test(html);
  if (!isPlotly) return `<div class="output-html">${withoutBundle}</div>`;
  needs.plotly = true;
  const svg = data["image/svg+xml"];
  const noscript =
    svg === undefined ? "" : `<noscript>${imageTag("image/svg+xml", text(svg), alt)}</noscript>`;
  return `<figure class="output-chart output-plotly" aria-label="${escapeHtml(alt)}">${withoutBundle}${noscript}</figure>`;
}

function renderError(output: Output): string {
  const traceback = stripAnsi((output.traceback ?? []).join("\n"));
  const head = `${output.ename ?? "Error"}: ${output.evalue ?? ""}`;
  const body = traceback.includes(output.evalue ?? "\u0000") ? traceback : `${head}\n${traceback}`;
  return `<pre class="output-error" role="alert">${escapeHtml(body.trim() || head)}</pre>`;
}

/** Merges consecutive stream outputs of the same stream, as Jupyter shows them. */
function mergeStreams(outputs: Output[]): Output[] {
  const merged: Output[] = [];
  for (const output of outputs) {
    const prev = merged[merged.length - 1];
    if (
      output.output_type === "stream" &&
      prev?.output_type === "stream" &&
      prev.name === output.name
    ) {
      merged[merged.length - 1] = { ...prev, text: joinText(prev.text) + joinText(output.text) };
    } else merged.push(output);
  }
  return merged;
}

/**
 * Renders a code cell's outputs in order (the runner stores update_display outputs in their final state).
 * Example: `renderOutputs([{ output_type: "stream", name: "stdout", text: "1 < 2\n" }]).html`
 * is `<pre class="output-stream stdout">1 &lt; 2\n</pre>`.
 */
export function renderOutputs(
  outputs: Output[],
  markdown?: (source: string) => string,
): RenderedOutputs {
  const needs: Needs = { vega: false, plotly: false };
  const parts = mergeStreams(outputs).map((output) => {
    switch (output.output_type) {
      case "stream": {
        const body = applyCarriageReturns(stripAnsi(joinText(output.text)));
        // A blank stream (tslab prints an empty line for a quiet last expression) shows nothing.
        if (body.trim() === "") return "";
        return `<pre class="output-stream ${output.name === "stderr" ? "stderr" : "stdout"}">${escapeHtml(body)}</pre>`;
      }
      case "error":
        return renderError(output);
      case "display_data":
      case "execute_result":
        return renderBundle(output.data ?? {}, needs, markdown);
      default:
        return "";
    }
  });
  return { html: parts.join("\n"), needs };
}
