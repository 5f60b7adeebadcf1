import { kernels } from "../kernels/active";
import { attach, gradOf } from "./record";
import { Tensor } from "./tensor";
import { Shape } from "./shape";
import { TensorLike, asTensor, broadcastShapes, expandData, sumToShape } from "./broadcast";

/**
 * Binary elementwise ops with broadcasting (numpy rules, see broadcast.ts). Each op computes its
 * forward loop and, beside it, each input's share of the gradient: the local derivative times
 * `gradOut`, summed back over the axes broadcasting repeated. Numbers are accepted as scalars:
 * `dl.mul(x, 2)`.
 */
interface Operands {
  x: Tensor;
  y: Tensor;
  shape: number[];
  /** x's and y's numbers broadcast to `shape` (the inputs' own arrays when no broadcast is needed). */
  xd: Float64Array;
  yd: Float64Array;
}

function operands(op: string, a: TensorLike, b: TensorLike): Operands {
  const x = asTensor(a, op, "a");
  const y = asTensor(b, op, "b");
  const shape = broadcastShapes(x.shape, y.shape, op);
  return {
    x,
    y,
    shape,
    xd: expandData(x.values, x.shape, shape),
    yd: expandData(y.values, y.shape, shape),
  };
}

/**
 * Adds t's share of the gradient into `gradOf(t)`: `share(i)` for element i of the broadcast
 * `shape`, summed back to t's shape. Nothing happens when t does not require a gradient.
 */
function send(t: Tensor, shape: Shape, share: (i: number) => number): void {
  if (!t.requiresGrad) return;
  const gt = gradOf(t);
  const n = shape.reduce((a, b) => a * b, 1);
  if (gt.length === n) {
    for (let i = 0; i < n; i++) gt[i] += share(i);
    return;
  }
  const full = new Float64Array(n);
  for (let i = 0; i < n; i++) full[i] = share(i);
  const summed = sumToShape(full, shape, t.shape);
  for (let i = 0; i < gt.length; i++) gt[i] += summed[i];
}

/** a + b, elementwise with broadcasting. ∂/∂a = 1, ∂/∂b = 1. Example: dl.add(x, b). Lesson 1. */
export function add(a: TensorLike, b: TensorLike): Tensor {
  const { x, y, shape, xd, yd } = operands("add", a, b);
  const o = kernels.allocate(xd.length);
  for (let i = 0; i < o.length; i++) o[i] = xd[i] + yd[i];
  return attach(new Tensor(o, shape), "add", [x, y], (g) => {
    send(x, shape, (i) => g[i]);
    send(y, shape, (i) => g[i]);
  });
}

/** a − b. ∂/∂a = 1, ∂/∂b = −1. Example: dl.sub(yHat, y). */
export function sub(a: TensorLike, b: TensorLike): Tensor {
  const { x, y, shape, xd, yd } = operands("sub", a, b);
  const o = kernels.allocate(xd.length);
  for (let i = 0; i < o.length; i++) o[i] = xd[i] - yd[i];
  return attach(new Tensor(o, shape), "sub", [x, y], (g) => {
    send(x, shape, (i) => g[i]);
    send(y, shape, (i) => -g[i]);
  });
}

/** a · b. ∂/∂a = b, ∂/∂b = a. Example: dl.mul(x, w). */
export function mul(a: TensorLike, b: TensorLike): Tensor {
  const { x, y, shape, xd, yd } = operands("mul", a, b);
  const o = kernels.allocate(xd.length);
  for (let i = 0; i < o.length; i++) o[i] = xd[i] * yd[i];
  return attach(new Tensor(o, shape), "mul", [x, y], (g) => {
    send(x, shape, (i) => g[i] * yd[i]);
    send(y, shape, (i) => g[i] * xd[i]);
  });
}

/** a / b. ∂/∂a = 1/b, ∂/∂b = −a/b². Example: dl.div(x, 255). */
export function div(a: TensorLike, b: TensorLike): Tensor {
  const { x, y, shape, xd, yd } = operands("div", a, b);
  const o = kernels.allocate(xd.length);
  for (let i = 0; i < o.length; i++) o[i] = xd[i] / yd[i];
  return attach(new Tensor(o, shape), "div", [x, y], (g) => {
    send(x, shape, (i) => g[i] / yd[i]);
    send(y, shape, (i) => (-g[i] * o[i]) / yd[i]); // −g·(a/b)/b
  });
}

/** a ^ b. ∂/∂a = b·a^(b−1), ∂/∂b = a^b·ln a. Example: dl.pow(x, 2). */
export function pow(a: TensorLike, b: TensorLike): Tensor {
  const { x, y, shape, xd, yd } = operands("pow", a, b);
  const o = kernels.allocate(xd.length);
  for (let i = 0; i < o.length; i++) o[i] = Math.pow(xd[i], yd[i]);
  return attach(new Tensor(o, shape), "pow", [x, y], (g) => {
    send(x, shape, (i) => g[i] * yd[i] * Math.pow(xd[i], yd[i] - 1));
    send(y, shape, (i) => g[i] * o[i] * Math.log(xd[i]));
  });
}

/**
 * The larger of a and b elementwise; the gradient goes to the larger (to a on ties). NaN
 * propagates as in PyTorch: the result is NaN where either side is, and the NaN side gets the gradient.
 */
export function maximum(a: TensorLike, b: TensorLike): Tensor {
  return pick("maximum", a, b, true);
}

/** The smaller of a and b elementwise; the gradient goes to the smaller (to a on ties); NaN as `maximum`. */
export function minimum(a: TensorLike, b: TensorLike): Tensor {
  return pick("minimum", a, b, false);
}

function pick(op: string, a: TensorLike, b: TensorLike, larger: boolean): Tensor {
  const { x, y, shape, xd, yd } = operands(op, a, b);
  const o = kernels.allocate(xd.length);
  const fromX = new Uint8Array(xd.length);
  for (let i = 0; i < o.length; i++) {
    const wins = larger ? xd[i] >= yd[i] : xd[i] <= yd[i];
    fromX[i] = wins || Number.isNaN(xd[i]) ? 1 : 0; // a NaN in b loses every comparison: b wins
    o[i] = fromX[i] ? xd[i] : yd[i];
  }
  return attach(new Tensor(o, shape), op, [x, y], (g) => {
    send(x, shape, (i) => (fromX[i] ? g[i] : 0));
    send(y, shape, (i) => (fromX[i] ? 0 : g[i]));
  });
}
