import { backward } from "../autograd/backward";
import { releaseGraph } from "../autograd/release";
import { batches } from "../data/split";
import { checkDataset, type Dataset } from "../tensor/dataset";
import { ArgumentError, NonFiniteError } from "../errors";
import { Module } from "../nn/module";
import { add } from "../tensor/elementwise";
import { noGrad } from "../tensor/record";
import type { TrainingDisplay, TrainingProgress } from "./display";
import { defaultThreshold, evaluate } from "./evaluate";
import { FitOptions, checkFitInputs, expectScalar, scheduledRate } from "./fit-options";
import { expectInteger, expectOptions } from "../tensor/check";
import { BestTracker, History, emptyHistory, historySeries } from "./history";
import { METRICS } from "./metrics";

interface Run {
  model: Module;
  data: Dataset;
  o: FitOptions;
  batchSize: number;
  threshold: number;
  history: History;
  display: TrainingDisplay | null;
  started: number;
  stopRequested: boolean;
  /** The last finite step loss (NaN before the first step), for error messages. */
  lastLoss: number;
}

/**
 * Trains `model` on `data` = {x, y}: for each epoch, for each batch (shuffled with the Rng),
 * forward, loss (+ penalty), backward, optimizer step, `releaseGraph` (the step's intermediate
 * memory is reused by the next one); then validation, early stopping and callbacks. The one training loop of the course (lessons 3–8); returns the History.
 * Throws NonFiniteError (naming the epoch, the step and the last finite loss) when the loss stops
 * being finite, ArgumentError for epochs or batchSize < 1 or shuffle without an rng.
 * Example:
 *   const h = dl.train.fit(model, { x, y }, { epochs: 100, batchSize: 4, loss: dl.nn.mse,
 *     optimizer: new dl.optim.SGD(model.parameters(), { lr: 0.5 }), metrics: ["accuracy"] });
 */
export function fit(model: Module, data: Dataset, options: FitOptions): History {
  const run = startRun(model, data, options);
  const es = options.earlyStopping;
  const tracker = new BestTracker(
    es?.monitor ?? (options.validation ? "valLoss" : "loss"),
    es?.minDelta,
    es?.mode,
  );
  const keepBest = es !== undefined && es.restoreBest !== false;
  let bestState = keepBest ? model.state() : [];
  for (let epoch = 0; epoch < options.epochs && !run.stopRequested; epoch++) {
    if (options.schedule) options.optimizer.lr = scheduledRate(options.schedule, epoch);
    trainEpoch(run, epoch);
    const values = endEpoch(run);
    run.display?.update(progress(run, epoch + 1, stepsPerEpoch(run), NaN));
    if (tracker.observe(values[tracker.monitor], epoch) && keepBest) bestState = model.state();
    run.history.bestEpoch = tracker.bestEpoch;
    if (es && tracker.wait >= (es.patience ?? 5)) run.stopRequested = true;
    const info = {
      epoch: epoch + 1,
      values,
      history: run.history,
      stop: () => (run.stopRequested = true),
    };
    if (options.callbacks?.onEpochEnd?.(info) === "stop") run.stopRequested = true;
  }
  run.history.stoppedEarly = run.history.epochs < options.epochs;
  if (keepBest) model.loadState(bestState);
  run.display?.finish(progress(run, run.history.epochs, stepsPerEpoch(run), NaN));
  return run.history;
}

function startRun(model: Module, data: Dataset, o: FitOptions): Run {
  expectOptions("fit", o);
  const n = checkDataset("fit", data);
  if (o.validation) checkDataset("fit (validation)", o.validation);
  checkFitInputs(model, data, o);
  expectInteger("fit", "epochs", o.epochs, 1);
  const batchSize = expectInteger("fit", "batchSize", o.batchSize ?? Math.min(32, n), 1);
  if (o.shuffle && !o.rng) throw new ArgumentError("fit: shuffle needs an rng, got none");
  const history = emptyHistory(o.metrics ?? [], Boolean(o.validation), Boolean(o.recordSteps));
  // "auto" means the caller's default display: dl.train.fit (lib/train-api.ts) passes the live one
  const display = typeof o.display === "object" && o.display !== null ? o.display : null;
  const threshold = o.threshold ?? defaultThreshold(o.loss);
  return {
    model,
    data,
    o,
    batchSize,
    threshold,
    history,
    display,
    started: Date.now(),
    stopRequested: false,
    lastLoss: NaN,
  };
}

function trainEpoch(run: Run, epoch: number): void {
  const { model, o, history } = run;
  const shuffle = o.shuffle ?? o.rng !== undefined;
  const whole = !shuffle && run.batchSize >= run.data.x.shape[0];
  const parts = whole
    ? [run.data]
    : batches(run.data, { batchSize: run.batchSize, rng: shuffle ? o.rng : undefined });
  const sums: Record<string, number> = { loss: 0 };
  let rows = 0;
  model.train();
  for (let s = 0; s < parts.length && !run.stopRequested; s++) {
    const b = parts[s];
    o.optimizer.zeroGrad();
    const yPred = model.forward(b.x);
    const value = expectScalar("fit", "the loss function", o.loss(yPred, b.y));
    const lossT = o.penalty ? add(value, expectScalar("fit", "penalty", o.penalty())) : value;
    const loss = lossT.item();
    if (!Number.isFinite(loss)) throw nonFinite(run, epoch, s, loss);
    run.lastLoss = loss;
    backward(lossT);
    o.optimizer.step();
    const m = b.x.shape[0];
    rows += m;
    sums.loss += loss * m;
    noGrad(() =>
      (o.metrics ?? []).forEach(
        (k) => (sums[k] = (sums[k] ?? 0) + m * METRICS[k](yPred, b.y, run.threshold)),
      ),
    );
    // the step is over: its intermediate memory serves the next step (the fast kernels reuse it)
    releaseGraph(lossT);
    history.stepLoss?.push(loss);
    const info = { epoch: epoch + 1, step: s + 1, loss, stop: () => (run.stopRequested = true) };
    if (o.callbacks?.onStepEnd?.(info) === "stop") run.stopRequested = true;
    // The epoch's last update comes after validation, with the epoch's numbers (see fit).
    if (s + 1 < parts.length) run.display?.update(progress(run, epoch + 1, s + 1, loss));
  }
  history.loss.push(sums.loss / rows);
  for (const k of o.metrics ?? []) history.metrics[k].push(sums[k] / rows);
  history.epochs++;
}

function endEpoch(run: Run): Record<string, number> {
  const { o, history } = run;
  if (o.validation) {
    const v = evaluate(run.model, o.validation, {
      loss: o.loss,
      metrics: o.metrics,
      threshold: run.threshold,
    });
    history.valLoss.push(v.loss);
    for (const k of o.metrics ?? []) history.valMetrics[k].push(v[k]);
  }
  const values: Record<string, number> = {};
  for (const [name, series] of Object.entries(historySeries(history)))
    values[name] = series[series.length - 1];
  return values;
}

function nonFinite(run: Run, epoch: number, step: number, loss: number): NonFiniteError {
  const last = Number.isNaN(run.lastLoss) ? "none yet" : String(run.lastLoss);
  return new NonFiniteError(
    `fit: the loss is ${loss} at epoch ${epoch + 1}, step ${step + 1} (last finite loss: ${last}); try a smaller learning rate or check the data`,
  );
}

function stepsPerEpoch(run: Run): number {
  return Math.ceil(run.data.x.shape[0] / run.batchSize);
}

/** What the display shows; a NaN `loss` means "the last epoch's mean loss". */
function progress(run: Run, epoch: number, step: number, loss: number): TrainingProgress {
  const series = historySeries(run.history);
  const metrics: Record<string, number> = {};
  for (const [k, v] of Object.entries(series))
    if (k !== "loss" && v.length > 0) metrics[k] = v[v.length - 1];
  const lastLoss = Number.isNaN(loss)
    ? (run.history.loss[run.history.loss.length - 1] ?? NaN)
    : loss;
  return {
    epoch: Math.max(1, epoch),
    epochs: run.o.epochs,
    step,
    stepsPerEpoch: stepsPerEpoch(run),
    loss: lastLoss,
    metrics,
    history: series,
    elapsedSeconds: (Date.now() - run.started) / 1000,
  };
}
