/**
 * ROC curves of binary classifiers, one line each, with the diagonal of guessing (lesson 9).
 * Pass the curves `dl.train.roc` returns, with their AUC if you want it in the legend:
 *
 *   const p = dl.train.predict(model, test.x);
 *   dl.show.chart(dl.plot.roc({ "28-100-1": { ...dl.train.roc(p, test.y), auc: dl.train.auc(p, test.y) } }));
 *
 * `axes: "efficiency"` draws the physicists' version instead: signal efficiency (the true
 * positive rate) across, background rejection (1 − the false positive rate) up.
 */
import { ArgumentError, expectOptions } from "../errors";
import { type NumericInput, toVector } from "./arrays";
import { type ChartOptions, type VegaLiteSpec, base, categoryScale, round } from "./spec";

/** One curve: false and true positive rates (as `dl.train.roc` gives them), optionally its AUC. */
export interface RocInput {
  fpr: NumericInput;
  tpr: NumericInput;
  auc?: number;
}

/** Options of `roc`. */
export interface RocOptions extends ChartOptions {
  /** "rates" (default): false positive rate across, true positive rate up, and the diagonal;
   *  "efficiency": signal efficiency across, background rejection up. */
  axes?: "rates" | "efficiency";
  /** At most this many points per curve, kept evenly along it (default 200; the ends always). */
  maxPoints?: number;
}

/** `n` indices spread evenly over 0 … length − 1, the first and last included. */
function thin(length: number, n: number): number[] {
  if (length <= n) return Array.from({ length }, (_, i) => i);
  return Array.from({ length: n }, (_, i) => Math.round((i * (length - 1)) / (n - 1)));
}

/** A Vega-Lite chart of ROC curves: see the file's comment. */
export function roc(curves: Record<string, RocInput>, options: RocOptions = {}): VegaLiteSpec {
  const names = Object.keys(curves ?? {});
  if (names.length === 0)
    throw new ArgumentError("roc: curves is empty, expected { name: { fpr, tpr } }");
  const { axes = "rates", maxPoints = 200 } = expectOptions("roc", options);
  if (!Number.isInteger(maxPoints) || maxPoints < 2) {
    throw new ArgumentError(`roc: maxPoints must be an integer ≥ 2, got ${String(maxPoints)}`);
  }
  const efficiency = axes === "efficiency";
  const labels: string[] = [];
  const values: { x: number; y: number; curve: string; order: number }[] = [];
  for (const name of names) {
    const c = curves[name];
    const fpr = toVector(c?.fpr, "roc");
    const tpr = toVector(c?.tpr, "roc");
    if (fpr.length !== tpr.length || fpr.length < 2) {
      throw new ArgumentError(
        `roc: curve "${name}" needs fpr and tpr of the same length ≥ 2, got ${fpr.length} and ${tpr.length}`,
      );
    }
    const label = c.auc === undefined ? name : `${name} (AUC ${round(c.auc, 3)})`;
    labels.push(label);
    for (const i of thin(fpr.length, maxPoints)) {
      const [x, y] = efficiency ? [tpr[i], 1 - fpr[i]] : [fpr[i], tpr[i]];
      values.push({ x: round(x, 5), y: round(y, 5), curve: label, order: i });
    }
  }
  const [xTitle, yTitle] = efficiency
    ? ["signal efficiency", "background rejection (1 − background efficiency)"]
    : ["false positive rate (background kept)", "true positive rate (signal kept)"];
  const description =
    options.description ??
    `ROC curves of ${labels.join(", ")}: ${yTitle} against ${xTitle}` +
      (efficiency
        ? "; higher and further right is better"
        : "; the diagonal is guessing, higher and further left is better");
  const axis = { field: "", type: "quantitative", scale: { domain: [0, 1] } };
  const curveLayer = {
    data: { values },
    mark: { type: "line", strokeWidth: 2 },
    encoding: {
      x: { ...axis, field: "x", title: xTitle },
      y: { ...axis, field: "y", title: yTitle },
      order: { field: "order", type: "quantitative" },
      color: { field: "curve", type: "nominal", title: null, scale: categoryScale(labels) },
      tooltip: [{ field: "curve" }, { field: "x", title: xTitle }, { field: "y", title: yTitle }],
    },
  };
  const diagonal = {
    data: {
      values: [
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ],
    },
    mark: { type: "line", strokeDash: [4, 4], color: "#777777", strokeWidth: 1 },
    encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } },
  };
  return {
    ...base({ width: 320, height: 320, ...options, description }),
    layer: efficiency ? [curveLayer] : [diagonal, curveLayer],
  };
}
