/**
 * The check of lesson 9's first exercise, `dl.check.kerasModel(kerasModel)`: the student's
 * `kerasModel(inputs)` builds a network, judged by what it is made of, its layers (as
 * `dl.nn.architecture` describes them) and its parameter count, not by its initial weights. The
 * check wraps the function so that it returns that summary, then judges it like any function.
 */
import { Rng } from "../../rng";
import { Linear } from "../../nn/linear";
import { Module } from "../../nn/module";
import { ReLU, Sigmoid } from "../../nn/activations";
import { Sequential } from "../../nn/layers";
import { architecture } from "../../nn/weights";
import { defineExercise } from "../define";
import type { Exercise } from "../types";
import * as solutions from "../solutions/lesson-09";

/** A Module's layers and parameter count; anything else unchanged (a placeholder stays one). */
export function summarize(model: unknown): unknown {
  if (!(model instanceof Module)) return model;
  return { layers: architecture(model).slice(1), parameters: model.parameterCount() };
}

/** `f` returning the summary of what it returns; anything that is not a function unchanged. */
function summarizing(f: unknown): unknown {
  if (typeof f !== "function") return f;
  return (...args: unknown[]) => summarize((f as (...a: unknown[]) => unknown)(...args));
}

const rng = new Rng(9);
/** The summary of a wrong network for `inputs` features. */
const wrong =
  (layers: (inputs: number) => Module[]) =>
  (inputs: number): unknown =>
    summarize(new Sequential(layers(inputs)));

const inner = defineExercise({
  id: "09-keras-model",
  title: "The session's network, from its description",
  kind: "function",
  answer: "kerasModel",
  reference: (inputs: number): unknown => summarize(solutions.kerasModel(inputs)),
  cases: [
    { name: "kerasModel(28): all features", args: [28] },
    { name: "kerasModel(21): the low-level features", args: [21] },
    { name: "kerasModel(7): the high-level features", args: [7], hidden: true },
  ],
  mistakes: [
    {
      message:
        "No Sigmoid at the end here: the output is a logit, and dl.nn.binaryCrossEntropyWithLogits applies the sigmoid inside the loss (Keras puts it in the last layer instead).",
      variant: wrong((n) => [
        new Linear(n, 100, { rng }),
        new ReLU(),
        new Linear(100, 1, { rng }),
        new Sigmoid(),
      ]),
    },
    {
      message:
        "The hidden layer needs its ReLU: without an activation, two Linear layers make one linear map, and the network is a logistic regression.",
      variant: wrong((n) => [new Linear(n, 100, { rng }), new Linear(100, 1, { rng })]),
    },
    {
      message: "The session's hidden units are ReLU (max(0, z)), not sigmoids.",
      variant: wrong((n) => [
        new Linear(n, 100, { rng }),
        new Sigmoid(),
        new Linear(100, 1, { rng }),
      ]),
    },
    {
      message:
        "The first layer takes `inputs` features (28 for all of them, 21 for the low-level ones): Linear(inputs → 100), not a fixed 28.",
      variant: wrong(() => [new Linear(28, 100, { rng }), new ReLU(), new Linear(100, 1, { rng })]),
    },
    {
      message:
        "One output, not two: a single logit says how signal-like the event is (a softmax over two outputs would say the same with twice the weights).",
      variant: wrong((n) => [new Linear(n, 100, { rng }), new ReLU(), new Linear(100, 2, { rng })]),
    },
  ],
  hints: [
    "dl.nn.Sequential takes the layers in order: a Linear layer, its activation, the output Linear layer.",
    "new dl.nn.Linear(28, 100, { rng }) makes 28 × 100 weights and 100 biases; the output layer has 100 weights and 1 bias: 3,001 in all.",
    "new dl.nn.Sequential([new dl.nn.Linear(inputs, 100, { rng }), new dl.nn.ReLU(), new dl.nn.Linear(100, 1, { rng })])",
  ],
});

/** 09-keras-model (function): inputs → 100 ReLU → 1, judged by the network's summary. */
export const kerasModel: Exercise = Object.freeze({
  ...inner,
  /** The reference answer, the function that builds the network (its summaries are compared). */
  reference: solutions.kerasModel,
  judge: (answer: unknown) => inner.judge(summarizing(answer)),
  check: (answer: unknown) => inner.check(summarizing(answer)),
});
