/**
 * The exercises of lesson 0 (Welcome), one export per check: `dl.check.firstTensor(doubled)`,
 * `dl.check.average(average)`, `dl.check.broadcastShape(broadcastShape)`,
 * `dl.check.predictedSum(total)`. The template for other lessons.
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

type Shape = number[] | null;
/** The broadcast shape with one slip: sizes must be equal, shapes aligned on the left, no check… */
function broadcastWith(slip: "equalOnly" | "left" | "noCheck" | "shortest" | "first") {
  return (a: number[], b: number[]): Shape => {
    if (slip === "first") return [...a];
    const n = slip === "shortest" ? Math.min(a.length, b.length) : Math.max(a.length, b.length);
    const at = (s: number[], i: number) => (slip === "left" ? s[i - 1] : s[s.length - i]);
    const shape: number[] = [];
    for (let i = 1; i <= n; i++) {
      const [p, q] = [at(a, i), at(b, i)];
      // "equal sizes only": a missing axis takes the other size, two sizes must be equal
      const [x, y] = slip === "equalOnly" ? [p ?? q, q ?? p] : [p ?? 1, q ?? 1];
      const fits = slip === "equalOnly" ? x === y : x === y || x === 1 || y === 1;
      if (!fits && slip !== "noCheck") return null;
      if (slip === "left") shape.push(Math.max(x, y));
      else shape.unshift(Math.max(x, y));
    }
    return shape;
  };
}

/** 00-broadcast-shape (function): the broadcast shape of two shapes, or null when they do not fit. */
export const broadcastShape = defineExercise({
  id: "00-broadcast-shape",
  title: "The broadcasting rule",
  kind: "function",
  answer: "broadcastShape",
  reference: solutions.broadcastShape,
  cases: [
    { name: "a matrix and a row", args: [[2, 3], [3]] },
    { name: "a column and a row", args: [[3, 1], [2]] },
    { name: "the shorter shape first", args: [[3], [2, 3]] },
    { name: "sizes that do not fit", args: [[4, 3], [2]] },
    {
      name: "1s on both sides",
      args: [
        [2, 1],
        [1, 3],
      ],
    },
    {
      name: "three axes",
      args: [
        [5, 1, 4],
        [3, 1],
      ],
      hidden: true,
    },
  ],
  // "Equal sizes only" comes before "aligned on the left": on a column and a row both give null.
  mistakes: [
    {
      message:
        "An axis of size 1 stretches to match the other: [3, 1] and [2] give [3, 2]. Only two different sizes that are both not 1 fail.",
      variant: broadcastWith("equalOnly"),
    },
    {
      message:
        "Shapes are aligned on the right (the last axes first): [2, 3] + [3] adds the row to every row.",
      variant: broadcastWith("left"),
    },
    {
      message:
        "Sizes 4 and 2 cannot broadcast: on each axis the sizes must be equal or one of them 1. Return null then.",
      variant: broadcastWith("noCheck"),
    },
    {
      message:
        "The result has as many axes as the longer shape: a missing axis counts as 1 and is kept.",
      variant: broadcastWith("shortest"),
    },
    {
      message: "The result is not always the first shape: on each axis it takes the larger size.",
      variant: broadcastWith("first"),
    },
  ],
  hints: [
    "Walk both shapes from the right end; pad the shorter one with 1s on the left.",
    "On each axis: equal sizes stay; a 1 takes the other size; two different sizes, neither 1, mean null.",
    "for (let i = 1; i <= Math.max(a.length, b.length); i++) { const x = a[a.length - i] ?? 1; const y = b[b.length - i] ?? 1; … shape.unshift(Math.max(x, y)); }",
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
