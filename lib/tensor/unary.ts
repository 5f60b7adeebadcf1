import { Tensor } from "./tensor";
import { unaryResult } from "./unary-op";
import { expectTensor } from "./check";
import { allocate } from "../kernels/buffer-pool";

/**
 * Elementwise math of one tensor, each forward loop beside its derivative.
 * Example: dl.exp(dl.tensor([0, 1])) is [1, 2.71828…]. Lessons 1 and 4.
 */

/** −x. d/dx = −1. */
export function neg(x: Tensor): Tensor {
  const xd = expectTensor("neg", "x", x).data;
  const o = allocate(xd.length);
  for (let i = 0; i < o.length; i++) o[i] = -xd[i];
  return unaryResult("neg", x, o, () => allocate(xd.length).fill(-1));
}

/** eˣ. d/dx = eˣ. */
export function exp(x: Tensor): Tensor {
  const xd = expectTensor("exp", "x", x).data;
  const o = allocate(xd.length);
  for (let i = 0; i < o.length; i++) o[i] = Math.exp(xd[i]);
  return unaryResult("exp", x, o, () => o.slice());
}

/** ln x (natural log). d/dx = 1/x. */
export function log(x: Tensor): Tensor {
  const xd = expectTensor("log", "x", x).data;
  const o = allocate(xd.length);
  for (let i = 0; i < o.length; i++) o[i] = Math.log(xd[i]);
  return unaryResult("log", x, o, () => {
    const d = allocate(xd.length);
    for (let i = 0; i < d.length; i++) d[i] = 1 / xd[i];
    return d;
  });
}

/** √x. d/dx = 1/(2√x). */
export function sqrt(x: Tensor): Tensor {
  const xd = expectTensor("sqrt", "x", x).data;
  const o = allocate(xd.length);
  for (let i = 0; i < o.length; i++) o[i] = Math.sqrt(xd[i]);
  return unaryResult("sqrt", x, o, () => {
    const d = allocate(xd.length);
    for (let i = 0; i < d.length; i++) d[i] = 0.5 / o[i];
    return d;
  });
}

/** |x|. d/dx = sign(x) (0 at 0). Used by the L1 penalty (lesson 8). */
export function abs(x: Tensor): Tensor {
  const xd = expectTensor("abs", "x", x).data;
  const o = allocate(xd.length);
  for (let i = 0; i < o.length; i++) o[i] = Math.abs(xd[i]);
  return unaryResult("abs", x, o, () => {
    const d = allocate(xd.length);
    for (let i = 0; i < d.length; i++) d[i] = Math.sign(xd[i]);
    return d;
  });
}

/** x². d/dx = 2x. Used by the MSE loss and the L2 penalty. */
export function square(x: Tensor): Tensor {
  const xd = expectTensor("square", "x", x).data;
  const o = allocate(xd.length);
  for (let i = 0; i < o.length; i++) o[i] = xd[i] * xd[i];
  return unaryResult("square", x, o, () => {
    const d = allocate(xd.length);
    for (let i = 0; i < d.length; i++) d[i] = 2 * xd[i];
    return d;
  });
}
