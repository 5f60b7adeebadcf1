/**
 * Reference answers of lesson 5 (Backpropagation). Each export is the declaration a solved notebook
 * cell holds (`npm run solutions` copies its text); the checks in lessons/lesson-05.ts use them.
 */
import * as dl from "./dl";

/** 05-grad-w5: ∂L/∂w5 of the 2-2-1 sigmoid network for one person, L = (y − y_pred)². */
export function gradW5(x: number[], y: number, w: number[], b: number[]): number {
  const f = (z: number): number => 1 / (1 + Math.exp(-z));
  const h1 = f(w[0] * x[0] + w[1] * x[1] + b[0]);
  const h2 = f(w[2] * x[0] + w[3] * x[1] + b[1]);
  const yPred = f(w[4] * h1 + w[5] * h2 + b[2]);
  // ∂L/∂yPred · f′(w5 h1 + w6 h2 + b3) · ∂(w5 h1 + w6 h2 + b3)/∂w5
  return -2 * (y - yPred) * (yPred * (1 - yPred)) * h1;
}

/** 05-grad-b3: ∂L/∂b3 of the same network. */
export function gradB3(x: number[], y: number, w: number[], b: number[]): number {
  const f = (z: number): number => 1 / (1 + Math.exp(-z));
  const h1 = f(w[0] * x[0] + w[1] * x[1] + b[0]);
  const h2 = f(w[2] * x[0] + w[3] * x[1] + b[1]);
  const yPred = f(w[4] * h1 + w[5] * h2 + b[2]);
  // ∂L/∂yPred · f′(w5 h1 + w6 h2 + b3) · 1
  return -2 * (y - yPred) * (yPred * (1 - yPred));
}

/** 05-tanh-backward: tanh as a new op of the scalar engine, forward and backward side by side. */
export function tanhOp(x: dl.Value): dl.Value {
  const t = Math.tanh(x.data);
  const out = new dl.Value(t, "", "tanh", [x]);
  out.backwardFn = () => {
    x.grad += (1 - t * t) * out.grad; // local derivative × upstream gradient, accumulated
  };
  return out;
}

/** 05-predict-accumulate: a.grad after calling c.backward() twice on c = a·a with a = 3. */
export const predictedGradTwice: number = 12;
