/**
 * Activation functions beside their derivatives (lesson 1): one panel for f(x), one for f'(x), one
 * colour per function. The common ones are built in; pass your own `{ f, df }` to compare.
 *
 * Example:
 *   dl.show.chart(dl.plot.activations(["sigmoid", "tanh", "relu"]));
 *   dl.show.chart(dl.plot.activations({ square: { f: (x) => x * x, df: (x) => 2 * x } }));
 */
import { ArgumentError, expectOptions } from "../errors";
import { describeValue, formatValue } from "../format-value";
import { type ChartOptions, type VegaLiteSpec, base, categoryScale, round } from "./spec";

/** A scalar function and its derivative. */
export interface ActivationPair {
  f: (x: number) => number;
  df: (x: number) => number;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** The lecture's activations: formulas written out so the chart does not depend on lib/nn. */
export const ACTIVATIONS: Readonly<Record<string, ActivationPair>> = Object.freeze({
  sigmoid: { f: sigmoid, df: (x) => sigmoid(x) * (1 - sigmoid(x)) },
  tanh: { f: Math.tanh, df: (x) => 1 - Math.tanh(x) ** 2 },
  relu: { f: (x) => Math.max(0, x), df: (x) => (x > 0 ? 1 : 0) },
  leakyRelu: { f: (x) => Math.max(0.1 * x, x), df: (x) => (x > 0 ? 1 : 0.1) },
  elu: { f: (x) => (x > 0 ? x : Math.exp(x) - 1), df: (x) => (x > 0 ? 1 : Math.exp(x)) },
  step: { f: (x) => (x >= 0 ? 1 : 0), df: () => 0 },
});

/** Options of `activations`: the input range (default [-4, 4]) and number of samples. */
export interface ActivationOptions extends ChartOptions {
  range?: readonly [number, number];
  samples?: number;
}

function resolve(
  fns: readonly string[] | Record<string, ActivationPair>,
): Record<string, ActivationPair> {
  if (!Array.isArray(fns)) {
    for (const [name, pair] of Object.entries(fns as Record<string, ActivationPair>)) {
      if (typeof pair?.f !== "function" || typeof pair?.df !== "function") {
        throw new ArgumentError(
          `activations: ${formatValue(name)} must be { f, df } (two functions), got ${describeValue(pair)}`,
        );
      }
    }
    return fns as Record<string, ActivationPair>;
  }
  return Object.fromEntries(
    (fns as readonly string[]).map((name) => {
      const pair = ACTIVATIONS[name];
      if (pair === undefined) {
        throw new ArgumentError(
          `activations: unknown activation ${formatValue(name)}, expected one of ${Object.keys(ACTIVATIONS).join(", ")}`,
        );
      }
      return [name, pair];
    }),
  );
}

/** Two panels side by side: the functions, then their derivatives, over `range`. */
export function activations(
  fns: readonly string[] | Record<string, ActivationPair> = [
    "sigmoid",
    "tanh",
    "relu",
    "leakyRelu",
    "elu",
  ],
  options: ActivationOptions = {},
): VegaLiteSpec {
  if (typeof fns !== "object" || fns === null) {
    throw new ArgumentError(
      `activations: fns must be names or { name: { f, df } }, got ${describeValue(fns)}`,
    );
  }
  expectOptions("activations", options);
  const table = resolve(fns);
  const names = Object.keys(table);
  const [lo, hi] = options.range ?? [-4, 4];
  const n = options.samples ?? 201;
  const values: { x: number; y: number; fn: string; panel: string }[] = [];
  for (const name of names) {
    for (let i = 0; i < n; i++) {
      const x = lo + ((hi - lo) * i) / (n - 1);
      values.push({ x: round(x, 6), y: round(table[name].f(x), 6), fn: name, panel: "f(x)" });
      values.push({ x: round(x, 6), y: round(table[name].df(x), 6), fn: name, panel: "f′(x)" });
    }
  }
  const description =
    options.description ??
    `The activation functions ${names.join(", ")} (left) and their derivatives (right) for x from ${lo} to ${hi}`;
  const top = base({
    title: "Activation functions and their derivatives",
    ...options,
    description,
  });
  delete top.width;
  delete top.height;
  return {
    ...top,
    data: { values },
    facet: {
      column: {
        field: "panel",
        type: "nominal",
        title: null,
        sort: ["f(x)", "f′(x)"],
        header: { labelFontSize: 13 },
      },
    },
    spec: {
      width: options.width ?? 260,
      height: options.height ?? 220,
      mark: { type: "line", strokeWidth: 2, clip: true },
      encoding: {
        x: { field: "x", type: "quantitative", title: "x" },
        y: { field: "y", type: "quantitative", title: null },
        color: { field: "fn", type: "nominal", title: "function", scale: categoryScale(names) },
        strokeDash: { field: "fn", type: "nominal", title: "function", scale: { domain: names } },
      },
    },
    resolve: { scale: { y: "independent" } },
  };
}
