import { ArgumentError, ShapeError, formatShape } from "../errors";
import { kernels } from "../kernels/active";
import { attach, gradOf } from "./record";
import { Tensor } from "./tensor";
import { Shape, shapeSize, strides } from "./shape";
import { broadcastIndex, expandData, sumToShape } from "./broadcast";
import { describeValue, expectOptions, expectTensor } from "./check";
import { formatValue } from "../format-value";

/** Which axes to reduce (all when omitted; negative axes count from the end). */
export type Axes = number | readonly number[];

/** Options of the reductions: `keepDims` keeps reduced axes with size 1 (handy for broadcasting). */
export interface ReduceOptions {
  keepDims?: boolean;
}

/** Sorted, non-negative, distinct axes; throws ArgumentError naming the op for bad axes. */
export function normalizeAxes(op: string, shape: Shape, axes?: Axes): number[] {
  if (axes === undefined) return shape.map((_, i) => i);
  if (typeof axes !== "number" && !Array.isArray(axes)) {
    throw new ArgumentError(
      `${op}: axes must be an axis number or an array of them, got ${describeValue(axes)}`,
    );
  }
  const list = typeof axes === "number" ? [axes] : [...axes];
  const result = list.map((axis) => {
    const a = axis < 0 ? axis + shape.length : axis;
    if (!Number.isInteger(a) || a < 0 || a >= shape.length) {
      throw new ArgumentError(
        `${op}: axis ${formatValue(axis)} is out of range for shape ${formatShape(shape)}`,
      );
    }
    return a;
  });
  return [...new Set(result)].sort((p, q) => p - q);
}

interface Plan {
  keepShape: number[];
  outShape: number[];
}

function plan(op: string, x: Tensor, axes: Axes | undefined, options: ReduceOptions): Plan {
  expectTensor(op, "x", x);
  expectOptions(op, options);
  const reduced = normalizeAxes(op, x.shape, axes);
  const keepShape = x.shape.map((n, i) => (reduced.includes(i) ? 1 : n));
  const outShape = options.keepDims ? keepShape : x.shape.filter((_, i) => !reduced.includes(i));
  return { keepShape, outShape };
}

/**
 * Σ over the given axes (all by default). Backward: gradOut repeated over the summed axes.
 * Example: dl.sum(dl.tensor([[1, 2], [3, 4]]), 0) is [4, 6]. Shapes: [2, 3] → axis 1 → [2].
 */
export function sum(x: Tensor, axes?: Axes, options: ReduceOptions = {}): Tensor {
  const { keepShape, outShape } = plan("sum", x, axes, options);
  const xd = x.values;
  const s = sumToShape(xd, x.shape, keepShape);
  const out = new Tensor(s === xd ? s.slice() : s, outShape);
  return attach(out, "sum", [x], (g) => {
    const repeated = expandData(g, keepShape, x.shape);
    const gx = gradOf(x);
    for (let i = 0; i < gx.length; i++) gx[i] += repeated[i];
  });
}

/** The mean over the given axes (all by default): sum / count. Example: dl.mean(loss). */
export function mean(x: Tensor, axes?: Axes, options: ReduceOptions = {}): Tensor {
  const { keepShape, outShape } = plan("mean", x, axes, options);
  const s = sumToShape(x.values, x.shape, keepShape);
  const count = x.size / Math.max(1, s.length);
  const o = kernels.allocate(s.length);
  for (let i = 0; i < o.length; i++) o[i] = s[i] / count;
  const out = new Tensor(o, outShape);
  return attach(out, "mean", [x], (g) => {
    const repeated = expandData(g, keepShape, x.shape);
    const gx = gradOf(x);
    for (let i = 0; i < gx.length; i++) gx[i] += repeated[i] / count;
  });
}

/**
 * The largest value over the given axes. The gradient goes to the (first) largest element. NaN
 * propagates as in PyTorch: a slice holding a NaN has max NaN (its gradient goes to the first NaN).
 */
export function max(x: Tensor, axes?: Axes, options: ReduceOptions = {}): Tensor {
  return extreme("max", x, axes, options);
}

/** The smallest value over the given axes. The gradient goes to the (first) smallest; NaN as `max`. */
export function min(x: Tensor, axes?: Axes, options: ReduceOptions = {}): Tensor {
  return extreme("min", x, axes, options);
}

/**
 * For each output position, the flat input index of its max (or min) and the value: the first
 * one on ties, and the first NaN when the slice holds one (a NaN beats every number).
 */
function findExtremes(x: Tensor, keepShape: Shape, largest: boolean) {
  if (x.size === 0) throw new ShapeError(`${largest ? "max" : "min"}: got an empty tensor`);
  const map = broadcastIndex(keepShape, x.shape);
  const best = kernels.allocate(shapeSize(keepShape)).fill(largest ? -Infinity : Infinity);
  const arg = new Int32Array(best.length).fill(-1);
  const d = x.values;
  for (let i = 0; i < d.length; i++) {
    const j = map[i];
    const beats = largest ? d[i] > best[j] : d[i] < best[j];
    if (arg[j] < 0 || beats || (Number.isNaN(d[i]) && !Number.isNaN(best[j]))) {
      best[j] = d[i];
      arg[j] = i;
    }
  }
  return { best, arg };
}

function extreme(op: string, x: Tensor, axes: Axes | undefined, options: ReduceOptions): Tensor {
  const { keepShape, outShape } = plan(op, x, axes, options);
  const { best, arg } = findExtremes(x, keepShape, op === "max");
  const out = new Tensor(best, outShape);
  return attach(out, op, [x], (g) => {
    const gx = gradOf(x);
    for (let j = 0; j < arg.length; j++) gx[arg[j]] += g[j];
  });
}

/**
 * The index of the largest value (no gradient): over the whole tensor (a flat index, shape []) or
 * along one axis (indices along that axis). A NaN counts as the largest: its index is returned
 * (the first NaN), as PyTorch's and numpy's argmax do. Example: dl.argmax(scores, 1) gives each row's class.
 */
export function argmax(x: Tensor, axis?: number, options: ReduceOptions = {}): Tensor {
  const { keepShape, outShape } = plan("argmax", x, axis, options);
  const { arg } = findExtremes(x, keepShape, true);
  const o = kernels.allocate(arg.length);
  if (axis === undefined) {
    o[0] = arg[0];
  } else {
    const a = normalizeAxes("argmax", x.shape, axis)[0];
    const stride = strides(x.shape)[a];
    for (let j = 0; j < o.length; j++) o[j] = Math.floor(arg[j] / stride) % x.shape[a];
  }
  const out = new Tensor(o, outShape);
  out.op = "argmax";
  return out;
}
