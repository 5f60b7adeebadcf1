/**
 * Reference answers of lesson 9 (the hands-on: finding a new particle). Each export is the
 * declaration a solved notebook cell holds (`npm run solutions` copies its text); the checks in
 * lessons/lesson-09.ts use them.
 */
import * as dl from "./dl";

/** 09-keras-model: the session's network for `inputs` features: 100 ReLU units, one output (a logit). */
export function kerasModel(inputs: number): dl.nn.Sequential {
  const rng = dl.rng(1);
  return new dl.nn.Sequential([
    new dl.nn.Linear(inputs, 100, { rng }),
    new dl.nn.ReLU(),
    new dl.nn.Linear(100, 1, { rng }),
  ]);
}

/**
 * 09-standardize-splits: standardise every column of `test` with the mean and standard deviation
 * (divided by N) of the same column in `train`.
 */
export function standardizeWithTrain(train: number[][], test: number[][]): number[][] {
  const columns = train[0].length;
  const mean = Array.from(
    { length: columns },
    (_, j) => train.reduce((s, row) => s + row[j], 0) / train.length,
  );
  const std = mean.map((m, j) =>
    Math.sqrt(train.reduce((s, row) => s + (row[j] - m) ** 2, 0) / train.length),
  );
  return test.map((row) => row.map((v, j) => (v - mean[j]) / std[j]));
}

/** 09-trapezoid-auc: the area under the points (fpr[i], tpr[i]) by the trapezoid rule. */
export function trapezoidAuc(fpr: number[], tpr: number[]): number {
  let area = 0;
  for (let i = 1; i < fpr.length; i++) {
    area += ((fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1])) / 2;
  }
  return area;
}

/**
 * 09-threshold: the highest threshold t whose cut "score ≥ t" keeps at least the fraction
 * `efficiency` of the signal (label 1) scores.
 */
export function thresholdFor(scores: number[], labels: number[], efficiency: number): number {
  const signal = scores.filter((_, i) => labels[i] === 1).sort((a, b) => b - a);
  const kept = Math.ceil(efficiency * signal.length);
  return signal[kept - 1];
}

/** 09-predict-ranking: the three networks by test AUC, highest first, on the lesson's events. */
export const predictedDepthRanking: string[] = [
  "shallow, high-level",
  "shallow, low-level",
  "deep, low-level",
];
