import { Tensor } from "./tensor";
import { TensorLike, asTensor, broadcastShapes, expandData } from "./broadcast";
import { kernels } from "../kernels/active";

/**
 * Elementwise comparisons with broadcasting, giving 1 where true and 0 where false. They have no
 * gradient (a step function's derivative is 0 almost everywhere).
 * Example: dl.gt(dl.tensor([1, 5]), 2) is [0, 1]. Used for accuracy and thresholds (lesson 2).
 */
function compare(op: string, a: TensorLike, b: TensorLike, code: number): Tensor {
  const x = asTensor(a, op, "a");
  const y = asTensor(b, op, "b");
  const shape = broadcastShapes(x.shape, y.shape, op);
  const xd = expandData(x.values, x.shape, shape);
  const yd = expandData(y.values, y.shape, shape);
  const o = kernels.allocate(xd.length);
  switch (code) {
    case 0:
      for (let i = 0; i < o.length; i++) o[i] = xd[i] === yd[i] ? 1 : 0;
      break;
    case 1:
      for (let i = 0; i < o.length; i++) o[i] = xd[i] > yd[i] ? 1 : 0;
      break;
    case 2:
      for (let i = 0; i < o.length; i++) o[i] = xd[i] < yd[i] ? 1 : 0;
      break;
    case 3:
      for (let i = 0; i < o.length; i++) o[i] = xd[i] >= yd[i] ? 1 : 0;
      break;
    default:
      for (let i = 0; i < o.length; i++) o[i] = xd[i] <= yd[i] ? 1 : 0;
  }
  const out = new Tensor(o, shape);
  out.op = op;
  return out;
}

/** 1 where a = b, else 0 (no gradient). */
export function eq(a: TensorLike, b: TensorLike): Tensor {
  return compare("eq", a, b, 0);
}

/** 1 where a > b, else 0 (no gradient). */
export function gt(a: TensorLike, b: TensorLike): Tensor {
  return compare("gt", a, b, 1);
}

/** 1 where a < b, else 0 (no gradient). */
export function lt(a: TensorLike, b: TensorLike): Tensor {
  return compare("lt", a, b, 2);
}

/** 1 where a ≥ b, else 0 (no gradient). */
export function ge(a: TensorLike, b: TensorLike): Tensor {
  return compare("ge", a, b, 3);
}

/** 1 where a ≤ b, else 0 (no gradient). */
export function le(a: TensorLike, b: TensorLike): Tensor {
  return compare("le", a, b, 4);
}
