import { ArgumentError } from "../errors";
import { attach, gradOf } from "../tensor/record";
import { Tensor } from "../tensor/tensor";
import { describeValue, expectTensor } from "../tensor/check";

function penalty(
  op: string,
  params: readonly Tensor[],
  lambda: number,
  value: (w: number) => number,
  slope: (w: number) => number,
): Tensor {
  if (!(typeof lambda === "number" && lambda >= 0 && lambda < Infinity)) {
    throw new ArgumentError(
      `${op}: lambda must be a finite number ≥ 0, got ${describeValue(lambda)}`,
    );
  }
  if (!Array.isArray(params as unknown)) {
    throw new ArgumentError(
      `${op}: params must be an array of tensors (model.parameters()), got ${describeValue(params)}`,
    );
  }
  params.forEach((p, i) => expectTensor(op, `params[${i}]`, p));
  let total = 0;
  for (const p of params) for (const w of p.values) total += value(w);
  const out = new Tensor(Float64Array.of(lambda * total), []);
  return attach(out, op, params, (gradOut) => {
    const g = gradOut[0] * lambda;
    for (const p of params) {
      if (!p.requiresGrad) continue;
      const [w, gw] = [p.values, gradOf(p)];
      for (let i = 0; i < w.length; i++) gw[i] += g * slope(w[i]);
    }
  });
}

/**
 * The lecture's L2 penalty, to add to the loss: λ Σ w² over every given parameter, with gradient
 * 2λw. Adding it to the loss gives the same SGD step as `new SGD(params, { weightDecay: 2λ })`.
 * Pass only the weights if biases should not be penalised. Lesson 8.
 * Example: const loss = dl.add(dl.nn.mse(yPred, y), dl.optim.l2Penalty(model.parameters(), 1e-3));
 */
export function l2Penalty(params: readonly Tensor[], lambda: number): Tensor {
  return penalty(
    "l2Penalty",
    params,
    lambda,
    (w) => w * w,
    (w) => 2 * w,
  );
}

/**
 * The lecture's L1 penalty: λ Σ |w|, gradient λ·sign(w) (0 at w = 0). It pushes weights to exactly
 * zero (sparse weights). Same SGD step as `new SGD(params, { l1: λ })`. Lesson 8.
 * Example: dl.optim.l1Penalty(model.parameters(), 1e-3)
 */
export function l1Penalty(params: readonly Tensor[], lambda: number): Tensor {
  return penalty("l1Penalty", params, lambda, Math.abs, Math.sign);
}
