/**
 * Reference answers of lesson 4 (Multi-layer networks). Each export is the declaration a solved
 * notebook cell holds (`npm run solutions` copies its text); the checks in lessons/lesson-04.ts use them.
 */

/** 04-alice-output: the 2-2-1 sigmoid network's output for Alice (x = [−2, −1]) with the given weights. */
export const aliceOutput: number = (() => {
  const f = (z: number): number => 1 / (1 + Math.exp(-z));
  const h1 = f(1 * -2 + -1 * -1 + 0); // w1 x1 + w2 x2 + b1 = −1
  const h2 = f(-0.5 * -2 + 1 * -1 + 0.5); // w3 x1 + w4 x2 + b2 = 0.5
  return f(2 * h1 - 1 * h2 - 0.5); // w5 h1 + w6 h2 + b3
})();

/** 04-pick-n: the smallest number of hidden units whose final MSE is below 0.01. */
export const hiddenUnits: number = 4;

/** 04-predict-constant-mse: the MSE on the four people of a network that always answers 0.5. */
export const predictedConstantMse: number = 0.25;

/** 04-gd-step: one gradient descent step, every parameter moved against its gradient. */
export function gdStep(
  params: { w: number[]; b: number[] },
  grads: { w: number[]; b: number[] },
  lr: number,
): { w: number[]; b: number[] } {
  return {
    w: params.w.map((wi, i) => wi - lr * grads.w[i]),
    b: params.b.map((bi, i) => bi - lr * grads.b[i]),
  };
}
