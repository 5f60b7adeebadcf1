// Lesson 9's wrong answers, written as a student would write them, and the message each must get
// (gathered into WRONG in wrong.ts).
import { rng as makeRng } from "../../lib";
import { ReLU, Sigmoid } from "../../lib/nn/activations";
import { Sequential } from "../../lib/nn/layers";
import { Linear } from "../../lib/nn/linear";

const rng = makeRng(3);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const column = (rows: number[][], j: number) => rows.map((r) => r[j]);
const std = (xs: number[], n = xs.length) =>
  Math.sqrt(xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / n);

export const WRONG_09 = {
  kerasModel: [
    {
      answer: (inputs: number) =>
        new Sequential([
          new Linear(inputs, 100, { rng }),
          new ReLU(),
          new Linear(100, 1, { rng }),
          new Sigmoid(),
        ]),
      mistake: /No Sigmoid at the end/,
    },
    {
      answer: (inputs: number) =>
        new Sequential([new Linear(inputs, 100, { rng }), new Linear(100, 1, { rng })]),
      mistake: /needs its ReLU/,
    },
    {
      answer: (inputs: number) =>
        new Sequential([
          new Linear(inputs, 100, { rng }),
          new Sigmoid(),
          new Linear(100, 1, { rng }),
        ]),
      mistake: /hidden units are ReLU/,
    },
    {
      answer: () =>
        new Sequential([new Linear(28, 100, { rng }), new ReLU(), new Linear(100, 1, { rng })]),
      mistake: /not a fixed 28/,
    },
    {
      answer: (inputs: number) =>
        new Sequential([new Linear(inputs, 100, { rng }), new ReLU(), new Linear(100, 2, { rng })]),
      mistake: /One output, not two/,
    },
  ],
  standardizeWithTrain: [
    {
      // the test set standardised with its own statistics
      answer: (train: number[][], test: number[][]) =>
        test.map((row) => row.map((v, j) => (v - mean(column(test, j))) / std(column(test, j)))),
      mistake: /test rows' own mean and std/,
    },
    {
      answer: (train: number[][], test: number[][]) => {
        const all = [...train, ...test];
        return test.map((row) =>
          row.map((v, j) => (v - mean(column(all, j))) / std(column(all, j))),
        );
      },
      mistake: /training and test rows together/,
    },
    {
      answer: (train: number[][], test: number[][]) =>
        test.map((row) =>
          row.map((v, j) => (v - mean(column(train, j))) / std(column(train, j), train.length - 1)),
        ),
      mistake: /sample standard deviation/,
    },
    {
      answer: (train: number[][], test: number[][]) =>
        test.map((row) =>
          row.map((v, j) => (v - mean(column(train, j))) / std(column(train, j)) ** 2),
        ),
      mistake: /divided by the variance/,
    },
    {
      answer: (train: number[][], test: number[][]) =>
        test.map((row) => row.map((v, j) => v - mean(column(train, j)))),
      mistake: /only subtracted the mean/,
    },
    {
      answer: (train: number[][], test: number[][]) =>
        test.map((row) => row.map((v, j) => v / std(column(train, j)))),
      mistake: /without subtracting the mean/,
    },
  ],
  trapezoidAuc: [
    {
      answer: (fpr: number[], tpr: number[]) => {
        let area = 0;
        for (let i = 1; i < fpr.length; i++) area += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]);
        return area;
      },
      mistake: /forgot the ½/,
    },
    {
      answer: (fpr: number[], tpr: number[]) => {
        let area = 0;
        for (let i = 1; i < fpr.length; i++) area += (fpr[i] - fpr[i - 1]) * tpr[i - 1];
        return area;
      },
      mistake: /left height/,
    },
    {
      answer: (fpr: number[], tpr: number[]) => {
        let area = 0;
        for (let i = 1; i < fpr.length; i++) area += (fpr[i] - fpr[i - 1]) * tpr[i];
        return area;
      },
      mistake: /right height/,
    },
    {
      answer: (fpr: number[], tpr: number[]) => {
        let area = 0;
        for (let i = 1; i < fpr.length; i++)
          area += ((tpr[i] - tpr[i - 1]) * (fpr[i] + fpr[i - 1])) / 2;
        return area;
      },
      mistake: /axes swapped/,
    },
    {
      answer: (fpr: number[], tpr: number[]) => tpr.reduce((s, t) => s + t, 0) / tpr.length,
      mistake: /averaged the tpr values/,
    },
  ],
  thresholdFor: [
    {
      answer: (scores: number[], labels: number[], efficiency: number) => {
        const sorted = [...scores].sort((a, b) => b - a);
        return sorted[Math.ceil(efficiency * sorted.length) - 1];
      },
      mistake: /scores of every event/,
    },
    {
      answer: (scores: number[], labels: number[], efficiency: number) => {
        const background = scores.filter((_, i) => labels[i] === 0).sort((a, b) => b - a);
        return background[Math.ceil(efficiency * background.length) - 1];
      },
      mistake: /background's scores/,
    },
    {
      answer: (scores: number[], labels: number[], efficiency: number) => {
        const signal = scores.filter((_, i) => labels[i] === 1).sort((a, b) => b - a);
        return signal[Math.floor(efficiency * signal.length) - 1];
      },
      mistake: /One signal event too few/,
    },
    {
      answer: (scores: number[], labels: number[], efficiency: number) => {
        const signal = scores.filter((_, i) => labels[i] === 1).sort((a, b) => a - b);
        return signal[Math.ceil(efficiency * signal.length) - 1];
      },
      mistake: /from low to high/,
    },
    {
      answer: (scores: number[], labels: number[]) => {
        const signal = scores.filter((_, i) => labels[i] === 1).sort((a, b) => b - a);
        return signal[Math.ceil(signal.length / 2) - 1];
      },
      mistake: /median of the signal scores/,
    },
    { answer: () => 0.5, mistake: /accuracy's default threshold/ },
  ],
  predictedDepthRanking: [
    {
      answer: ["deep, low-level", "shallow, high-level", "shallow, low-level"],
      mistake: /the paper's ranking on HIGGS/,
    },
    {
      answer: ["shallow, high-level", "deep, low-level", "shallow, low-level"],
      mistake: /deep net comes last, not second/,
    },
    {
      answer: ["deep, low-level", "shallow, low-level", "shallow, high-level"],
      mistake: /lowest to highest/,
    },
    {
      answer: ["shallow, low-level", "deep, low-level", "shallow, high-level"],
      mistake: /do the physics for the network/,
    },
    {
      answer: ["shallow, low-level", "shallow, high-level", "deep, low-level"],
      mistake: /raw measurements alone do not beat/,
    },
  ],
};
