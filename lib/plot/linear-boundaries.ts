/**
 * The decision boundary of a linear threshold unit (a perceptron) after each epoch of training:
 * the line w₁x₁ + w₂x₂ + b = 0, the half-plane it calls class 1 shaded, and the points. Either
 * small multiples (one panel per epoch) or one panel with an epoch slider (pure Vega-Lite: it works
 * in JupyterLab and in the exported page without a kernel). Lessons 2 and 3.
 *
 * Example:
 *   const h = new dl.nn.Perceptron(2).fit(data);
 *   dl.show.chart(dl.plot.linearBoundaries(data.x, data.y, h));
 */
import { ShapeError, expectOptions } from "../errors";
import { type NumericInput, smallest, largest, expectCount } from "./arrays";
import { pointValues } from "./scatter";
import { type ChartOptions, type VegaLiteSpec, base, categoryScale, round } from "./spec";

/** The boundaries to draw: weights [epochs][2] and bias [epochs] (a `PerceptronHistory` fits). */
export interface LinearBoundaryHistory {
  readonly weights: readonly (readonly number[])[];
  readonly bias: readonly number[];
}

/** Options of `linearBoundaries`. */
export interface LinearBoundaryOptions extends ChartOptions {
  /** "panels" (default): small multiples; "slider": one panel with an epoch slider. */
  mode?: "panels" | "slider";
  /** Panels per row (default 5). */
  columns?: number;
  /** Shading cells per axis (default 24). */
  resolution?: number;
  classNames?: readonly string[];
  xLabel?: string;
  yLabel?: string;
}

/** Data box of the points, padded by 10%. */
function box(points: number[][]): { lo: number[]; hi: number[] } {
  const lo = [0, 1].map((j) => smallest(points.map((p) => p[j])));
  const hi = [0, 1].map((j) => largest(points.map((p) => p[j])));
  const pad = lo.map((l, j) => 0.1 * Math.max(hi[j] - l, 1e-9));
  return { lo: lo.map((l, j) => l - pad[j]), hi: hi.map((h, j) => h + pad[j]) };
}

/** The ends of the line w·x + b = 0 inside the box, or [] when it misses it (or w = 0). */
export function clipLine(w: readonly number[], b: number, lo: number[], hi: number[]): number[][] {
  const ends: number[][] = [];
  const add = (p: number[]) => {
    const inside = p.every((v, j) => v >= lo[j] - 1e-9 && v <= hi[j] + 1e-9);
    p = p.map((v) => v + 0); // −0 → 0
    if (inside && !ends.some((q) => Math.hypot(q[0] - p[0], q[1] - p[1]) < 1e-9)) ends.push(p);
  };
  for (const x1 of [lo[0], hi[0]]) if (w[1] !== 0) add([x1, -(w[0] * x1 + b) / w[1]]);
  for (const x2 of [lo[1], hi[1]]) if (w[0] !== 0) add([-(w[1] * x2 + b) / w[0], x2]);
  return ends.length >= 2 ? ends.slice(0, 2) : [];
}

/** One row per (epoch, thing): shading cells, boundary ends and points, tagged by `kind`. */
function rows(
  points: { x1: number; x2: number; label: string }[],
  h: LinearBoundaryHistory,
  n: number,
) {
  const { lo, hi } = box(points.map((p) => [p.x1, p.x2]));
  const step = [0, 1].map((j) => (hi[j] - lo[j]) / n);
  const out: Record<string, unknown>[] = [];
  h.weights.forEach((w, e) => {
    const epoch = e + 1;
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < n; k++) {
        const a = lo[0] + i * step[0];
        const c = lo[1] + k * step[1];
        const z = w[0] * (a + step[0] / 2) + w[1] * (c + step[1] / 2) + h.bias[e];
        if (z >= 0)
          out.push({
            kind: "cell",
            epoch,
            x1: round(a, 5),
            x2: round(c, 5),
            x1e: round(a + step[0], 5),
            x2e: round(c + step[1], 5),
          });
      }
    }
    clipLine(w, h.bias[e], lo, hi).forEach(([a, c], order) =>
      out.push({ kind: "line", epoch, x1: round(a, 5), x2: round(c, 5), order }),
    );
    for (const p of points) out.push({ kind: "point", epoch, ...p });
  });
  return { values: out, lo, hi };
}

/** The three layers (shading, boundary line, points) over the box `lo`–`hi`. */
function layers(
  classes: string[],
  box: { lo: number[]; hi: number[] },
  options: LinearBoundaryOptions,
): VegaLiteSpec[] {
  const enc = (j: number, label: string | undefined) => ({
    field: `x${j + 1}`,
    type: "quantitative",
    title: label ?? (j === 0 ? "x₁" : "x₂"),
    scale: { domain: [round(box.lo[j], 4), round(box.hi[j], 4)], nice: false, zero: false },
  });
  const xEnc = enc(0, options.xLabel);
  const yEnc = enc(1, options.yLabel);
  const only = (kind: string) => ({ filter: `datum.kind === '${kind}'` });
  return [
    {
      transform: [only("cell")],
      mark: { type: "rect", color: "#E69F00", opacity: 0.18, aria: false },
      encoding: { x: xEnc, x2: { field: "x1e" }, y: yEnc, y2: { field: "x2e" } },
    },
    {
      transform: [only("line")],
      mark: { type: "line", color: "#000000", strokeWidth: 2 },
      encoding: { x: xEnc, y: yEnc, order: { field: "order" } },
    },
    {
      transform: [only("point")],
      mark: {
        type: "point",
        filled: true,
        size: options.mode === "slider" ? 60 : 30,
        stroke: "white",
        strokeWidth: 0.6,
      },
      encoding: {
        x: xEnc,
        y: yEnc,
        color: { field: "label", type: "nominal", title: "class", scale: categoryScale(classes) },
        shape: { field: "label", type: "nominal", title: "class", scale: { domain: classes } },
      },
    },
  ];
}

/** Small multiples (or a slider) of a perceptron's boundary after each epoch, over the points. */
export function linearBoundaries(
  x: NumericInput,
  y: NumericInput,
  history: LinearBoundaryHistory,
  options: LinearBoundaryOptions = {},
): VegaLiteSpec {
  expectOptions("linearBoundaries", history, "history ({ weights, bias })");
  if (!Array.isArray(history.weights) || !Array.isArray(history.bias)) {
    throw new ShapeError(
      "linearBoundaries: history must hold arrays weights [epochs, 2] and bias [epochs]",
    );
  }
  expectOptions("linearBoundaries", options);
  const epochs = history.weights.length;
  if (
    epochs === 0 ||
    history.bias.length !== epochs ||
    history.weights.some((w) => w.length !== 2)
  ) {
    throw new ShapeError(
      `linearBoundaries: expected weights [epochs, 2] and bias [epochs] with epochs ≥ 1, got ${epochs} weights and ${history.bias.length} biases`,
    );
  }
  const { values: pts, classes } = pointValues(x, y, options);
  const { values, lo, hi } = rows(
    pts,
    history,
    expectCount("linearBoundaries", "resolution", options.resolution ?? 24, 2, 200),
  );
  const slider = options.mode === "slider";
  const layer = layers(classes, { lo, hi }, options);
  const description =
    options.description ??
    `The perceptron's decision boundary (black line; shaded side = class 1) after each of ${epochs} epoch${epochs === 1 ? "" : "s"}, over ${pts.length} points` +
      (slider ? "; a slider picks the epoch" : "");
  const top = base({ title: "Decision boundary after each epoch", ...options, description });
  if (slider) {
    return {
      ...top,
      width: options.width ?? 320,
      height: options.height ?? 300,
      params: [
        {
          name: "epoch",
          value: epochs,
          bind: { input: "range", min: 1, max: epochs, step: 1, name: "epoch " },
        },
      ],
      data: { values },
      transform: [{ filter: "datum.epoch === epoch" }],
      layer,
    };
  }
  delete top.width;
  delete top.height;
  const size = options.width ?? 130;
  return {
    ...top,
    data: { values },
    facet: { field: "epoch", type: "ordinal", title: "epoch", header: { labelFontSize: 12 } },
    columns: options.columns ?? 5,
    spec: { width: size, height: options.height ?? size, layer },
  };
}
