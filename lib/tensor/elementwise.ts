import { addGrad, attach } from "../autograd/record";
import { Shape, Tensor } from "./tensor";
import { TensorLike, asTensor, broadcastShapes, expandData, sumToShape } from "./broadcast";
import { allocate } from "../kernels/buffer-pool";

/**
 * Binary elementwise ops with broadcasting (numpy rules, see broadcast.ts). Each op computes its
 * forward loop and, beside it, its backward: the local derivative times `gradOut`, summed back over
 * the axes broadcasting repeated. Numbers are accepted as scalars: `dl.mul(x, 2)`.
 */
interface Operands {
  x: Tensor;
  y: Tensor;
  shape: number[];
  /** x's and y's data broadcast to `shape` (the inputs' own arrays when no broadcast is needed). */
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
    xd: expandData(x.data, x.shape, shape),
    yd: expandData(y.data, y.shape, shape),
  };
}

/** Sends `g` (of the broadcast shape) to `t`, summing over broadcast axes. */
function send(t: Tensor, g: Float64Array, shape: Shape): void {
  if (t.requiresGrad) addGrad(t, sumToShape(g, shape, t.shape));
}

/** a + b, elementwise with broadcasting. ∂/∂a = 1, ∂/∂b = 1. Example: dl.add(x, b). Lesson 1. */
export function add(a: TensorLike, b: TensorLike): Tensor {
  const { x, y, shape, xd, yd } = operands("add", a, b);
  const o = allocate(xd.length);
  for (let i = 0; i < o.length; i++) o[i] = xd[i] + yd[i];
  const out = new Tensor(o, shape);
  return attach(out, "add", [x, y], () => {
    const g = out.grad!.data;
    send(x, g, shape);
    send(y, g, shape);
  });
}

/** a − b. ∂/∂a = 1, ∂/∂b = −1. Example: dl.sub(yHat, y). */
export function sub(a: TensorLike, b: TensorLike): Tensor {
  const { x, y, shape, xd, yd } = operands("sub", a, b);
  const o = allocate(xd.length);
  for (let i = 0; i < o.length; i++) o[i] = xd[i] - yd[i];
  const out = new Tensor(o, shape);
  return attach(out, "sub", [x, y], () => {
    const g = out.grad!.data;
    send(x, g, shape);
    if (!y.requiresGrad) return;
    const gy = allocate(g.length);
    for (let i = 0; i < g.length; i++) gy[i] = -g[i];
    send(y, gy, shape);
  });
}

/** a · b. ∂/∂a = b, ∂/∂b = a. Example: dl.mul(x, w). */
export function mul(a: TensorLike, b: TensorLike): Tensor {
  const { x, y, shape, xd, yd } = operands("mul", a, b);
  const o = allocate(xd.length);
  for (let i = 0; i < o.length; i++) o[i] = xd[i] * yd[i];
  const out = new Tensor(o, shape);
  return attach(out, "mul", [x, y], () => {
    const g = out.grad!.data;
    if (x.requiresGrad) {
      const gx = allocate(g.length);
      for (let i = 0; i < g.length; i++) gx[i] = g[i] * yd[i];
      send(x, gx, shape);
    }
    if (y.requiresGrad) {
      const gy = allocate(g.length);
      for (let i = 0; i < g.length; i++) gy[i] = g[i] * xd[i];
      send(y, gy, shape);
    }
  });
}

/** a / b. ∂/∂a = 1/b, ∂/∂b = −a/b². Example: dl.div(x, 255). */
export function div(a: TensorLike, b: TensorLike): Tensor {
  const { x, y, shape, xd, yd } = operands("div", a, b);
  const o = allocate(xd.length);
  for (let i = 0; i < o.length; i++) o[i] = xd[i] / yd[i];
  const out = new Tensor(o, shape);
  return attach(out, "div", [x, y], () => {
    const g = out.grad!.data;
    if (x.requiresGrad) {
      const gx = allocate(g.length);
      for (let i = 0; i < g.length; i++) gx[i] = g[i] / yd[i];
      send(x, gx, shape);
    }
    if (y.requiresGrad) {
      const gy = allocate(g.length);
      for (let i = 0; i < g.length; i++) gy[i] = (-g[i] * o[i]) / yd[i];
      send(y, gy, shape);
    }
  });
}

/** a ^ b. ∂/∂a = b·a^(b−1), ∂/∂b = a^b·ln a. Example: dl.pow(x, 2). */
export function pow(a: TensorLike, b: TensorLike): Tensor {
  const { x, y, shape, xd, yd } = operands("pow", a, b);
  const o = allocate(xd.length);
  for (let i = 0; i < o.length; i++) o[i] = Math.pow(xd[i], yd[i]);
  const out = new Tensor(o, shape);
  return attach(out, "pow", [x, y], () => {
    const g = out.grad!.data;
    if (x.requiresGrad) {
      const gx = allocate(g.length);
      for (let i = 0; i < g.length; i++) gx[i] = g[i] * yd[i] * Math.pow(xd[i], yd[i] - 1);
      send(x, gx, shape);
    }
    if (y.requiresGrad) {
      const gy = allocate(g.length);
      for (let i = 0; i < g.length; i++) gy[i] = g[i] * o[i] * Math.log(xd[i]);
      send(y, gy, shape);
    }
  });
}

/** The larger of a and b elementwise; the gradient goes to the larger (to a on ties). */
export function maximum(a: TensorLike, b: TensorLike): Tensor {
  return pick("maximum", a, b, true);
}

/** The smaller of a and b elementwise; the gradient goes to the smaller (to a on ties). */
export function minimum(a: TensorLike, b: TensorLike): Tensor {
  return pick("minimum", a, b, false);
}

function pick(op: string, a: TensorLike, b: TensorLike, larger: boolean): Tensor {
  const { x, y, shape, xd, yd } = operands(op, a, b);
  const o = allocate(xd.length);
  const fromX = new Uint8Array(xd.length);
  for (let i = 0; i < o.length; i++) {
    fromX[i] = (larger ? xd[i] >= yd[i] : xd[i] <= yd[i]) ? 1 : 0;
    o[i] = fromX[i] ? xd[i] : yd[i];
  }
  const out = new Tensor(o, shape);
  return attach(out, op, [x, y], () => {
    const g = out.grad!.data;
    const gx = allocate(g.length);
    const gy = allocate(g.length);
    for (let i = 0; i < g.length; i++) {
      if (fromX[i]) gx[i] = g[i];
      else gy[i] = g[i];
    }
    send(x, gx, shape);
    send(y, gy, shape);
  });
}
