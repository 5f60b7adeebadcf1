/**
 * An interactive neuron (lesson 1): y = f(w1·x1 + w2·x2 + b) over the input plane, with sliders for
 * w1, w2, b and a menu for f, and the y = 0.5 boundary drawn as a dashed line that moves with them. It is pure Vega-Lite (params bound to inputs), so it works in
 * JupyterLab and in the exported HTML page without a kernel; the SVG fallback shows the initial values.
 *
 * Example:
 *   dl.show.chart(dl.plot.neuron({ w1: 1, w2: -1, b: 0 }));
 */
import { type ChartOptions, type VegaLiteSpec, base } from "./spec";
import { expectOptions } from "../errors";

/** Options of `neuron`: initial weights and bias, activation, and the plotted input range. */
export interface NeuronOptions extends ChartOptions {
  w1?: number;
  w2?: number;
  b?: number;
  activation?: "sigmoid" | "tanh" | "relu" | "step";
  /** Inputs x1 and x2 both run over [-range, range] (default 3). */
  range?: number;
  /** Grid cells per axis (default 30). */
  resolution?: number;
}

/** The activation as a Vega expression of `z` chosen by the `f` param. */
const ACTIVATION_EXPR =
  "f === 'sigmoid' ? 1 / (1 + exp(-datum.z)) : f === 'tanh' ? (exp(datum.z) - exp(-datum.z)) / (exp(datum.z) + exp(-datum.z))" +
  " : f === 'relu' ? max(0, datum.z) : (datum.z >= 0 ? 1 : 0)";

function slider(name: string, value: number): Record<string, unknown> {
  return { name, value, bind: { input: "range", min: -5, max: 5, step: 0.1, name: `${name} ` } };
}

/**
 * The z where each activation's output is 0.5 (sigmoid: 0, tanh: atanh(0.5), ReLU: 0.5, step: 0),
 * so that the y = 0.5 boundary is the line w1·x1 + w2·x2 + b = z½.
 */
const HALF_Z_EXPR = `f === 'tanh' ? ${Math.atanh(0.5)} : f === 'relu' ? 0.5 : 0`;

/**
 * The y = 0.5 boundary as a dashed line that follows the sliders: the point of the line nearest
 * the origin, (z½ − b)·w/|w|², then ±4·range along the line's direction (−w2, w1)/|w|, clipped to
 * the plot. No line when w1 = w2 = 0 (then y is the same everywhere).
 */
function boundaryLayer(r: number, x: object, y: object): VegaLiteSpec {
  const far = 4 * r;
  return {
    data: { values: [{ t: -far }, { t: far }] },
    transform: [
      { calculate: "w1 * w1 + w2 * w2", as: "norm2" },
      { filter: "datum.norm2 > 1e-12" },
      { calculate: `((${HALF_Z_EXPR}) - b) / datum.norm2`, as: "k" },
      { calculate: "datum.k * w1 - datum.t * w2 / sqrt(datum.norm2)", as: "bx1" },
      { calculate: "datum.k * w2 + datum.t * w1 / sqrt(datum.norm2)", as: "bx2" },
    ],
    // aria: false: the chart's description says where the line is; its points would be noise.
    mark: {
      type: "line",
      color: "#000000",
      strokeWidth: 2,
      strokeDash: [6, 4],
      clip: true,
      aria: false,
    },
    encoding: {
      x: { ...x, field: "bx1" },
      y: { ...y, field: "bx2" },
      order: { field: "t", type: "quantitative" },
    },
  };
}

/** The neuron's output over the plane as a heatmap with its y = 0.5 boundary, params bound to sliders. */
export function neuron(options: NeuronOptions = {}): VegaLiteSpec {
  expectOptions("neuron", options);
  const r = options.range ?? 3;
  const n = options.resolution ?? 30;
  const step = (2 * r) / n;
  const grid: { x1: number; x2: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) grid.push({ x1: -r + (i + 0.5) * step, x2: -r + (j + 0.5) * step });
  }
  const f = options.activation ?? "sigmoid";
  const description =
    options.description ??
    `A neuron y = ${f}(w1·x1 + w2·x2 + b) over x1, x2 in [-${r}, ${r}], starting at w1 = ${options.w1 ?? 1}, w2 = ${options.w2 ?? 1}, b = ${options.b ?? 0}, with a dashed line where y = 0.5; sliders change the weights`;
  const x = {
    field: "x1",
    type: "quantitative",
    title: "x₁",
    scale: { domain: [-r, r], nice: false },
  };
  const y = {
    field: "x2",
    type: "quantitative",
    title: "x₂",
    scale: { domain: [-r, r], nice: false },
  };
  const heatmap: VegaLiteSpec = {
    data: { values: grid },
    transform: [
      { calculate: "w1 * datum.x1 + w2 * datum.x2 + b", as: "z" },
      { calculate: ACTIVATION_EXPR, as: "y" },
      { calculate: `datum.x1 - ${step / 2}`, as: "x1a" },
      { calculate: `datum.x1 + ${step * 0.52}`, as: "x1b" },
      { calculate: `datum.x2 - ${step / 2}`, as: "x2a" },
      { calculate: `datum.x2 + ${step * 0.52}`, as: "x2b" },
    ],
    mark: { type: "rect", aria: false },
    encoding: {
      x: { ...x, field: "x1a" },
      x2: { field: "x1b" },
      y: { ...y, field: "x2a" },
      y2: { field: "x2b" },
      color: {
        field: "y",
        type: "quantitative",
        title: "output y",
        scale: { scheme: "blueorange", domain: [-1, 1], clamp: true },
      },
      tooltip: [{ field: "x1" }, { field: "x2" }, { field: "y", format: ".3f" }],
    },
  };
  const top = base({
    title: "A single neuron: y = f(w₁x₁ + w₂x₂ + b)",
    width: 320,
    height: 320,
    ...options,
    description,
  });
  return {
    ...top,
    title: { text: top.title ?? "", subtitle: "dashed line: y = 0.5" },
    params: [
      slider("w1", options.w1 ?? 1),
      slider("w2", options.w2 ?? 1),
      slider("b", options.b ?? 0),
      {
        name: "f",
        value: f,
        bind: {
          input: "select",
          options: ["sigmoid", "tanh", "relu", "step"],
          name: "activation ",
        },
      },
    ],
    layer: [heatmap, boundaryLayer(r, x, y)],
  };
}
