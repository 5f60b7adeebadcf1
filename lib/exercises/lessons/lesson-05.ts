/**
 * The exercises of lesson 5 (Backpropagation): `dl.check.gradW5(gradW5)`, `dl.check.gradB3(gradB3)`,
 * `dl.check.tanhOp(tanhOp)` (a new op of the scalar engine, judged by running it forward and
 * backward) and the prediction `dl.check.predictedGradTwice(a.grad)`.
 */
import { Value } from "../../autograd/value";
import { defineExercise } from "../define";
import { showVerdict } from "../render";
import * as solutions from "../solutions/lesson-05";
import type { Exercise, Verdict } from "../types";

type Grad = (x: number[], y: number, w: number[], b: number[]) => number;
type Parts = { h1: number; h2: number; dL: number; fp: number };
const f = (z: number): number => 1 / (1 + Math.exp(-z));

/** The forward pass and the factors of the chain rule, which the known mistakes recombine. */
function parts(x: number[], y: number, w: number[], b: number[]): Parts {
  const h1 = f(w[0] * x[0] + w[1] * x[1] + b[0]);
  const h2 = f(w[2] * x[0] + w[3] * x[1] + b[1]);
  const yPred = f(w[4] * h1 + w[5] * h2 + b[2]);
  return { h1, h2, dL: -2 * (y - yPred), fp: yPred * (1 - yPred) };
}
const grad =
  (pick: (p: Parts) => number): Grad =>
  (x, y, w, b) =>
    pick(parts(x, y, w, b));

// prettier-ignore
const CASES: { name: string; args: Parameters<Grad>; hidden?: boolean }[] = [
  { name: "Alice, all weights 1, biases 0", args: [[-2, -1], 1, [1, 1, 1, 1, 1, 1], [0, 0, 0]] },
  { name: "Bob, mixed weights", args: [[25, 6], 0, [0.1, -0.2, 0.05, 0.3, -1, 2], [0.5, -0.5, 0.2]] },
  { name: "Diana", args: [[-15, -6], 1, [-0.05, 0.1, 0.2, -0.1, 1.5, -0.5], [0, 1, -1]], hidden: true },
];

/** The mistakes both gradients share; `last` is the final factor ∂z3/∂θ (h1 for w5, 1 for b3). */
function sharedMistakes(last: (p: Parts) => number) {
  return [
    {
      message: "You dropped the 2 of ∂L/∂y_pred = −2(y − y_pred).",
      variant: grad((p) => (p.dL / 2) * p.fp * last(p)),
    },
    {
      message: "The sign is flipped: ∂L/∂y_pred = −2(y − y_pred) = 2(y_pred − y).",
      variant: grad((p) => -p.dL * p.fp * last(p)),
    },
    {
      message:
        "You left out f′(w5 h1 + w6 h2 + b3) = y_pred(1 − y_pred): the output passes through the sigmoid.",
      variant: grad((p) => p.dL * last(p)),
    },
  ];
}

/** 05-grad-w5 (function): ∂L/∂w5 for one person. */
export const gradW5 = defineExercise({
  id: "05-grad-w5",
  title: "Derive ∂L/∂w5",
  kind: "function",
  answer: "gradW5",
  reference: solutions.gradW5,
  cases: CASES,
  mistakes: [
    ...sharedMistakes((p) => p.h1),
    {
      message: "w5 multiplies h1, not h2: ∂(w5 h1 + w6 h2 + b3)/∂w5 = h1.",
      variant: grad((p) => p.dL * p.fp * p.h2),
    },
    {
      message: "That is ∂L/∂b3: for w5 multiply by ∂(w5 h1 + w6 h2 + b3)/∂w5 = h1.",
      variant: grad((p) => p.dL * p.fp),
    },
  ],
  hints: [
    "Chain rule: ∂L/∂w5 = ∂L/∂y_pred · ∂y_pred/∂w5, and y_pred = f(w5 h1 + w6 h2 + b3).",
    "∂L/∂y_pred = −2(y − y_pred); ∂y_pred/∂w5 = h1 · f′(w5 h1 + w6 h2 + b3), with f′(z) = f(z)(1 − f(z)).",
    "Compute h1, h2 and yPred forward, then return -2 * (y - yPred) * yPred * (1 - yPred) * h1.",
  ],
  tolerance: { rtol: 1e-6 },
});

/** 05-grad-b3 (function): ∂L/∂b3 for one person. */
export const gradB3 = defineExercise({
  id: "05-grad-b3",
  title: "Derive ∂L/∂b3",
  kind: "function",
  answer: "gradB3",
  reference: solutions.gradB3,
  cases: CASES,
  mistakes: [
    ...sharedMistakes(() => 1),
    {
      message: "That is ∂L/∂w5: for b3 the last factor is ∂(w5 h1 + w6 h2 + b3)/∂b3 = 1, not h1.",
      variant: grad((p) => p.dL * p.fp * p.h1),
    },
  ],
  hints: [
    "The bias enters like a weight whose input is always 1.",
    "∂L/∂b3 = ∂L/∂y_pred · f′(w5 h1 + w6 h2 + b3) · 1.",
    "return -2 * (y - yPred) * yPred * (1 - yPred);",
  ],
  tolerance: { rtol: 1e-6 },
});

/**
 * Runs a student's scalar op inside L = op(x)·(x + 2) and returns [op(x), ∂L/∂x]. The node op(x)·x
 * consumes both op(x) and x, so its gradient reaches x before op's backward runs: an op that
 * assigns (=) instead of accumulating (+=) loses it; the factor (x + 2) tests the use of out.grad.
 */
function probe(op: unknown): unknown {
  if (typeof op !== "function") return op;
  return (x: number): unknown => {
    const input = new Value(x, "x");
    const out: unknown = (op as (v: Value) => unknown)(input);
    if (!(out instanceof Value)) return out;
    out.mul(input).add(out.mul(2)).backward();
    return [out.data, input.grad];
  };
}
/** [tanh x, ∂L/∂x] when op's backward sends `local(t, x)·out.grad` to x (`other`: the x·out path). */
const probed =
  (local: (t: number, x: number) => number, opts: { upstream?: boolean; other?: boolean } = {}) =>
  (x: number) => {
    const t = Math.tanh(x);
    const upstream = opts.upstream === false ? 1 : x + 2;
    return [t, (opts.other === false ? 0 : t) + local(t, x) * upstream];
  };

const tanhInner = defineExercise({
  id: "05-tanh-backward",
  title: "A new op in the scalar engine: tanh, forward and backward",
  kind: "function",
  answer: "tanhOp",
  reference: probe(solutions.tanhOp) as (x: number) => number[],
  cases: [0.5, -1.2, 2, 0].map((x) => ({
    name: `[tanh(x), ∂L/∂x] for L = tanhOp(x)·(x + 2) at x = ${x}`,
    args: [x] as [number],
  })),
  mistakes: [
    {
      message: "The local derivative uses the output: 1 − tanh²(x), not 1 − x².",
      variant: probed((t, x) => 1 - x * x),
    },
    {
      message: "The derivative of tanh is 1 − tanh²(x): you forgot the square.",
      variant: probed((t) => 1 - t),
    },
    {
      message:
        "Multiply the local derivative by out.grad (the gradient arriving from above): that is the chain rule.",
      variant: probed((t) => 1 - t * t, { upstream: false }),
    },
    {
      message:
        "Accumulate with x.grad += …: x is also used elsewhere, and = overwrote that gradient.",
      variant: probed((t) => 1 - t * t, { other: false }),
    },
    {
      message:
        "x.grad only got the gradient of the other path: set out.backwardFn to send tanh's gradient to x.",
      variant: probed(() => 0),
    },
  ],
  hints: [
    'Create the output node with the input as its parent: new dl.Value(Math.tanh(x.data), "", "tanh", [x]).',
    "out.backwardFn runs during backward(): it must add (local derivative) × out.grad to x.grad.",
    "const t = Math.tanh(x.data); out.backwardFn = () => { x.grad += (1 - t * t) * out.grad; };",
  ],
  tolerance: { rtol: 1e-6 },
});

/** 05-tanh-backward (function): the student's op, run forward and backward through `probe`. */
export const tanhOp: Exercise = Object.freeze({
  ...tanhInner,
  reference: solutions.tanhOp,
  judge: (answer: unknown): Verdict => tanhInner.judge(probe(answer)),
  check: (answer: unknown): Verdict => showVerdict(tanhInner.judge(probe(answer))),
});

/** 05-predict-accumulate (prediction): a.grad after two backward() calls. */
export const predictedGradTwice = defineExercise({
  id: "05-predict-accumulate",
  title: "Predict: a.grad after calling backward() twice",
  kind: "prediction",
  answer: "predictedGradTwice",
  reference: solutions.predictedGradTwice,
  mistakes: [
    {
      message:
        "One backward() gives ∂c/∂a = 2a = 6, but the gradients of inputs accumulate: the second call adds another 6.",
      variant: () => 6,
    },
    { message: "9 is c = a·a itself, not its derivative ∂c/∂a = 2a.", variant: () => 9 },
    {
      message:
        "a is used twice in a·a, so each backward() gives 3 + 3 = 6, and two calls accumulate 12.",
      variant: () => 3,
    },
  ],
  hints: [
    "∂(a·a)/∂a = 2a. How many times is it added to a.grad?",
    "Inputs keep their grad between backward() calls: each call adds, nothing resets it.",
  ],
});
