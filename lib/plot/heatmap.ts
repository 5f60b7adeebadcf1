/**
 * Heatmaps of a matrix (optionally with each value written in its cell, as in the lecture's
 * convolution example) and grids of small images: conv kernels, feature maps, digits with labels
 * (lesson 7).
 *
 * Example:
 *   dl.show.chart(dl.plot.heatmap([[4, 1], [7, 8]], { showValues: true }));
 *   dl.show.chart(dl.plot.imageGrid(digits, { labels: ["0", "1", "2"] }));
 */
import { ArgumentError, expectOptions } from "../errors";
import { type NumericInput, toImages, toMatrix, smallest, largest } from "./arrays";
import { type ChartOptions, type VegaLiteSpec, base, round } from "./spec";

/** Options of `heatmap`. */
export interface HeatmapOptions extends ChartOptions {
  /** Write each value in its cell (default: when the matrix has at most 12 × 12 cells). */
  showValues?: boolean;
  /** A Vega colour scheme; default "blues" (or "blueorange" centred on 0 when values change sign). */
  scheme?: string;
  xLabel?: string;
  yLabel?: string;
}

function cellSize(rows: number, cols: number): number {
  return Math.max(12, Math.min(48, Math.floor(360 / Math.max(rows, cols))));
}

function colorFor(values: number[], scheme: string | undefined): Record<string, unknown> {
  const lo = smallest(values);
  const hi = largest(values);
  if (scheme !== undefined) return { scheme };
  if (lo < 0 && hi > 0) return { scheme: "blueorange", domainMid: 0 };
  return { scheme: "blues" };
}

/** A matrix [rows, cols] as coloured cells, row 0 at the top. */
export function heatmap(matrix: NumericInput, options: HeatmapOptions = {}): VegaLiteSpec {
  expectOptions("heatmap", options);
  const m = toMatrix(matrix, "heatmap");
  const rows = m.length;
  const cols = m[0]?.length ?? 0;
  if (rows === 0 || cols === 0) throw new ArgumentError("heatmap: matrix is empty");
  const values = m.flatMap((r, i) => r.map((v, j) => ({ row: i, col: j, value: round(v) })));
  const size = cellSize(rows, cols);
  const flat = values.map((v) => v.value);
  const description =
    options.description ??
    `Heatmap of a ${rows}×${cols} matrix, values from ${smallest(flat)} to ${largest(flat)}`;
  const encoding = {
    x: {
      field: "col",
      type: "ordinal",
      title: options.xLabel ?? "column",
      axis: { labelAngle: 0 },
    },
    y: { field: "row", type: "ordinal", title: options.yLabel ?? "row" },
  };
  const layers: VegaLiteSpec[] = [
    {
      mark: "rect",
      encoding: {
        ...encoding,
        color: {
          field: "value",
          type: "quantitative",
          title: "value",
          scale: colorFor(flat, options.scheme),
        },
        tooltip: [{ field: "row" }, { field: "col" }, { field: "value" }],
      },
    },
  ];
  if (options.showValues ?? rows * cols <= 144) {
    const lo = smallest(flat);
    const hi = largest(flat);
    // White text on dark cells: the far ends of a diverging scale, the top of a sequential one.
    const dark =
      lo < 0 && hi > 0
        ? `abs(datum.value) > ${0.55 * Math.max(-lo, hi)}`
        : `datum.value > ${lo + 0.55 * (hi - lo)}`;
    layers.push({
      mark: { type: "text", fontSize: Math.min(14, size / 2.6) },
      encoding: {
        ...encoding,
        text: { field: "value", type: "quantitative" },
        color: { condition: { test: dark, value: "white" }, value: "black" },
      },
    });
  }
  return {
    ...base({
      ...options,
      width: options.width ?? cols * size,
      height: options.height ?? rows * size,
      description,
    }),
    data: { values },
    layer: layers,
  };
}

/** Options of `imageGrid`. */
export interface ImageGridOptions extends ChartOptions {
  /** One caption per image (e.g. the digit's label or "filter 3"). */
  labels?: readonly (string | number)[];
  /** Images per row (default: up to 8). */
  columns?: number;
  /** Vega colour scheme (default "greys", ink dark). */
  scheme?: string;
  /** Pixel size in screen pixels (default: fits ~64 px per image). */
  pixel?: number;
}

/** Several small images [N, H, W] (or [N, 1, H, W]) in a grid, one shared colour scale, each captioned. */
export function imageGrid(
  images: NumericInput | readonly NumericInput[],
  options: ImageGridOptions = {},
): VegaLiteSpec {
  expectOptions("imageGrid", options);
  const ims = toImages(images, "imageGrid");
  if (ims.length === 0) throw new ArgumentError("imageGrid: no images");
  const h = ims[0].length;
  const w = ims[0][0]?.length ?? 0;
  const labels = options.labels ?? ims.map((_, i) => i);
  if (labels.length !== ims.length) {
    throw new ArgumentError(`imageGrid: got ${labels.length} labels for ${ims.length} images`);
  }
  const pixel = options.pixel ?? Math.max(2, Math.floor(64 / Math.max(h, w)));
  const values = ims.flatMap((im, n) =>
    im.flatMap((r, i) =>
      r.map((v, j) => ({ image: n, caption: String(labels[n]), row: i, col: j, value: round(v) })),
    ),
  );
  const description =
    options.description ??
    `${ims.length} images of ${h}×${w} pixels, captioned ${labels.slice(0, 10).join(", ")}${labels.length > 10 ? ", …" : ""}`;
  const top = base({ ...options, description });
  delete top.width;
  delete top.height;
  return {
    ...top,
    data: { values },
    // The header shows the caption of image n: a lookup in the captions array (captions may repeat).
    facet: {
      field: "image",
      type: "ordinal",
      header: {
        title: null,
        labelExpr: `${JSON.stringify(labels.map(String))}[datum.value]`,
        labelFontSize: 11,
      },
    },
    columns: options.columns ?? Math.min(8, ims.length),
    spec: {
      width: w * pixel,
      height: h * pixel,
      mark: { type: "rect", aria: false },
      encoding: {
        x: { field: "col", type: "ordinal", axis: null },
        y: { field: "row", type: "ordinal", axis: null },
        color: {
          field: "value",
          type: "quantitative",
          title: "value",
          scale: { scheme: options.scheme ?? "greys" },
        },
      },
    },
    spacing: 6,
  };
}
