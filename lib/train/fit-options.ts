import { ArgumentError, NonFiniteError } from "../errors";
import { describeValue, formatValue } from "../format-value";
import { Module } from "../nn/module";
import { expectFunction, expectOptions, expectRng } from "../tensor/check";
import { Loss } from "../nn/losses";
import { Optimizer } from "../optim/optimizer";
import { Schedule } from "../optim/schedules";
import { Rng } from "../rng";
import type { Dataset } from "../tensor/dataset";
import { Tensor } from "../tensor/tensor";
import type { TrainingDisplay } from "./display";
import { EarlyStoppingOptions, History } from "./history";
import { METRICS, MetricName } from "./metrics";

/** What a callback may return: "stop" ends training (the History so far is still returned). */
export type CallbackResult = void | "stop";

/** Passed to `onStepEnd` after each optimizer step (epoch and step are 1-based). */
export interface StepInfo {
  epoch: number;
  step: number;
  loss: number;
  /** Ends training after this step (same as returning "stop"). */
  stop(): void;
}

/** Passed to `onEpochEnd` after each epoch (and its validation). */
export interface EpochInfo {
  epoch: number;
  /** This epoch's values: loss, valLoss, accuracy, valAccuracy, … */
  values: Record<string, number>;
  history: History;
  stop(): void;
}

/** Options of `fit`. Required: epochs, loss, optimizer. */
export interface FitOptions {
  epochs: number;
  /** Rows per step: 1 = SGD, N = batch GD, between = mini-batch (default 32, at most N). */
  batchSize?: number;
  /** Shuffle the rows every epoch (default true when an rng is given, else false). */
  shuffle?: boolean;
  rng?: Rng;
  loss: Loss;
  optimizer: Optimizer;
  /** Added to the loss at every step, e.g. `() => dl.optim.l2Penalty(weights, 1e-3)`. */
  penalty?: () => Tensor;
  metrics?: MetricName[];
  validation?: Dataset;
  earlyStopping?: EarlyStoppingOptions;
  callbacks?: {
    onStepEnd?: (info: StepInfo) => CallbackResult;
    onEpochEnd?: (info: EpochInfo) => CallbackResult;
  };
  /** Sets the optimizer's learning rate at the start of each epoch (0-based epoch). */
  schedule?: Schedule;
  /** Keep every step's loss in `history.stepLoss` (default false). */
  recordSteps?: boolean;
  /**
   * "auto" (default): with `dl.train.fit`, a live progress bar and loss curve in a notebook and
   * short text lines elsewhere (lib/train-api.ts wires it in; lib/train alone shows nothing);
   * "none"; or your own display, `{ update(progress), finish(progress) }`.
   */
  display?: "auto" | "none" | TrainingDisplay;
  title?: string;
  /**
   * Decision threshold for one-output accuracy (default: the loss's own `threshold`, 0 for
   * `binaryCrossEntropyWithLogits`, else 0.5).
   */
  threshold?: number;
}

/**
 * Checks what `fit` cannot check by types alone, before any training: a model, a loss function, an
 * optimizer, an Rng, functions for schedule, penalty and callbacks, known metric names, early
 * stopping's options (patience ≥ 1, a monitor that will be recorded), and finite numbers in the
 * data (NaN or ±Infinity in x or y would only surface later as a NaN loss). Throws ArgumentError
 * or NonFiniteError naming `fit` and the option. Lesson 6 on.
 */
export function checkFitInputs(model: Module, data: Dataset, o: FitOptions): void {
  if (!(model instanceof Module)) {
    throw new ArgumentError(
      `fit: model must be a dl.nn.Module (e.g. new dl.nn.Sequential([…])), got ${describeValue(model)}`,
    );
  }
  if (typeof o.loss !== "function") {
    throw new ArgumentError(
      `fit: loss must be a loss function (e.g. dl.nn.mse), got ${describeValue(o.loss)}`,
    );
  }
  const opt = o.optimizer as Partial<Optimizer> | undefined;
  if (typeof opt?.step !== "function" || typeof opt?.zeroGrad !== "function") {
    throw new ArgumentError(
      `fit: optimizer must be an optimizer (e.g. new dl.optim.SGD(…)), got ${describeValue(o.optimizer)}`,
    );
  }
  if (o.rng !== undefined) expectRng("fit", o.rng);
  for (const name of ["schedule", "penalty"] as const) {
    if (o[name] !== undefined) expectFunction("fit", name, o[name]);
  }
  if (o.callbacks !== undefined) {
    const callbacks = expectOptions("fit", o.callbacks, "callbacks");
    for (const name of ["onStepEnd", "onEpochEnd"] as const) {
      if (callbacks[name] !== undefined)
        expectFunction("fit", `callbacks.${name}`, callbacks[name]);
    }
  }
  for (const name of ["shuffle", "recordSteps"] as const) {
    if (o[name] !== undefined && typeof o[name] !== "boolean") {
      throw new ArgumentError(`fit: ${name} must be true or false, got ${describeValue(o[name])}`);
    }
  }
  const display = o.display as Partial<TrainingDisplay> | string | undefined;
  const isDisplay =
    typeof display === "object" &&
    display !== null &&
    typeof display.update === "function" &&
    typeof display.finish === "function";
  if (display !== undefined && display !== "auto" && display !== "none" && !isDisplay) {
    throw new ArgumentError(
      `fit: display must be "auto", "none" or a display { update, finish }, got ${describeValue(o.display)}`,
    );
  }
  if (
    o.threshold !== undefined &&
    !(typeof o.threshold === "number" && Number.isFinite(o.threshold))
  ) {
    throw new ArgumentError(
      `fit: threshold must be a finite number, got ${describeValue(o.threshold)}`,
    );
  }
  if (o.metrics !== undefined && !Array.isArray(o.metrics)) {
    throw new ArgumentError(
      `fit: metrics must be an array of names (e.g. ["accuracy"]), got ${describeValue(o.metrics)}`,
    );
  }
  for (const name of o.metrics ?? []) {
    if (typeof name !== "string" || !Object.prototype.hasOwnProperty.call(METRICS, name)) {
      const known = Object.keys(METRICS).join(", ");
      throw new ArgumentError(`fit: unknown metric ${formatValue(name)}, expected one of ${known}`);
    }
  }
  if (o.earlyStopping !== undefined) checkEarlyStopping(o);
  const sets: [string, Tensor][] = [
    ["data.x", data.x],
    ["data.y", data.y],
  ];
  if (o.validation) sets.push(["validation.x", o.validation.x], ["validation.y", o.validation.y]);
  for (const [name, t] of sets) {
    const values = t.values;
    const i = values.findIndex((v) => !Number.isFinite(v));
    if (i >= 0) {
      throw new NonFiniteError(
        `fit: ${name} holds ${values[i]} at flat index ${i}; clean or drop that row first`,
      );
    }
  }
}

/** Early stopping's options: patience ≥ 1, minDelta ≥ 0, and a monitor that `fit` records. */
function checkEarlyStopping(o: FitOptions): void {
  const { patience, minDelta, monitor, restoreBest, mode } = expectOptions(
    "fit",
    o.earlyStopping as EarlyStoppingOptions,
    "earlyStopping",
  );
  if (patience !== undefined && !(Number.isInteger(patience) && patience >= 1)) {
    throw new ArgumentError(
      `fit: earlyStopping.patience must be an integer ≥ 1, got ${describeValue(patience)}`,
    );
  }
  if (minDelta !== undefined && !(typeof minDelta === "number" && minDelta >= 0)) {
    throw new ArgumentError(
      `fit: earlyStopping.minDelta must be a number ≥ 0, got ${describeValue(minDelta)}`,
    );
  }
  if (mode !== undefined && mode !== "min" && mode !== "max") {
    throw new ArgumentError(
      `fit: earlyStopping.mode must be "min" or "max", got ${describeValue(mode)}`,
    );
  }
  if (restoreBest !== undefined && typeof restoreBest !== "boolean") {
    throw new ArgumentError(
      `fit: earlyStopping.restoreBest must be true or false, got ${describeValue(restoreBest)}`,
    );
  }
  const names = ["loss", ...(o.metrics ?? [])];
  const valNames = names.map((n) => `val${n[0].toUpperCase()}${n.slice(1)}`);
  const recorded = o.validation ? [...names, ...valNames] : names;
  if (monitor !== undefined && !recorded.includes(monitor)) {
    throw new ArgumentError(
      `fit: earlyStopping.monitor ${formatValue(monitor)} is not a recorded series; expected one of ${recorded.join(", ")}`,
    );
  }
}

/** The learning rate `schedule` gives for `epoch`, checked: a finite number > 0 (else ArgumentError). */
export function scheduledRate(schedule: Schedule, epoch: number): number {
  const lr: unknown = schedule(epoch);
  if (typeof lr === "number" && lr > 0 && lr < Infinity) return lr;
  throw new ArgumentError(
    `fit: schedule(${epoch}) must return a learning rate > 0, got ${describeValue(lr)}`,
  );
}

/** What the loss (or penalty) function returned, checked: a Tensor with one element. */
export function expectScalar(op: string, what: string, t: unknown): Tensor {
  if (t instanceof Tensor && t.size === 1) return t;
  throw new ArgumentError(
    `${op}: ${what} must return a scalar Tensor (one element, e.g. dl.nn.mse(yPred, y)), got ${describeValue(t)}`,
  );
}
