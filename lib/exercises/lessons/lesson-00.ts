/**
 * The exercises of lesson 0 (Welcome), one export per check: `dl.check.firstTensor(doubled)`,
 * `dl.check.average(average)`, `dl.check.predictedSum(total)`. The template for other lessons.
 */
import { defineExercise } from "../define";
import * as dl from "../solutions/dl";
import * as solutions from "../solutions/lesson-00";

/** 00-first-tensor (value): create the tensor [[1, 2], [3, 4]] and double it. */
export const firstTensor = defineExercise({
  id: "00-first-tensor",
  title: "Your first tensor",
  kind: "value",
  answer: "doubled",
  reference: solutions.doubled,
  mistakes: [
    {
      message: "You created the tensor but did not double it: multiply it by 2.",
      variant: () =>
        dl.tensor([
          [1, 2],
          [3, 4],
        ]),
    },
    {
      message: "Each entry was squared; doubling multiplies each entry by 2.",
      variant: () =>
        dl.tensor([
          [1, 4],
          [9, 16],
        ]),
    },
    {
      message: "You added 2 to each entry; doubling multiplies by 2.",
      variant: () =>
        dl.tensor([
          [3, 4],
          [5, 6],
        ]),
    },
    {
      message: "Rows and columns are swapped: the rows of [[1, 2], [3, 4]] are [1, 2] and [3, 4].",
      variant: () =>
        dl.tensor([
          [2, 6],
          [4, 8],
        ]),
    },
  ],
  hints: [
    "dl.tensor(nestedArray) turns nested arrays into a tensor: rows are the inner arrays.",
    "dl.mul(a, b) multiplies elementwise, and b may be a plain number.",
    "const doubled = dl.mul(dl.tensor([[1, 2], [3, 4]]), …);",
  ],
});

/** 00-average (function): the mean of a list of numbers, without changing the list. */
export const average = defineExercise({
  id: "00-average",
  title: "The average of a list",
  kind: "function",
  answer: "average",
  reference: solutions.average,
  cases: [
    { name: "three numbers", args: [[1, 2, 3]] },
    { name: "a single number", args: [[5]] },
    { name: "negative numbers", args: [[-1, 1, -2, 2, 10]] },
    { name: "an average that is not a whole number", args: [[1, 3, 8, 5]] },
    { name: "fractions", args: [[0.1, 0.2, 0.4, 0.5]], hidden: true },
  ],
  mistakes: [
    {
      message: "You forgot to average: that is the sum; divide it by the number of values.",
      variant: (xs) => xs.reduce((s, x) => s + x, 0),
    },
    {
      message: "Off by one: divide by xs.length, not xs.length - 1.",
      variant: (xs) => xs.reduce((s, x) => s + x, 0) / (xs.length - 1),
    },
    {
      message: "Off by one: divide by xs.length, not xs.length + 1.",
      variant: (xs) => xs.reduce((s, x) => s + x, 0) / (xs.length + 1),
    },
    {
      message:
        "That is (first + last) / 2, the midpoint of the ends: every value counts in the average.",
      variant: (xs) => (xs[0] + xs[xs.length - 1]) / 2,
    },
    {
      message:
        "The fraction was cut off: in JavaScript / keeps it (7 / 2 is 3.5), so do not round or floor the result.",
      variant: (xs) => Math.floor(xs.reduce((s, x) => s + x, 0) / xs.length),
    },
  ],
  hints: [
    "The average is the sum of the values divided by how many there are.",
    "Add the values up in a loop: `for (const x of xs) total += x;`.",
    "let total = 0; for (const x of xs) total += x; return total / …;",
  ],
});

/** 00-predict-sum (prediction): the sum of the entries of `doubled`, before computing it. */
export const predictedSum = defineExercise({
  id: "00-predict-sum",
  title: "Predict a sum",
  kind: "prediction",
  answer: "predictedSum",
  reference: solutions.predictedSum,
  mistakes: [
    { message: "That is the sum before doubling (1 + 2 + 3 + 4).", variant: () => 10 },
    { message: "That is the number of entries, not their sum.", variant: () => 4 },
    { message: "That is the largest entry, not the sum of all four.", variant: () => 8 },
    {
      message: "That adds 2 to each entry (3 + 4 + 5 + 6); doubling multiplies each by 2.",
      variant: () => 18,
    },
    {
      message: "That squares each entry (1 + 4 + 9 + 16); doubling multiplies each by 2.",
      variant: () => 30,
    },
  ],
  hints: [
    "Write out `doubled` entry by entry first.",
    "doubled is [[2, 4], [6, 8]]: add its four entries.",
  ],
});
