import { kernels } from "../kernels/active";
import { attach, gradOf } from "./record";
import { Tensor } from "./tensor";
import { expectTensor } from "./check";

/**
 * An elementwise op of one tensor from its formula and its derivative, as lessons 1 and 5 write
 * them: y = f(x) for every element, and in backward ∂L/∂x += ∂L/∂y · f′(x, y) (the derivative
 * may use the output y, as σ′ = σ(1 − σ) does).
 * Example: unary("tanh", x, Math.tanh, (x, y) => 1 - y * y)
 */
export function unary(
  op: string,
  x: Tensor,
  f: (x: number) => number,
  df: (x: number, y: number) => number,
): Tensor {
  const xd = expectTensor(op, "x", x).values;
  const y = kernels.allocate(xd.length);
  for (let i = 0; i < y.length; i++) y[i] = f(xd[i]);
  const out = new Tensor(y, x.shape);
  return attach(out, op, [x], (gradOut) => {
    const gx = gradOf(x);
    for (let i = 0; i < gx.length; i++) gx[i] += gradOut[i] * df(xd[i], y[i]);
  });
}
