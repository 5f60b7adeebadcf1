/**
 * Charts side by side in one output (lesson 7: a source layer beside its convolution, an image
 * beside its feature maps). Each chart keeps its own data, size and colour scale.
 *
 * Example:
 *   dl.show.chart(dl.plot.beside([dl.plot.heatmap(source), dl.plot.heatmap(destination)]));
 */
import { ArgumentError } from "../errors";
import { type ChartOptions, type VegaLiteSpec, base } from "./spec";

/**
 * One chart of `specs` placed left to right (Vega-Lite `hconcat`), with independent colour scales;
 * each spec's own `$schema` and `config` are dropped in favour of the house ones. Lesson 7.
 */
export function beside(specs: readonly VegaLiteSpec[], options: ChartOptions = {}): VegaLiteSpec {
  if (!Array.isArray(specs) || specs.length === 0) {
    throw new ArgumentError("beside: expected a non-empty array of chart specs");
  }
  const parts = specs.map((spec) => {
    const { $schema: _schema, config: _config, ...rest } = spec;
    return rest;
  });
  const description =
    options.description ??
    parts
      .map((p) => (typeof p.description === "string" ? p.description : "a chart"))
      .join("; beside it, ");
  const top = base({ ...options, description });
  delete top.width;
  delete top.height;
  return {
    ...top,
    hconcat: parts,
    spacing: 24,
    resolve: { scale: { color: "independent" } },
  };
}
