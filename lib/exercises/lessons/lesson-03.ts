/**
 * The exercises of lesson 3 (The XOR failure): `dl.check.xorNet(xorNet)`,
 * `dl.check.hiddenPoints(hiddenPoints)` and the predictions `dl.check.predictedXorErrors(errors)`,
 * `dl.check.predictedSeparable(count)`.
 */
import { defineExercise } from "../define";
import * as solutions from "../solutions/lesson-03";

/** XOR, wrong exactly at the given inputs. */
const wrongAt =
  (...inputs: number[][]) =>
  (x1: number, x2: number): number => {
    const y = solutions.xorNet(x1, x2);
    return inputs.some((i) => i[0] === x1 && i[1] === x2) ? 1 - y : y;
  };

/** 03-xor-by-hand (function): a 2-2-1 threshold network computing XOR with hand-chosen weights. */
export const xorNet = defineExercise({
  id: "03-xor-by-hand",
  title: "XOR with a hidden layer, weights by hand",
  kind: "function",
  answer: "xorNet",
  reference: solutions.xorNet,
  cases: [
    { name: "0 XOR 0", args: [0, 0] },
    { name: "0 XOR 1", args: [0, 1] },
    { name: "1 XOR 0", args: [1, 0] },
    { name: "1 XOR 1", args: [1, 1] },
  ],
  // One wrong output per input is possible, so each message speaks to the first wrong input:
  // XNOR and NAND fail at 0 XOR 0, AND at 0 XOR 1, unequal input weights at 1 XOR 0 only (listed
  // before AND: both give 0 there), OR at 1 XOR 1.
  mistakes: [
    {
      message:
        "0 XOR 0 is 0: with no input on, nothing should fire (XNOR and NAND give 1 here). Check the biases: step(0 + b) fires when b ≥ 0.",
      variant: wrongAt([0, 0]),
    },
    {
      message:
        "0 XOR 1 is right but 1 XOR 0 is not: XOR treats x1 and x2 alike, so each hidden unit needs the same weight on both inputs.",
      variant: wrongAt([1, 0]),
    },
    {
      message:
        "Exactly one input on must give 1 (AND and XNOR give 0 here): then the OR unit h1 fires, the AND unit h2 does not, and the output must fire for h1 alone.",
      variant: wrongAt([0, 1], [1, 0]),
    },
    {
      message:
        "1 XOR 1 is 0, but your network says 1, as OR does: let a second hidden unit detect 'both on' (AND) and veto the output with a negative weight.",
      variant: wrongAt([1, 1]),
    },
  ],
  hints: [
    "XOR = (x1 OR x2) AND NOT (x1 AND x2). Make h1 an OR unit and h2 an AND unit.",
    "OR: step(x1 + x2 − 0.5); AND: step(x1 + x2 − 1.5). The output fires when h1 is on and h2 is off.",
    "const h1 = step(x1 + x2 - 0.5); const h2 = step(x1 + x2 - 1.5); return step(h1 - h2 - 0.5);",
  ],
});

/**
 * 03-predict-errors (prediction): how many of XOR's four points the perceptron gets wrong after
 * its 100th epoch (in order, from zero weights, η = 1), counted as lesson 2 counts: after the epoch.
 */
export const predictedXorErrors = defineExercise({
  id: "03-predict-errors",
  title: "Predict: how many XOR points are wrong after 100 epochs?",
  kind: "prediction",
  answer: "predictedXorErrors",
  reference: solutions.predictedXorErrors,
  tolerance: { rtol: 0, atol: 0 },
  mistakes: [
    {
      message:
        "Zero would mean that a line separates XOR's classes, and none does: a perceptron's boundary is a line, so at least one point is always wrong.",
      variant: () => 0,
    },
    {
      message:
        "The best line does get three of the four right, but the perceptron never settles on it: in order, each update undoes the one before, and every epoch ends with two points wrong.",
      variant: () => 1,
    },
    {
      message:
        "Even a constant answer gets two of the four right (XOR has two 0s and two 1s), and the perceptron does no worse than that.",
      variant: () => 3,
    },
    {
      message:
        "Four wrong would mean that the opposite rule (swap 0 and 1) gets all four right: no line does that either.",
      variant: () => 4,
    },
  ],
  hints: [
    "Draw the four points and try to separate the 1s, (0, 1) and (1, 0), from the 0s with one straight line. How many points can one line get right at best?",
    "Trace the first epoch by hand from w = [0, 0], b = 0 (η = 1), then test the weights on all four points; does the second epoch end anywhere else?",
  ],
});

/** 03-predict-separable (prediction): how many of the 16 two-input boolean functions a perceptron learns. */
export const predictedSeparable = defineExercise({
  id: "03-predict-separable",
  title: "Predict: how many two-input functions can one perceptron learn?",
  kind: "prediction",
  answer: "predictedSeparable",
  reference: solutions.predictedSeparable,
  tolerance: { rtol: 0, atol: 0 },
  mistakes: [
    {
      message: "XOR is one of the 16, and no line separates its classes: it cannot be learned.",
      variant: () => 16,
    },
    {
      message:
        "XNOR (1 when the inputs are equal) is XOR with its outputs flipped: no line separates it either.",
      variant: () => 15,
    },
    {
      message:
        "More than half: only the two functions that are 1 on one diagonal and 0 on the other, XOR and XNOR, fail.",
      variant: () => 8,
    },
    {
      message:
        "Not only AND, OR, NAND and NOR: the two constants, x1, x2, NOT x1, NOT x2, and x1 AND NOT x2 and its mirror are separable by a line too.",
      variant: () => 4,
    },
    {
      message:
        "Not only AND and OR: a line can cut off any single corner of the square, two neighbouring corners, or none.",
      variant: () => 2,
    },
  ],
  hints: [
    "A function of two 0/1 inputs is its truth table: 4 outputs, so 2⁴ = 16 functions. Which of them can a line separate?",
    "Draw the four corners of the square. A line can cut off nothing, one corner, or two neighbouring corners; it cannot cut off two opposite corners.",
  ],
});

/** 03-hidden-points (value): the four points in the space of the hidden layer h1 = OR, h2 = AND. */
export const hiddenPoints = defineExercise({
  id: "03-hidden-points",
  title: "The four points in the hidden layer's space",
  kind: "value",
  answer: "hiddenPoints",
  reference: solutions.hiddenPoints,
  // prettier-ignore
  mistakes: [
    {
      message: "h1 is the OR unit and comes first in each pair: [h1, h2] = [OR, AND].",
      variant: () => [[0, 0], [0, 1], [0, 1], [1, 1]],
    },
    {
      message:
        "That is the network's output y for each point; the hidden layer gives two numbers per point, [h1, h2].",
      variant: () => [0, 1, 1, 0],
    },
    {
      message: "That is x itself: feed each point through the OR unit and the AND unit.",
      variant: () => [[0, 0], [0, 1], [1, 0], [1, 1]],
    },
    {
      message: "The AND unit fires only when both inputs are 1: h2 is 0 for (0, 1) and (1, 0).",
      variant: () => [[0, 0], [1, 1], [1, 1], [1, 1]],
    },
  ],
  hints: [
    "For each point x = (x1, x2), compute h1 = OR(x1, x2) and h2 = AND(x1, x2).",
    "(0, 1) gives h1 = 1 (one input is on) and h2 = 0 (not both are).",
    "Four pairs, in the order (0, 0), (0, 1), (1, 0), (1, 1): the first is [0, 0], the last [1, 1].",
  ],
});
