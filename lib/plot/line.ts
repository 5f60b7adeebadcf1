/**
 * Line charts: several named series over a shared x (epochs, steps, inputs), and the loss curves of a
 * training history (train vs validation). Lessons 2–8 use them.
 *
 * Example:
 *   dl.show.chart(dl.plot.line({ train: [0.9, 0.5, 0.3], validation: [1, 0.7, 0.6] }, { logY: true }));
 *   dl.show.chart(dl.plot.lossCurves(history));
 */
import { ArgumentError, expectOptions } from "../errors";
import { type NumericInput, toVector } from "./arrays";
import { type ChartOptions, type VegaLiteSpec, base, categoryScale, round } from "./spec";

/** Options of `line`. */
export interface LineOptions extends ChartOptions {
  /** The x value of each point (default 1, 2, …, one per value). */
  x?: NumericInput;
  xLabel?: string;
  yLabel?: string;
  /** Logarithmic y axis (losses that fall over orders of magnitude). */
  logY?: boolean;
  /** Draw a dot on each point (default: when a series has at most 30 points). */
  points?: boolean;
}

/**
 * Several series as lines, one colour each (Okabe–Ito), with a legend.
 * `series` maps a name to its values; every series is plotted against the same x.
 */
export function line(
  series: Record<string, NumericInput>,
  options: LineOptions = {},
): VegaLiteSpec {
  expectOptions("line", series, "series ({ name: values })");
  expectOptions("line", options);
  const names = Object.keys(series);
  if (names.length === 0)
    throw new ArgumentError("line: series is empty, expected { name: values }");
  const values: { x: number; y: number; series: string }[] = [];
  let longest = 0;
  for (const name of names) {
    const ys = toVector(series[name], "line");
    const xs = options.x === undefined ? ys.map((_, i) => i + 1) : toVector(options.x, "line");
    longest = Math.max(longest, ys.length);
    ys.forEach((y, i) => {
      if (Number.isFinite(y) && (!options.logY || y > 0))
        values.push({ x: xs[i], y: round(y, 6), series: name });
    });
  }
  const xLabel = options.xLabel ?? "x";
  const yLabel = options.yLabel ?? "y";
  const description =
    options.description ??
    `Line chart of ${yLabel} against ${xLabel} for ${names.join(", ")}` +
      names.map((n) => describeEnd(n, toVector(series[n]))).join("");
  return {
    ...base({ ...options, description }),
    data: { values },
    mark: { type: "line", point: options.points ?? longest <= 30, strokeWidth: 2 },
    encoding: {
      x: {
        field: "x",
        type: "quantitative",
        title: xLabel,
        // Whole-number x (epochs, steps): no ticks at 1.5.
        axis: values.every((v) => Number.isInteger(v.x)) ? { tickMinStep: 1, format: "d" } : {},
      },
      y: {
        field: "y",
        type: "quantitative",
        title: yLabel,
        scale: options.logY ? { type: "log" } : { zero: false },
      },
      color: { field: "series", type: "nominal", title: null, scale: categoryScale(names) },
      tooltip: [{ field: "series" }, { field: "x" }, { field: "y" }],
    },
  };
}

function describeEnd(name: string, ys: number[]): string {
  if (ys.length === 0) return `; ${name} is empty`;
  return `; ${name} goes from ${round(ys[0])} to ${round(ys[ys.length - 1])}`;
}

/**
 * The loss curves of a training history: every key containing "loss" (e.g. `loss`, `valLoss`)
 * plotted against the epoch. `history` is `{ loss: number[], valLoss?: number[], … }` per epoch.
 */
export function lossCurves(
  history: Record<string, NumericInput>,
  options: LineOptions = {},
): VegaLiteSpec {
  expectOptions("lossCurves", history, "history");
  expectOptions("lossCurves", options);
  const keys = Object.keys(history).filter((k) => /loss/i.test(k));
  if (keys.length === 0) {
    throw new ArgumentError(
      `lossCurves: history has no loss series, got keys [${Object.keys(history).join(", ")}]`,
    );
  }
  const series = Object.fromEntries(keys.map((k) => [k, history[k]]));
  return line(series, { title: "Loss per epoch", xLabel: "epoch", yLabel: "loss", ...options });
}
