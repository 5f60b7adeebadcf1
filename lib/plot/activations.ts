/**
 * Activation functions beside their derivatives (lesson 1): one panel for f(x), one for f'(x), one
 * colour per function. The common ones come from the engine itself (the same functions that train
 * the networks, their derivatives by autograd); pass your own `{ f, df }` to compare.
 *
 * Example:
 *   dl.show.chart(dl.plot.activations(["sigmoid", "tanh", "relu"]));
 *   dl.show.chart(dl.plot.activations({ square: { f: (x) => x * x, df: (x) => 2 * x } }));
 */
import { backward } from "../autograd/backward";
import { ArgumentError, expectOptions } from "../errors";
import { describeValue, formatValue } from "../format-value";
import { Step } from "../nn/activations";
import { elu, leakyRelu, relu, sigmoid, tanh } from "../tensor/activations";
import { Tensor } from "../tensor/tensor";
import { type ChartOptions, type VegaLiteSpec, base, categoryScale, round } from "./spec";

/** A scalar function and its derivative. */
export interface ActivationPair {
  f: (x: number) => number;
  df: (x: number) => number;
}

/** An engine op as a pair of scalar functions: f(x), and f′(x) by autograd (backward of f at x). */
function fromEngine(op: (x: Tensor) => Tensor): ActivationPair {
  return {
    f: (x) => op(new Tensor(Float64Array.of(x), [])).item(),
    df: (x) => {
      const t = new Tensor(Float64Array.of(x), [], true);
      backward(op(t));
      return t.grad!.item();
    },
  };
}

/** The lecture's activations, as the engine computes them and their derivatives (leaky slope 0.1). */
export const ACTIVATIONS: Readonly<Record<string, ActivationPair>> = Object.freeze({
  sigmoid: fromEngine(sigmoid),
  tanh: fromEngine(tanh),
  relu: fromEngine(relu),
  leakyRelu: fromEngine((x) => leakyRelu(x)),
  elu: fromEngine((x) => elu(x)),
  step: fromEngine((x) => new Step().forward(x)),
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
