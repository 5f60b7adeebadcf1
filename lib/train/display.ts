/**
 * What `fit` tells a display while it trains, and the two calls a display answers. lib/train draws
 * nothing itself: the caller hands `fit` a display (`display: myDisplay`), and `dl.train.fit`
 * hands it the notebook's live progress bar and loss curve by default (`dl.show.liveTrainingDisplay`,
 * wired in at the public API, lib/train-api.ts).
 * Example: fit(model, data, { …, display: { update: (p) => console.log(p.loss), finish() {} } })
 */

/** Where training stands: `epoch` is 1-based (the epoch in progress), `step` counts batches done in it. */
export interface TrainingProgress {
  epoch: number;
  epochs: number;
  step: number;
  stepsPerEpoch: number;
  loss: number;
  metrics: Record<string, number>;
  /** Per-epoch values so far, e.g. `{ loss: [...], valLoss: [...], accuracy: [...] }`. */
  history: Record<string, number[]>;
  elapsedSeconds: number;
}

/** What `fit` calls: `update` as often as it likes, `finish` once at the end. */
export interface TrainingDisplay {
  update(p: TrainingProgress): void;
  finish(p: TrainingProgress): void;
}
