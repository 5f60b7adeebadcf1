import { Rng } from "../data/rng";
import { Dataset } from "../data/toy";
import { Loss } from "../nn/losses";
import { Optimizer } from "../optim/optimizer";
import { Schedule } from "../optim/schedules";
import { Tensor } from "../tensor/tensor";
import { EarlyStoppingOptions, History } from "./history";
import { MetricName } from "./metrics";

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
  /** "auto" (default): a live progress bar and loss curve in a notebook, short text lines elsewhere. */
  display?: "auto" | "none";
  title?: string;
}
