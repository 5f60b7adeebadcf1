/**
 * A loss surface over two weights with a gradient-descent path on it (lesson 6): a 3-d Plotly
 * surface (rotate it with the mouse) whose static fallback is the contour view, and the contour view
 * alone as Vega-Lite (a heatmap of the loss with the path drawn over it).
 *
 * Example:
 *   const f = (w1, w2) => w1 ** 2 + 3 * w2 ** 2;
 *   dl.show.plotly(dl.plot.lossSurface(f, { path: [[2, 1], [1.2, 0.4], [0.7, 0.1]] }));
 *   dl.show.chart(dl.plot.lossContour(f, { path }));
 */
import { ShapeError, expectFunction, expectOptions } from "../errors";
import { type NumericInput, expectCount, largest, smallest, toMatrix } from "./arrays";
import {
  type ChartOptions,
  OKABE_ITO,
  type PlotlySpec,
  type VegaLiteSpec,
  base,
  round,
} from "./spec";

/** Options of `lossSurface` and `lossContour`. */
export interface SurfaceOptions extends ChartOptions {
  /** Points [K, 2] visited by descent; the loss at each is computed with `f`. */
  path?: NumericInput;
  /** The [w1, w2] ranges; default: the path's bounding box plus a margin, or [-2, 2]². */
  range?: readonly [readonly [number, number], readonly [number, number]];
  /** Grid points per axis (default 40). */
  resolution?: number;
  xLabel?: string;
  yLabel?: string;
}

function ranges(path: number[][], options: SurfaceOptions): [number, number][] {
  if (options.range) return options.range.map(([a, b]) => [a, b] as [number, number]);
  if (path.length === 0)
    return [
      [-2, 2],
      [-2, 2],
    ];
  return [0, 1].map((j) => {
    const lo = smallest(path.map((p) => p[j]));
    const hi = largest(path.map((p) => p[j]));
    const m = Math.max(0.5, 0.3 * (hi - lo));
    return [lo - m, hi + m] as [number, number];
  });
}

/** Evaluates f on the grid: axes and z[i][j] = f(w1[j], w2[i]) (Plotly's row = y convention). */
function grid(f: (w1: number, w2: number) => number, options: SurfaceOptions) {
  const path = options.path === undefined ? [] : toMatrix(options.path, "lossSurface");
  if (path.some((p) => p.length !== 2)) {
    throw new ShapeError(
      `lossSurface: path must be [K, 2] points (w1, w2), got rows of length ${path.map((p) => p.length)}`,
    );
  }
  const n = expectCount("lossSurface", "resolution", options.resolution ?? 40, 2, 1000);
  const [rx, ry] = ranges(path, options);
  const axis = ([a, b]: [number, number]): number[] =>
    Array.from({ length: n }, (_, i) => round(a + ((b - a) * i) / (n - 1), 6));
  const w1 = axis(rx);
  const w2 = axis(ry);
  const z = w2.map((b) => w1.map((a) => round(f(a, b), 6)));
  const pathLoss = path.map(([a, b]) => ({
    w1: round(a, 6),
    w2: round(b, 6),
    loss: round(f(a, b), 6),
  }));
  return { w1, w2, z, pathLoss };
}

/** The contour view (Vega-Lite): the loss as a heatmap over (w1, w2) with the descent path on top. */
export function lossContour(
  f: (w1: number, w2: number) => number,
  options: SurfaceOptions = {},
): VegaLiteSpec {
  expectFunction("lossContour", "f", f);
  expectOptions("lossContour", options);
  const { w1, w2, z, pathLoss } = grid(f, options);
  const dx = (w1[1] - w1[0]) / 2;
  const dy = (w2[1] - w2[0]) / 2;
  const cells = z.flatMap((row, i) =>
    row.map((loss, j) => ({
      a: w1[j] - dx,
      a2: w1[j] + dx * 1.05,
      b: w2[i] - dy,
      b2: w2[i] + dy * 1.05,
      loss,
    })),
  );
  const x = {
    field: "a",
    type: "quantitative",
    title: options.xLabel ?? "w₁",
    scale: { domain: [w1[0] - dx, w1[w1.length - 1] + dx], nice: false, zero: false },
  };
  const y = {
    field: "b",
    type: "quantitative",
    title: options.yLabel ?? "w₂",
    scale: { domain: [w2[0] - dy, w2[w2.length - 1] + dy], nice: false, zero: false },
  };
  const description = options.description ?? describe(pathLoss);
  const path = pathLoss.map((p, k) => ({ a: p.w1, b: p.w2, loss: p.loss, k }));
  return {
    ...base({
      title: "Loss landscape (contour view)",
      width: 360,
      height: 320,
      ...options,
      description,
    }),
    layer: [
      {
        data: { values: cells },
        mark: { type: "rect", aria: false },
        encoding: {
          x,
          x2: { field: "a2" },
          y,
          y2: { field: "b2" },
          color: {
            field: "loss",
            type: "quantitative",
            title: "loss",
            scale: { scheme: "viridis", type: "sqrt" },
          },
        },
      },
      {
        data: { values: path },
        mark: {
          type: "line",
          color: OKABE_ITO[3],
          strokeWidth: 2,
          point: { color: OKABE_ITO[3], size: 30 },
        },
        encoding: {
          x,
          y,
          order: { field: "k", type: "quantitative" },
          tooltip: [{ field: "k", title: "step" }, { field: "loss" }],
        },
      },
    ],
  };
}

function describe(pathLoss: { loss: number }[]): string {
  if (pathLoss.length === 0) return "Loss surface over two weights";
  return `Loss surface over two weights with a descent path of ${pathLoss.length} points; the loss goes from ${round(pathLoss[0].loss)} to ${round(pathLoss[pathLoss.length - 1].loss)}`;
}

/** The 3-d Plotly surface with the path as a red line of markers; its fallback is `lossContour`. */
export function lossSurface(
  f: (w1: number, w2: number) => number,
  options: SurfaceOptions = {},
): PlotlySpec {
  expectFunction("lossSurface", "f", f);
  expectOptions("lossSurface", options);
  const { w1, w2, z, pathLoss } = grid(f, options);
  const xLabel = options.xLabel ?? "w1";
  const yLabel = options.yLabel ?? "w2";
  const data: Record<string, unknown>[] = [
    {
      type: "surface",
      x: w1,
      y: w2,
      z,
      colorscale: "Viridis",
      opacity: 0.9,
      showscale: false,
      name: "loss",
    },
  ];
  if (pathLoss.length > 0) {
    data.push({
      type: "scatter3d",
      mode: "lines+markers",
      name: "descent path",
      x: pathLoss.map((p) => p.w1),
      y: pathLoss.map((p) => p.w2),
      z: pathLoss.map((p) => p.loss),
      line: { color: OKABE_ITO[3], width: 6 },
      marker: { color: OKABE_ITO[3], size: 3 },
    });
  }
  const layout = {
    title: { text: options.title ?? "Loss surface" },
    height: options.height ?? 480,
    margin: { l: 0, r: 0, t: 40, b: 0 },
    scene: {
      xaxis: { title: { text: xLabel } },
      yaxis: { title: { text: yLabel } },
      zaxis: { title: { text: "loss" } },
    },
  };
  return {
    data,
    layout,
    description: options.description ?? describe(pathLoss),
    fallback: lossContour(f, { ...options, title: undefined }),
  };
}
