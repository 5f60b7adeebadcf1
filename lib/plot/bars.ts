/**
 * Histograms (weights before and after L1/L2, gradient sizes) and bar charts (comparisons of
 * accuracy across techniques, parameter counts). Lessons 5, 7, 8.
 *
 * Example:
 *   dl.show.chart(dl.plot.histogram({ "no penalty": w0, L2: w2 }, { bins: 30 }));
 *   dl.show.chart(dl.plot.bar({ none: 0.81, L2: 0.86, dropout: 0.88 }, { yLabel: "test accuracy" }));
 */
import { ArgumentError, expectOptions } from "../errors";
import { type NumericInput, toVector } from "./arrays";
import { type ChartOptions, type VegaLiteSpec, base, categoryScale, round } from "./spec";

/** Options of `histogram`. */
export interface HistogramOptions extends ChartOptions {
  /** Maximum number of bins (default 30). */
  bins?: number;
  xLabel?: string;
}

/** The distribution of one or more samples (overlaid with transparency), `{ name: values }` or one list. */
export function histogram(
  samples: NumericInput | Record<string, NumericInput>,
  options: HistogramOptions = {},
): VegaLiteSpec {
  expectOptions("histogram", options);
  const named = isRecord(samples) ? samples : { values: samples };
  const names = Object.keys(named);
  if (names.length === 0) throw new ArgumentError("histogram: no samples");
  const values = names.flatMap((n) =>
    toVector(named[n], "histogram").map((v) => ({ v: round(v, 6), series: n })),
  );
  const description =
    options.description ??
    `Histogram of ${names.map((n) => `${n} (${toVector(named[n]).length} values)`).join(", ")}`;
  return {
    ...base({ ...options, description }),
    data: { values },
    mark: { type: "bar", opacity: names.length > 1 ? 0.55 : 0.9, binSpacing: 0 },
    encoding: {
      x: {
        field: "v",
        type: "quantitative",
        bin: { maxbins: options.bins ?? 30 },
        title: options.xLabel ?? "value",
      },
      y: { aggregate: "count", type: "quantitative", title: "count", stack: null },
      color: {
        field: "series",
        type: "nominal",
        title: null,
        scale: categoryScale(names),
        legend: names.length > 1 ? {} : null,
      },
    },
  };
}

function isRecord(x: unknown): x is Record<string, NumericInput> {
  return (
    typeof x === "object" &&
    x !== null &&
    !Array.isArray(x) &&
    !ArrayBuffer.isView(x) &&
    !("shape" in x) &&
    !("toArray" in x)
  );
}

/** Options of `bar`. */
export interface BarOptions extends ChartOptions {
  xLabel?: string;
  yLabel?: string;
  /** Write each value above its bar (default true). */
  showValues?: boolean;
}

/** One bar per named value, in the given order. */
export function bar(values: Record<string, number>, options: BarOptions = {}): VegaLiteSpec {
  expectOptions("bar", values, "values ({ name: number })");
  expectOptions("bar", options);
  const names = Object.keys(values);
  if (names.length === 0) throw new ArgumentError("bar: no values");
  const rows = names.map((n) => ({ name: n, value: round(values[n]) }));
  const description =
    options.description ?? `Bar chart: ${rows.map((r) => `${r.name} ${r.value}`).join(", ")}`;
  const x = {
    field: "name",
    type: "nominal",
    sort: names,
    title: options.xLabel ?? null,
    axis: { labelAngle: 0 },
  };
  const y = { field: "value", type: "quantitative", title: options.yLabel ?? "value" };
  const layer: VegaLiteSpec[] = [
    {
      mark: { type: "bar" },
      encoding: {
        x,
        y,
        color: { field: "name", type: "nominal", legend: null, scale: categoryScale(names) },
      },
    },
  ];
  if (options.showValues ?? true) {
    layer.push({
      mark: { type: "text", dy: -6, fontSize: 11 },
      encoding: { x, y, text: { field: "value" } },
    });
  }
  return { ...base({ ...options, description }), data: { values: rows }, layer };
}
