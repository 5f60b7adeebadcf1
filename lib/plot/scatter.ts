/**
 * Scatter plots of 2-d points coloured by class, and the decision boundary of a model: its
 * prediction over a grid drawn behind the points (lessons 2, 3, 4, 8).
 *
 * Example:
 *   dl.show.chart(dl.plot.scatter(x, y, { classNames: ["F", "M"] }));
 *   dl.show.chart(dl.plot.decisionBoundary((pts) => pts.map(([a, b]) => (a + b > 0 ? 1 : 0)), x, y));
 */
import { ShapeError, expectFunction, expectOptions } from "../errors";
import { type NumericInput, expectCount, largest, smallest, toMatrix } from "./arrays";
import { type ChartOptions, type VegaLiteSpec, base, categoryScale, round } from "./spec";

/** Options of `scatter` and `decisionBoundary`. */
export interface ScatterOptions extends ChartOptions {
  xLabel?: string;
  yLabel?: string;
  /** Names of classes 0, 1, …; default "class 0", "class 1", …. */
  classNames?: readonly string[];
}

/** Points `x` [N, 2] with labels `y` [N] (class indices; a one-hot [N, C] is reduced by argmax). */
export function pointValues(x: NumericInput, y: NumericInput, options: ScatterOptions = {}) {
  const points = toMatrix(x, "scatter");
  if (points.length > 0 && points[0].length !== 2) {
    throw new ShapeError(`scatter: x must be [N, 2], got [${points.length}, ${points[0].length}]`);
  }
  const raw = toMatrix(y, "scatter");
  const labels = raw.length === 1 && points.length !== 1 ? raw[0] : raw.map(argmax);
  if (labels.length !== points.length) {
    throw new ShapeError(`scatter: y has ${labels.length} labels for ${points.length} points`);
  }
  const name = (c: number): string => options.classNames?.[c] ?? `class ${c}`;
  const classes = [...new Set(labels)].sort((a, b) => a - b).map(name);
  const values = points.map(([a, b], i) => ({
    x1: round(a, 6),
    x2: round(b, 6),
    label: name(labels[i]),
  }));
  return { values, classes };
}

function argmax(row: number[]): number {
  return row.length === 1 ? row[0] : row.indexOf(largest(row));
}

/** The point layer shared by `scatter` and `decisionBoundary`. */
function pointLayer(values: unknown[], classes: string[], options: ScatterOptions): VegaLiteSpec {
  return {
    data: { values },
    mark: {
      type: "point",
      filled: true,
      size: 60,
      stroke: "white",
      strokeWidth: 0.8,
      opacity: 0.95,
    },
    encoding: {
      x: {
        field: "x1",
        type: "quantitative",
        title: options.xLabel ?? "x₁",
        scale: { zero: false },
      },
      y: {
        field: "x2",
        type: "quantitative",
        title: options.yLabel ?? "x₂",
        scale: { zero: false },
      },
      color: { field: "label", type: "nominal", title: "class", scale: categoryScale(classes) },
      shape: { field: "label", type: "nominal", title: "class", scale: { domain: classes } },
      tooltip: [{ field: "x1" }, { field: "x2" }, { field: "label" }],
    },
  };
}

/** A scatter plot of 2-d points by class (colour and shape both encode the class). */
export function scatter(
  x: NumericInput,
  y: NumericInput,
  options: ScatterOptions = {},
): VegaLiteSpec {
  expectOptions("scatter", options);
  const { values, classes } = pointValues(x, y, options);
  const description =
    options.description ??
    `Scatter plot of ${values.length} points in ${classes.length} classes (${classes.join(", ")})`;
  return { ...base({ ...options, description }), ...pointLayer(values, classes, options) };
}

/** Options of `decisionBoundary`: `resolution` cells per axis (default 40), `padding` around the data. */
export interface BoundaryOptions extends ScatterOptions {
  resolution?: number;
  padding?: number;
}

/** The grid cells and their predictions over the data's bounding box (plus padding). */
function gridValues(
  predict: (points: number[][]) => number[],
  xs: number[][],
  options: BoundaryOptions,
) {
  const n = expectCount("decisionBoundary", "resolution", options.resolution ?? 40, 2, 1000);
  const lo = [0, 1].map((j) => smallest(xs.map((p) => p[j])));
  const hi = [0, 1].map((j) => largest(xs.map((p) => p[j])));
  const pad = lo.map((l, j) => (options.padding ?? 0.1) * Math.max(hi[j] - l, 1e-9));
  const step = lo.map((l, j) => (hi[j] - l + 2 * pad[j]) / n);
  const centres: number[][] = [];
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++)
      centres.push([lo[0] - pad[0] + (i + 0.5) * step[0], lo[1] - pad[1] + (k + 0.5) * step[1]]);
  }
  const z = predict(centres);
  if (z.length !== centres.length) {
    throw new ShapeError(
      `decisionBoundary: predict returned ${z.length} values for ${centres.length} grid points`,
    );
  }
  return centres.map(([a, b], i) => ({
    x1: round(a - step[0] / 2, 6),
    x1e: round(a + step[0] / 2, 6),
    x2: round(b - step[1] / 2, 6),
    x2e: round(b + step[1] / 2, 6),
    z: round(z[i], 4),
  }));
}

/**
 * The decision boundary of `predict` behind the points: integer predictions colour cells by class,
 * other values (probabilities) shade cells continuously. `predict` maps [M, 2] points to M numbers.
 */
export function decisionBoundary(
  predict: (points: number[][]) => number[],
  x: NumericInput,
  y: NumericInput,
  options: BoundaryOptions = {},
): VegaLiteSpec {
  expectFunction("decisionBoundary", "predict", predict);
  expectOptions("decisionBoundary", options);
  const { values, classes } = pointValues(x, y, options);
  const grid = gridValues(
    predict,
    values.map((v) => [v.x1, v.x2]),
    options,
  );
  const discrete = grid.every((g) => Number.isInteger(g.z));
  const name = (c: number): string => options.classNames?.[c] ?? `class ${c}`;
  const cells = grid.map((g) => ({ ...g, region: discrete ? name(g.z) : "" }));
  const color = discrete
    ? { field: "region", type: "nominal", title: "class", scale: categoryScale(classes) }
    : { field: "z", type: "quantitative", title: "prediction", scale: { scheme: "blueorange" } };
  const description =
    options.description ??
    `Decision regions of a model over the plane (${discrete ? "class per cell" : "predicted value"}) behind ${values.length} points`;
  return {
    ...base({ title: "Decision boundary", ...options, description }),
    layer: [
      {
        data: { values: cells },
        mark: { type: "rect", opacity: 0.35, aria: false },
        encoding: {
          x: { field: "x1", type: "quantitative" },
          x2: { field: "x1e" },
          y: { field: "x2", type: "quantitative" },
          y2: { field: "x2e" },
          color,
        },
      },
      pointLayer(values, classes, options),
    ],
    resolve: { scale: { color: discrete ? "shared" : "independent" } },
  };
}
