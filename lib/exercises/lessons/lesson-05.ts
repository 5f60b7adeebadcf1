/**
 * The exercises of lesson 5 (Backpropagation): `dl.check.gradW5(gradW5)`, `dl.check.gradB3(gradB3)`,
 * `dl.check.tanhOp(tanhOp)` (a new op of the scalar engine, judged by running it forward and
 * backward) and the prediction `dl.check.predictedGradTwice(a.grad)`.
 */
import { defineExercise } from "../define";
import { showVerdict } from "../render";
import * as solutions from "../solutions/lesson-05";
import type { Exercise, Verdict } from "../types";
import { GRAPH, probe, reportOf, type ProbeReport, type Slips } from "./lesson-05-probe";

type Grad = (x: number[], y: number, w: number[], b: number[]) => number;
type Parts = {
  h1: number;
  h2: number;
  w5: number;
  z3: number;
  yPred: number;
  dL: number;
  fp: number;
};
const f = (z: number): number => 1 / (1 + Math.exp(-z));

/** The forward pass and the factors of the chain rule, which the known mistakes recombine. */
function parts(x: number[], y: number, w: number[], b: number[]): Parts {
  const h1 = f(w[0] * x[0] + w[1] * x[1] + b[0]);
  const h2 = f(w[2] * x[0] + w[3] * x[1] + b[1]);
  const z3 = w[4] * h1 + w[5] * h2 + b[2];
  const yPred = f(z3);
  return { h1, h2, w5: w[4], z3, yPred, dL: -2 * (y - yPred), fp: yPred * (1 - yPred) };
}
const grad =
  (pick: (p: Parts) => number): Grad =>
  (x, y, w, b) =>
    pick(parts(x, y, w, b));

// Every weight different (and none 1), so that no two mistakes give the same number: with all
// weights 1, h1 = h2 and w5 = 1, and "h2 for h1" or "w5 for h1" would look right or like ∂L/∂b3.
// prettier-ignore
const CASES: { name: string; args: Parameters<Grad>; hidden?: boolean }[] = [
  { name: "Alice", args: [[-2, -1], 1, [0.5, -0.3, 0.8, 0.2, 1.2, -0.7], [0.1, -0.2, 0.3]] },
  { name: "Bob", args: [[25, 6], 0, [0.1, -0.2, 0.05, 0.3, -1, 2], [0.5, -0.5, 0.2]] },
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
    {
      message:
        "You applied f′ to y_pred: the derivative is taken at the sigmoid's input z3 = w5 h1 + w6 h2 + b3, f′(z3) = f(z3)(1 − f(z3)) = y_pred(1 − y_pred), not f′(y_pred).",
      variant: grad((p) => p.dL * f(p.yPred) * (1 - f(p.yPred)) * last(p)),
    },
    {
      message:
        "f′(z) = f(z)(1 − f(z)), not z(1 − z): with z3 = w5 h1 + w6 h2 + b3 it is y_pred(1 − y_pred).",
      variant: grad((p) => p.dL * p.z3 * (1 - p.z3) * last(p)),
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
    {
      message:
        "∂(w5 h1 + w6 h2 + b3)/∂w5 is h1, what w5 multiplies; w5 itself is ∂(…)/∂h1, the factor on the way to h1.",
      variant: grad((p) => p.dL * p.fp * p.w5),
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

const TANH_CASES = [0.5, -0.4, 0.2, -0.7].map((x, i) => ({
  name: `u = 3x at x = ${x}, L = tanhOp(u)·u + 2·tanhOp(u)`,
  args: [x] as [number],
  hidden: i === 3,
}));
const slipped =
  (slips: Slips) =>
  (x: number): ProbeReport =>
    reportOf(x, slips);

const tanhInner = defineExercise({
  id: "05-tanh-backward",
  title: "A new op in the scalar engine: tanh, forward and backward",
  kind: "function",
  answer: "tanhOp",
  reference: probe(solutions.tanhOp) as (x: number) => ProbeReport,
  cases: TANH_CASES,
  mistakes: [
    {
      message: "You used the library's own u.tanh(): write the op yourself, as a new dl.Value.",
      variant: slipped({ graph: GRAPH.library }),
    },
    {
      message:
        "The output node has no parents, so backward() never learns that it depends on its input: pass [x] as the fourth argument of new dl.Value(…).",
      variant: slipped({ unlinked: true, graph: GRAPH.orphan }),
    },
    {
      message:
        'The output\'s parent must be the very Value your op received (not a copy such as dl.value(x.data), not several values): new dl.Value(t, "", "tanh", [x]).',
      variant: slipped({ unlinked: true, graph: GRAPH.other }),
    },
    {
      message:
        "Right numbers, but your op is built from other nodes (such as 2σ(2x) − 1): write one new node whose parent is x and whose backwardFn holds tanh's derivative.",
      variant: slipped({ graph: GRAPH.other }),
    },
    {
      message: "The local derivative uses the output: 1 − tanh²(x), not 1 − x².",
      variant: slipped({ local: (t, u) => 1 - u * u }),
    },
    {
      message: "The derivative of tanh is 1 − tanh²(x): you forgot the square.",
      variant: slipped({ local: (t) => 1 - t }),
    },
    {
      message:
        "Multiply the local derivative by out.grad (the gradient arriving from above): that is the chain rule.",
      variant: slipped({ noUpstream: true }),
    },
    {
      message:
        "Accumulate with x.grad += …: the input is also used elsewhere, and = overwrote that gradient.",
      variant: slipped({ assigns: true }),
    },
    {
      message:
        "The input only got the gradient of its other use: set out.backwardFn to send tanh's gradient to x.",
      variant: slipped({ unlinked: true }),
    },
  ],
  hints: [
    'Create the output node with the input as its parent: new dl.Value(Math.tanh(x.data), "", "tanh", [x]).',
    "out.backwardFn runs during backward(): it must add (local derivative) × out.grad to x.grad.",
    "const t = Math.tanh(x.data); out.backwardFn = () => { x.grad += (1 - t * t) * out.grad; };",
  ],
  tolerance: { rtol: 1e-6 },
});

/** The probe's input shown as what it is: the op ran on u = 3x, not on the number x. */
function describeProbe(v: Verdict): Verdict {
  const probeCall = /tanhOp\((-?[\d.]+)\)/g;
  const where = (_: string, x: string) => `tanhOp(u) with u = 3x, x = ${x},`;
  const input = v.case?.input?.replace(probeCall, where);
  const message = v.message.replace(probeCall, where);
  return { ...v, message, ...(v.case && input ? { case: { ...v.case, input } } : {}) };
}

/** 05-tanh-backward (function): the student's op, run forward and backward through `probe`. */
export const tanhOp: Exercise = Object.freeze({
  ...tanhInner,
  reference: solutions.tanhOp,
  judge: (answer: unknown): Verdict => describeProbe(tanhInner.judge(probe(answer))),
  check: (answer: unknown): Verdict => showVerdict(describeProbe(tanhInner.judge(probe(answer)))),
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
    {
      message:
        "Each use of a in a·a contributes the other factor, a = 3 (not 2a = 6): 3 + 3 = 6 per backward(), and two calls accumulate 12.",
      variant: () => 24,
    },
  ],
  hints: [
    "∂(a·a)/∂a = 2a. How many times is it added to a.grad?",
    "Inputs keep their grad between backward() calls: each call adds, nothing resets it.",
  ],
});
