import { ArgumentError, ShapeError, formatShape } from "../errors";
import { describeValue } from "./check";
import { checkSize } from "../limits";
import { Tensor } from "./tensor";
import { Shape, shapeSize, strides } from "./shape";
import { kernels } from "../kernels/active";

/** A tensor or a plain number (a number acts as a scalar tensor of shape `[]`). */
export type TensorLike = Tensor | number;

/**
 * Wraps a number as a scalar tensor; returns tensors unchanged. Anything else throws ArgumentError
 * naming `op` and the argument `name` (a string or an array passed where a tensor is expected).
 */
export function asTensor(x: TensorLike, op = "asTensor", name = "x"): Tensor {
  if (typeof x === "number") return new Tensor(Float64Array.of(x), []);
  if (x instanceof Tensor) return x;
  throw new ArgumentError(`${op}: ${name} must be a Tensor or a number, got ${describeValue(x)}`);
}

/**
 * The shape two shapes broadcast to (numpy rules): align on the right; on each axis the sizes must
 * be equal or one of them 1. Throws ShapeError naming `op` and both shapes, ArgumentError when the
 * result would hold more than MAX_ELEMENTS numbers (lib/limits.ts).
 *
 * Example: broadcastShapes([2, 3], [3]) is [2, 3]; broadcastShapes([2, 1], [1, 3]) is [2, 3].
 * Used from lesson 1 on (adding a bias to every row).
 */
export function broadcastShapes(a: Shape, b: Shape, op = "broadcast"): number[] {
  if (typeof op !== "string") op = "broadcastShapes";
  for (const [name, s] of [
    ["a", a],
    ["b", b],
  ] as const) {
    if (!Array.isArray(s)) {
      throw new ArgumentError(
        `${op}: ${name} must be a shape (an array of sizes), got ${describeValue(s)}`,
      );
    }
  }
  const rank = Math.max(a.length, b.length);
  const out = new Array<number>(rank);
  for (let i = 1; i <= rank; i++) {
    const m = i <= a.length ? a[a.length - i] : 1;
    const n = i <= b.length ? b[b.length - i] : 1;
    if (m !== n && m !== 1 && n !== 1) {
      throw new ShapeError(
        `${op}: shapes cannot be broadcast together, got ${formatShape(a)} and ${formatShape(b)}`,
      );
    }
    out[rank - i] = m === 1 ? n : m;
  }
  checkSize(op, out);
  return out;
}

/** True when two shapes are identical. */
export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/**
 * For every flat index of `to`, the flat index of `from` it reads when `from` is broadcast to `to`
 * (`from` must broadcast to `to`). Reductions use the same map with keepDims shapes.
 */
export function broadcastIndex(from: Shape, to: Shape): Int32Array {
  const rank = to.length;
  const step = new Array<number>(rank).fill(0);
  const fromStrides = strides(from);
  const offset = rank - from.length;
  for (let axis = 0; axis < from.length; axis++) {
    step[axis + offset] = from[axis] === 1 ? 0 : fromStrides[axis];
  }
  const index = new Int32Array(shapeSize(to));
  const counter = new Array<number>(rank).fill(0);
  let j = 0;
  for (let i = 0; i < index.length; i++) {
    index[i] = j;
    // Advance the multi-index like an odometer, moving j by the source's stride.
    for (let axis = rank - 1; axis >= 0; axis--) {
      counter[axis]++;
      j += step[axis];
      if (counter[axis] < to[axis]) break;
      j -= step[axis] * to[axis];
      counter[axis] = 0;
    }
  }
  return index;
}

/**
 * When `small` (ignoring leading 1s) equals the last axes of `big`, as for a bias [C] against a
 * batch [N, C], returns its size: `big` is then `small` repeated block after block. Else 0.
 */
function trailingBlock(small: Shape, big: Shape): number {
  let start = 0;
  while (start < small.length && small[start] === 1) start++;
  const rest = small.length - start;
  if (rest > big.length) return 0;
  for (let i = 0; i < rest; i++) if (small[start + i] !== big[big.length - rest + i]) return 0;
  return shapeSize(small);
}

/** The data of a tensor of shape `from` repeated to shape `to` (a copy only when shapes differ). */
export function expandData(data: Float64Array, from: Shape, to: Shape): Float64Array {
  if (sameShape(from, to)) return data;
  if (data.length === 1) return kernels.allocate(shapeSize(to)).fill(data[0]);
  const block = trailingBlock(from, to);
  if (block > 0) {
    const out = kernels.allocate(shapeSize(to));
    for (let start = 0; start < out.length; start += block) out.set(data, start);
    return out;
  }
  const index = broadcastIndex(from, to);
  const out = kernels.allocate(index.length);
  for (let i = 0; i < out.length; i++) out[i] = data[index[i]];
  return out;
}

/**
 * Sums a gradient of shape `from` back to shape `to` over the axes that broadcasting repeated:
 * the backward of broadcasting, and the forward of `sum` with keepDims.
 */
export function sumToShape(data: Float64Array, from: Shape, to: Shape): Float64Array {
  if (sameShape(from, to)) return data;
  const out = kernels.allocate(shapeSize(to));
  if (out.length === 1) {
    let s = 0;
    for (let i = 0; i < data.length; i++) s += data[i];
    out[0] = s;
    return out;
  }
  const block = trailingBlock(to, from);
  if (block > 0) {
    // Fast path (a bias's gradient): add the blocks of `data` up, one after another.
    for (let start = 0; start < data.length; start += block) {
      for (let j = 0; j < block; j++) out[j] += data[start + j];
    }
    return out;
  }
  const index = broadcastIndex(to, from);
  for (let i = 0; i < data.length; i++) out[index[i]] += data[i];
  return out;
}
