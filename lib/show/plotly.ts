/**
 * Shows a Plotly figure (3-d loss surfaces, rich interaction) as `text/html`, drawn by the plotly.js
 * bundle read from the project's node_modules (never a CDN). The bundle is embedded once per kernel
 * session, in the first Plotly output, as `<script data-course-asset="plotly">` (the exporter removes
 * exactly those elements and loads the bundle once per site); later outputs reuse `window.Plotly`,
 * and every chart's script waits until Plotly exists. The same output carries the figure as
 * `application/vnd.plotly.v1+json` (what JupyterLab's and VS Code's plotly renderers, and the exported
 * site, draw without running the output's script), a static SVG fallback (the spec's `fallback`, a
 * Vega-Lite view) and the description as `text/plain`.
 *
 * Example:
 *   dl.show.plotly(dl.plot.lossSurface(f, { path }));
 */
import type { PlotlySpec } from "../plot/spec";
import { chartBundle } from "./chart";
import { type MimeBundle, displayBundle, isInKernel } from "./display";
import { ArgumentError, expectOptions } from "../errors";
import { plotlySource } from "./plotly-asset";

/** Whether this kernel session has already sent the bundle (one kernel = one module instance). */
const session = { plotlyEmbedded: false, count: 0, stamp: Date.now().toString(36) };

/** Forgets that the bundle was sent (tests; or after the page that held it was reloaded). */
export function resetPlotlySession(): void {
  session.plotlyEmbedded = false;
}

/** The plotly.js bundle wrapped in its asset script element ("" where the page has plotly). */
function assetScript(): string {
  const source = plotlySource()?.replace(/<\/script/gi, "<\\/script");
  return source === undefined ? "" : `<script data-course-asset="plotly">${source}\n</script>\n`;
}

/** The chart's own markup: a div and a script that draws once `window.Plotly` exists. */
function chartMarkup(spec: PlotlySpec, id: string): string {
  const figure = JSON.stringify({ data: spec.data, layout: spec.layout }).replace(/</g, "\\u003c");
  const height = typeof spec.layout.height === "number" ? spec.layout.height : 480;
  return (
    `<div id="${id}" class="dl-plotly" style="width:100%;max-width:760px;height:${height}px"></div>\n` +
    `<script>(function () {\n` +
    `  var fig = ${figure}, tries = 0;\n` +
    `  function draw() {\n` +
    `    var el = document.getElementById("${id}");\n` +
    `    if (el && window.Plotly) { window.Plotly.newPlot(el, fig.data, fig.layout, { displaylogo: false, responsive: true }); }\n` +
    `    else if (tries++ < 400) { setTimeout(draw, 50); }\n` +
    `    else if (el) { el.textContent = "Plotly did not load: re-run the notebook from the top to draw this chart."; }\n` +
    `  }\n` +
    `  draw();\n` +
    `})();</script>`
  );
}

/** The bundle of one Plotly output (marks the session as having the asset when it includes it). */
export function plotlyBundle(spec: PlotlySpec): MimeBundle {
  expectOptions("plotly", spec, "spec (a Plotly figure from dl.plot)");
  if (!Array.isArray(spec.data) || typeof spec.layout !== "object" || spec.layout === null) {
    throw new ArgumentError("plotly: spec must be a Plotly figure { data: [...], layout: {...} }");
  }
  const id = `dl-plotly-${session.stamp}-${++session.count}`;
  let markup = chartMarkup(spec, id);
  if (!session.plotlyEmbedded) {
    markup = assetScript() + markup;
    session.plotlyEmbedded = true;
  }
  const bundle: MimeBundle = {
    "application/vnd.plotly.v1+json": { data: spec.data, layout: spec.layout },
    "text/html": markup,
    "text/plain": spec.description,
  };
  if (spec.fallback !== undefined) {
    const fallback = chartBundle(spec.fallback);
    bundle["image/svg+xml"] = fallback["image/svg+xml"];
    if (fallback["image/png"] !== undefined) bundle["image/png"] = fallback["image/png"];
  }
  return bundle;
}

/** Displays a Plotly figure (see the module comment). Outside a kernel it prints the description. */
export function plotly(spec: PlotlySpec): void {
  expectOptions("plotly", spec, "spec (a Plotly figure from dl.plot)");
  if (!isInKernel()) {
    displayBundle({ "text/plain": spec.description });
    return;
  }
  displayBundle(plotlyBundle(spec));
}
