/**
 * The exercises of lesson 9 (the hands-on): `dl.check.kerasModel(kerasModel)` (in
 * lesson-09-model.ts), `dl.check.standardizeWithTrain(standardizeWithTrain)`,
 * `dl.check.trapezoidAuc(trapezoidAuc)`, `dl.check.thresholdFor(thresholdFor)` and the prediction
 * `dl.check.predictedDepthRanking(ranking)` (three networks ordered by test AUC).
 */
import { Rng } from "../../rng";
import { defineExercise } from "../define";
import * as solutions from "../solutions/lesson-09";

export { kerasModel } from "./lesson-09-model";

const rng = new Rng(909);
/** A rows×cols matrix of features on different scales (column j around 10^j). */
const features = (rows: number, cols: number): number[][] =>
  Array.from({ length: rows }, () =>
    Array.from({ length: cols }, (_, j) => rng.normal(3 * (j + 1), 10 ** (j % 3))),
  );
const ref = solutions.standardizeWithTrain;
/** The standard deviation with N − 1 (the "sample" one): the mistake variant. */
function sampleStd(train: number[][], test: number[][]): number[][] {
  const n = train.length;
  const scaled = ref(train, test);
  return scaled.map((row) => row.map((v) => v * Math.sqrt((n - 1) / n)));
}
/** The columns' mean and std of `train`, to build the variants that use them wrongly. */
function stats(train: number[][]): { mean: number[]; std: number[] } {
  const mean = train[0].map((_, j) => train.reduce((s, r) => s + r[j], 0) / train.length);
  const std = mean.map((m, j) =>
    Math.sqrt(train.reduce((s, r) => s + (r[j] - m) ** 2, 0) / train.length),
  );
  return { mean, std };
}

/** 09-standardize-splits (function): the test rows scaled with the training rows' mean and std. */
export const standardizeWithTrain = defineExercise({
  id: "09-standardize-splits",
  title: "Standardise with the training split's statistics",
  kind: "function",
  answer: "standardizeWithTrain",
  reference: solutions.standardizeWithTrain,
  cases: [
    {
      name: "train [[1, 10], [3, 30], [5, 20]], test [[2, 40], [6, 0]]",
      args: [
        [
          [1, 10],
          [3, 30],
          [5, 20],
        ],
        [
          [2, 40],
          [6, 0],
        ],
      ],
    },
    { name: "5 training rows, 3 test rows, 3 columns", args: [features(5, 3), features(3, 3)] },
    { name: "8 training rows, 4 test rows", args: [features(8, 4), features(4, 4)], hidden: true },
  ],
  mistakes: [
    {
      message:
        "You used the test rows' own mean and std. Fit on the training split only: the test set stands for data the model has never seen, so nothing may be learned from it, not even its mean.",
      variant: (train, test) => ref(test, test),
    },
    {
      message:
        "You fitted the mean and std on training and test rows together: the test set leaks into the preprocessing. Use the training rows only.",
      variant: (train, test) => ref([...train, ...test], test),
    },
    {
      message:
        "You divided by the sample standard deviation (N − 1). dl.data.standardize divides by N, as the lesson does.",
      variant: sampleStd,
    },
    {
      message: "You divided by the variance; divide by its square root, the standard deviation.",
      variant: (train, test) => {
        const { mean, std } = stats(train);
        return test.map((row) => row.map((v, j) => (v - mean[j]) / std[j] ** 2));
      },
    },
    {
      message: "You only subtracted the mean: also divide by the standard deviation.",
      variant: (train, test) => {
        const { mean } = stats(train);
        return test.map((row) => row.map((v, j) => v - mean[j]));
      },
    },
    {
      message: "You divided by the standard deviation without subtracting the mean first.",
      variant: (train, test) => {
        const { std } = stats(train);
        return test.map((row) => row.map((v, j) => v / std[j]));
      },
    },
  ],
  hints: [
    "Two passes over the training rows: first each column's mean, then each column's standard deviation. The test rows are only transformed.",
    "std_j = √(Σᵢ (train[i][j] − mean_j)² / N), with N the number of training rows.",
    "return test.map((row) => row.map((v, j) => (v - mean[j]) / std[j]));",
  ],
});

/** 09-trapezoid-auc (function): Σ (fpr[i] − fpr[i−1]) (tpr[i] + tpr[i−1]) / 2. */
export const trapezoidAuc = defineExercise({
  id: "09-trapezoid-auc",
  title: "The area under a ROC curve, by the trapezoid rule",
  kind: "function",
  answer: "trapezoidAuc",
  reference: solutions.trapezoidAuc,
  cases: [
    {
      name: "fpr [0, 0.1, 0.4, 1], tpr [0, 0.6, 0.9, 1]",
      args: [
        [0, 0.1, 0.4, 1],
        [0, 0.6, 0.9, 1],
      ],
    },
    {
      name: "a diagonal step from a tie: fpr [0, 0, 0.5, 1], tpr [0, 0.5, 1, 1]",
      args: [
        [0, 0, 0.5, 1],
        [0, 0.5, 1, 1],
      ],
    },
    {
      name: "six points, uneven steps",
      args: [
        [0, 0.05, 0.2, 0.3, 0.7, 1],
        [0, 0.3, 0.55, 0.8, 0.85, 1],
      ],
      hidden: true,
    },
  ],
  mistakes: [
    {
      message:
        "You forgot the ½: a trapezoid's area is its width times the mean of its two heights, (tpr[i] + tpr[i−1]) / 2.",
      variant: (fpr, tpr) => 2 * solutions.trapezoidAuc(fpr, tpr),
    },
    {
      message:
        "You summed rectangles of the left height tpr[i−1] (a lower sum): the trapezoid uses the mean of both heights.",
      variant: (fpr, tpr) => fpr.slice(1).reduce((s, f, i) => s + (f - fpr[i]) * tpr[i], 0),
    },
    {
      message:
        "You summed rectangles of the right height tpr[i] (an upper sum): the trapezoid uses the mean of both heights.",
      variant: (fpr, tpr) => fpr.slice(1).reduce((s, f, i) => s + (f - fpr[i]) * tpr[i + 1], 0),
    },
    {
      message:
        "You integrated fpr along tpr (axes swapped): that is the area to the left of the curve, 1 − AUC. The ROC curve has fpr across and tpr up.",
      variant: (fpr, tpr) => solutions.trapezoidAuc(tpr, fpr),
    },
    {
      message:
        "You averaged the tpr values: that would be the area only for evenly spaced fpr. Weight each trapezoid by its width fpr[i] − fpr[i−1].",
      variant: (fpr, tpr) => tpr.reduce((s, t) => s + t, 0) / tpr.length,
    },
  ],
  hints: [
    "Between two neighbouring points the curve is a straight segment: the area under it is a trapezoid.",
    "Width fpr[i] − fpr[i−1], heights tpr[i−1] and tpr[i]: area = width × (sum of heights) / 2.",
    "for (let i = 1; i < fpr.length; i++) area += ((fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1])) / 2;",
  ],
});

// prettier-ignore
const SCORES = [0.95, 0.12, 0.81, 0.33, 0.67, 0.58, 0.2, 0.74, 0.46, 0.9, 0.39, 0.52];
// prettier-ignore
const LABELS = [1, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1];
const random = Array.from({ length: 15 }, () => Math.round(rng.uniform() * 1000) / 1000);
const randomLabels = random.map((_, i) => (i % 3 === 0 ? 0 : 1));
const signalOf = (scores: number[], labels: number[], label = 1) =>
  scores.filter((_, i) => labels[i] === label);

/** 09-threshold (function): the highest t with "score ≥ t" keeping ≥ efficiency of the signal. */
export const thresholdFor = defineExercise({
  id: "09-threshold",
  title: "The threshold for a signal efficiency",
  kind: "function",
  answer: "thresholdFor",
  reference: solutions.thresholdFor,
  cases: [
    { name: "7 signal and 5 background scores, efficiency 0.8", args: [SCORES, LABELS, 0.8] },
    { name: "the same scores, efficiency 0.5", args: [SCORES, LABELS, 0.5] },
    { name: "the same scores, efficiency 0.3", args: [SCORES, LABELS, 0.3] },
    { name: "15 random scores, efficiency 0.6", args: [random, randomLabels, 0.6], hidden: true },
  ],
  mistakes: [
    {
      message:
        "You took the scores of every event: the signal efficiency counts signal events (label 1) only.",
      variant: (scores, labels, efficiency) =>
        solutions.thresholdFor(
          scores,
          scores.map(() => 1),
          efficiency,
        ),
    },
    {
      message:
        "You used the background's scores (label 0): the signal is label 1, and its efficiency is what must reach the target.",
      variant: (scores, labels, efficiency) =>
        solutions.thresholdFor(
          scores,
          labels.map((l) => 1 - l),
          efficiency,
        ),
    },
    {
      message:
        "One signal event too few: with Math.floor the cut keeps less than the efficiency asked for. Round the number of kept events up (Math.ceil).",
      variant: (scores, labels, efficiency) => {
        const signal = signalOf(scores, labels).sort((a, b) => b - a);
        return signal[Math.floor(efficiency * signal.length) - 1];
      },
    },
    {
      message:
        "You sorted the scores from low to high: the cut keeps scores ≥ t, so count from the highest score down.",
      variant: (scores, labels, efficiency) => {
        const signal = signalOf(scores, labels).sort((a, b) => a - b);
        return signal[Math.ceil(efficiency * signal.length) - 1];
      },
    },
    {
      message:
        "That is the median of the signal scores whatever the efficiency: it only fits an efficiency of 0.5.",
      variant: (scores, labels) => solutions.thresholdFor(scores, labels, 0.5),
    },
    {
      message:
        "0.5 is accuracy's default threshold, not the one for this efficiency: find it from the signal scores.",
      variant: () => 0.5,
    },
  ],
  hints: [
    "Keep only the signal scores (label 1) and sort them from the highest down.",
    "To keep a fraction e of n signal events, the cut must keep the Math.ceil(e·n) highest of them.",
    "The threshold is the lowest score that must be kept: signal[Math.ceil(efficiency * signal.length) - 1].",
  ],
});

type Run = "shallow, low-level" | "shallow, high-level" | "deep, low-level";

/** 09-predict-ranking (prediction): three networks ordered by test AUC, highest first. */
export const predictedDepthRanking = defineExercise({
  id: "09-predict-ranking",
  title: "Predict: does depth beat the physicists' features?",
  kind: "prediction",
  answer: "predictedDepthRanking",
  reference: solutions.predictedDepthRanking,
  mistakes: [
    {
      message:
        "That is the paper's ranking on HIGGS (deep on low-level first). On our generator the masses separate the classes far better than on HIGGS, and the shallow net with them comes first.",
      variant: (): Run[] => ["deep, low-level", "shallow, high-level", "shallow, low-level"],
    },
    {
      message:
        "The deep net comes last, not second: with 6,000 events and at most 30 epochs, four layers of 50 units learn less from the 21 raw measurements than one layer of 100 does.",
      variant: (): Run[] => ["shallow, high-level", "deep, low-level", "shallow, low-level"],
    },
    {
      message:
        "That is the order from lowest to highest: the question asks for the highest AUC first.",
      variant: (): Run[] => ["deep, low-level", "shallow, low-level", "shallow, high-level"],
    },
    {
      message:
        "The high-level masses do the physics for the network (m_bb is 125 GeV in signal events): with them even a shallow net comes first here.",
      variant: (): Run[] => ["shallow, low-level", "deep, low-level", "shallow, high-level"],
    },
    {
      message:
        "The 21 raw measurements alone do not beat the 7 masses: the shallow net on the masses comes first, then the shallow and the deep net on the raw features.",
      variant: (): Run[] => ["shallow, low-level", "shallow, high-level", "deep, low-level"],
    },
  ],
  hints: [
    "The high-level features are invariant masses: m_bb is 125 GeV for every signal event before the detector smears it.",
    "A deep network can learn such masses from the raw measurements, but from 6,000 events and in at most 30 epochs?",
  ],
});
