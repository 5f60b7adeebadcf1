/**
 * What every chart builder shares: the spec types, the Okabe–Ito palette (safe for the common forms
 * of colour blindness), and the defaults (size, fonts) that make charts look alike across lessons.
 *
 * Example:
 *   const spec: VegaLiteSpec = { ...base({ title: "Loss", description: "…" }), mark: "line" };
 */
import { ArgumentError, expectOptions } from "../errors";
import { describeValue } from "../format-value";

/** A Vega-Lite 5 specification (a JSON object, shown by `dl.show.chart`). */
export type VegaLiteSpec = Record<string, unknown>;

/** A Plotly figure (`data` traces and `layout`), shown by `dl.show.plotly`. */
export interface PlotlySpec {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
  /** Alt text: what the chart shows, sent as text/plain. */
  description: string;
  /** A static Vega-Lite view of the same content, rendered to SVG as the fallback. */
  fallback?: VegaLiteSpec;
}

/** Okabe & Ito (2008): eight colours distinguishable with any common colour-vision deficiency. */
export const OKABE_ITO: readonly string[] = Object.freeze([
  "#0072B2", // blue
  "#E69F00", // orange
  "#009E73", // bluish green
  "#D55E00", // vermillion
  "#CC79A7", // reddish purple
  "#56B4E9", // sky blue
  "#F0E442", // yellow
  "#000000", // black
]);

/** Options every builder accepts. */
export interface ChartOptions {
  title?: string;
  width?: number;
  height?: number;
  /** Alt text; builders write a sensible one when omitted. */
  description?: string;
}

/** The top of a spec: schema, title, description, size and the house config. */
export function base(options: ChartOptions & { description: string }): VegaLiteSpec {
  expectOptions("base", options);
  const spec: VegaLiteSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: options.description,
    width: options.width ?? 360,
    height: options.height ?? 240,
    config: {
      range: { category: [...OKABE_ITO] },
      font: "Helvetica, Arial, sans-serif",
      axis: { labelFontSize: 11, titleFontSize: 12 },
      view: { stroke: null },
    },
  };
  if (options.title !== undefined) spec.title = options.title;
  return spec;
}

/** A colour scale mapping `domain` to the palette in order (stable colours for class names). */
export function categoryScale(domain: readonly (string | number)[]): Record<string, unknown> {
  if (!Array.isArray(domain as unknown)) {
    throw new ArgumentError(`categoryScale: domain must be an array, got ${describeValue(domain)}`);
  }
  return { domain: [...domain], range: domain.map((_, i) => OKABE_ITO[i % OKABE_ITO.length]) };
}

/** Rounds for display: 4 significant digits, no trailing noise. */
export function round(x: number, digits = 4): number {
  return Number.isFinite(x) ? Number(x.toPrecision(digits)) : x;
}
