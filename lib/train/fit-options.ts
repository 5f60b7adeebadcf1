import { ArgumentError, NonFiniteError } from "../errors";
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
 * Checks what `fit` cannot check by types alone, before any training: a loss function, an optimizer,
 * known metric names, an early-stopping patience ≥ 1, and finite numbers in the data (NaN or
 * ±Infinity in x or y would only surface later as a NaN loss). Throws ArgumentError or
 * NonFiniteError naming `fit` and the argument. Lesson 6 on.
 */
export function checkFitInputs(data: Dataset, o: FitOptions): void {
  if (typeof o.loss !== "function") {
    throw new ArgumentError(
      `fit: loss must be a loss function (e.g. dl.nn.mse), got ${typeof o.loss}`,
    );
  }
  const opt = o.optimizer as Partial<Optimizer> | undefined;
  if (typeof opt?.step !== "function" || typeof opt?.zeroGrad !== "function") {
    throw new ArgumentError(
      `fit: optimizer must be an optimizer (e.g. new dl.optim.SGD(…)), got ${typeof opt}`,
    );
  }
  for (const name of o.metrics ?? []) {
    if (!Object.prototype.hasOwnProperty.call(METRICS, name)) {
      const known = Object.keys(METRICS).join(", ");
      throw new ArgumentError(`fit: unknown metric "${String(name)}", expected one of ${known}`);
    }
  }
  const patience = o.earlyStopping?.patience;
  if (patience !== undefined && !(Number.isInteger(patience) && patience >= 1)) {
    throw new ArgumentError(`fit: earlyStopping.patience must be an integer ≥ 1, got ${patience}`);
  }
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
