/**
 * Shows a Vega-Lite chart as ONE output carrying four formats: the spec
 * (`application/vnd.vegalite.v5+json`, interactive in JupyterLab and VS Code), a static SVG rendered
 * in Node (`image/svg+xml`, for Notebook 6, nbconvert and plain viewers), a PNG of that SVG
 * (`image/png`, for untrusted notebooks in Notebook 6 and PNG-only viewers) and a description
 * (`text/plain`, the alt text; all that prints outside a kernel).
 *
 * Example:
 *   dl.show.chart(dl.plot.line({ loss: [1, 0.5, 0.2] }), { description: "The loss falls." });
 */
import type { VegaLiteSpec } from "../plot/spec";
import { type MimeBundle, displayBundle } from "./display";
import { renderPng } from "./render-png";
import { renderSvg } from "./render-svg";
import { expectOptions } from "../errors";

/** Options of `chart`: `description` overrides the spec's own (the alt text). */
export interface ChartDisplayOptions {
  description?: string;
  /** Update the output with this display id in place instead of adding one. */
  displayId?: string;
  update?: boolean;
  /** Add the PNG copy (default true; the live training display adds it to its final state only). */
  png?: boolean;
}

/** The MIME bundle of a chart (spec + SVG + text), without sending it. */
export function chartBundle(spec: VegaLiteSpec, options: ChartDisplayOptions = {}): MimeBundle {
  expectOptions("chart", spec, "spec (a Vega-Lite spec from dl.plot)");
  expectOptions("chart", options);
  const description =
    options.description ?? (typeof spec.description === "string" ? spec.description : "A chart");
  let svg: string;
  try {
    svg = renderSvg(spec);
  } catch (e) {
    svg = errorSvg(e instanceof Error ? e.message : String(e));
  }
  const png = options.png === false ? null : renderPng(svg);
  return {
    "application/vnd.vegalite.v5+json": spec,
    "image/svg+xml": svg,
    ...(png === null ? {} : { "image/png": png }),
    "text/plain": description,
  };
}

/** Displays a Vega-Lite spec (see the module comment for what goes out). */
export function chart(spec: VegaLiteSpec, options: ChartDisplayOptions = {}): void {
  displayBundle(chartBundle(spec, options), {
    displayId: options.displayId,
    update: options.update,
  });
}

function errorSvg(message: string): string {
  const text = message.replace(
    /[<>&]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;" })[c] ?? c,
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="40">` +
    `<text x="4" y="24" fill="#D55E00" font-family="sans-serif" font-size="12">` +
    `Chart could not be rendered: ${text.slice(0, 200)}</text></svg>`
  );
}
