import { ArgumentError, expectOptions } from "../errors";
import { METRIC_MODES, type MetricName } from "./metrics";

/**
 * What `fit` returns: one value per completed epoch for the loss and every metric (training, and
 * validation when given), the per-step losses when `recordSteps` was set, whether training stopped
 * early (early stopping or a callback), and the best epoch for the monitored quantity.
 * Example: const h = dl.train.fit(…); h.loss[h.epochs - 1]; dl.plot.lossCurve(h)
 */
export interface History {
  /** Epochs completed. */
  epochs: number;
  /** Mean training loss of each epoch (over its steps, weighted by batch size). */
  loss: number[];
  /** Validation loss after each epoch (empty without validation data). */
  valLoss: number[];
  /** Training metrics per epoch, e.g. `{ accuracy: [...] }` (on the training batches as seen). */
  metrics: Record<string, number[]>;
  /** Validation metrics per epoch, e.g. `{ accuracy: [...] }`. */
  valMetrics: Record<string, number[]>;
  /** The loss of every step, in order, when `recordSteps: true`. */
  stepLoss?: number[];
  /** True when early stopping or a callback ended training before `epochs`. */
  stoppedEarly: boolean;
  /** 0-based index of the best epoch for the monitored quantity (early stopping's, else the loss). */
  bestEpoch: number;
}

/**
 * A new, empty History for `fit` to fill, with the given metric names (and validation series when
 * `validation`). It prints as a short summary (`formatHistory`), not every number, when it is a
 * notebook cell's last expression or goes through console.log.
 */
export function emptyHistory(
  metrics: readonly string[],
  validation: boolean,
  steps: boolean,
): History {
  const series = () => Object.fromEntries(metrics.map((m) => [m, [] as number[]]));
  const h: History = {
    epochs: 0,
    loss: [],
    valLoss: [],
    metrics: series(),
    valMetrics: validation ? series() : {},
    stoppedEarly: false,
    bestEpoch: 0,
    ...(steps ? { stepLoss: [] } : {}),
  };
  // Not enumerable: the History stays a plain object for equality checks and JSON.
  return Object.defineProperty(h, Symbol.for("nodejs.util.inspect.custom"), {
    value: () => formatHistory(h),
  });
}

/**
 * A few lines about a History: its counts, then the first and last value of each series.
 *   History { epochs: 100, bestEpoch: 97, stoppedEarly: false }
 *     loss      0.6931 → 0.01234
 *     accuracy  0.5 → 1
 *   (h.loss[i] is epoch i + 1; dl.plot.lossCurves(h) draws them)
 */
export function formatHistory(h: History): string {
  const short = (v: number | undefined) =>
    v === undefined ? "–" : String(Number(v.toPrecision(4)));
  const rows = Object.entries(historySeries(h)).map(([name, values]) => [
    name,
    values.length === 0 ? "no values" : `${short(values[0])} → ${short(values[values.length - 1])}`,
  ]);
  if (h.stepLoss) rows.push(["stepLoss", `${h.stepLoss.length} steps`]);
  const width = Math.max(...rows.map(([name]) => name.length));
  return [
    `History { epochs: ${h.epochs}, bestEpoch: ${h.bestEpoch}, stoppedEarly: ${h.stoppedEarly} }`,
    ...rows.map(([name, text]) => `  ${name.padEnd(width)}  ${text}`),
    "(h.loss[i] is epoch i + 1; dl.plot.lossCurves(h) draws them)",
  ].join("\n");
}

/** Every per-epoch series under one flat name: loss, valLoss, accuracy, valAccuracy, … */
export function historySeries(h: History): Record<string, number[]> {
  expectOptions("historySeries", h, "history (what fit returns)");
  if (!Array.isArray(h.loss) || !Array.isArray(h.valLoss) || typeof h.metrics !== "object") {
    throw new ArgumentError(
      "historySeries: expected a History from dl.train.fit ({ loss, valLoss, metrics, … })",
    );
  }
  const series: Record<string, number[]> = { loss: h.loss };
  if (h.valLoss.length > 0) series.valLoss = h.valLoss;
  for (const [name, values] of Object.entries(h.metrics)) series[name] = values;
  for (const [name, values] of Object.entries(h.valMetrics)) {
    series[`val${name[0].toUpperCase()}${name.slice(1)}`] = values;
  }
  return series;
}

/** Early stopping: watch `monitor` after each epoch; stop after `patience` epochs without improvement. */
export interface EarlyStoppingOptions {
  /** "valLoss" (default with validation data), "loss", "valAccuracy", "accuracy", … */
  monitor?: string;
  /**
   * Whether smaller ("min") or larger ("max") values of the monitor are better. Default: from the
   * series' own table (`monitorMode`): "min" for the losses, mse and mae, "max" for accuracy.
   */
  mode?: "min" | "max";
  /** Epochs without improvement before stopping (default 5). */
  patience?: number;
  /** Put back the weights of the best epoch when stopping (default true). */
  restoreBest?: boolean;
  /** The smallest change that counts as an improvement (default 0). */
  minDelta?: number;
}

/**
 * Which way a series improves: "min" for the loss and the error metrics, "max" for accuracy, from
 * the metrics' table (METRIC_MODES); the same for the validation series ("valAccuracy" as
 * "accuracy"). Undefined for a name fit does not record.
 * Example: monitorMode("valAccuracy") === "max"
 */
export function monitorMode(monitor: string): "min" | "max" | undefined {
  if (typeof monitor !== "string") return undefined;
  const name = /^val[A-Z]/.test(monitor) ? monitor[3].toLowerCase() + monitor.slice(4) : monitor;
  if (name === "loss") return "min";
  return Object.prototype.hasOwnProperty.call(METRIC_MODES, name)
    ? METRIC_MODES[name as MetricName]
    : undefined;
}

/** Tracks the best value of a series, lower or higher being better as `mode` says. */
export class BestTracker {
  best = NaN;
  bestEpoch = 0;
  wait = 0;
  readonly maximize: boolean;

  constructor(
    readonly monitor: string,
    readonly minDelta = 0,
    mode: "min" | "max" | undefined = monitorMode(monitor),
  ) {
    if (mode === undefined) {
      throw new ArgumentError(
        `fit: earlyStopping.monitor "${monitor}" is not a series fit records; expected "loss", "valLoss", a metric ("accuracy", "mse", "mae") or its "val…" twin, or give mode "min" or "max"`,
      );
    }
    if (mode !== "min" && mode !== "max") {
      throw new ArgumentError(
        `fit: earlyStopping.mode must be "min" or "max", got ${JSON.stringify(mode) ?? String(mode)}`,
      );
    }
    this.maximize = mode === "max";
  }

  /** Records the value of epoch `epoch`; returns true when it is a new best. */
  observe(value: number | undefined, epoch: number): boolean {
    if (value === undefined) {
      throw new ArgumentError(
        `fit: earlyStopping.monitor "${this.monitor}" is not a recorded series`,
      );
    }
    const better = this.maximize
      ? value > this.best + this.minDelta
      : value < this.best - this.minDelta;
    if (Number.isNaN(this.best) || better) {
      this.best = value;
      this.bestEpoch = epoch;
      this.wait = 0;
      return true;
    }
    this.wait++;
    return false;
  }
}
