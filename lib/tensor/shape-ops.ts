import { ArgumentError, ShapeError, formatShape } from "../errors";
import { kernels } from "../kernels/active";
import { attach, gradOf } from "./record";
import { Tensor } from "./tensor";
import { Shape, shapeSize, strides } from "./shape";
import { normalizeAxes } from "./reduce";
import { describeValue, expectTensor } from "./check";
import { checkSize } from "../limits";
import { formatValue } from "../format-value";

/**
 * Ops that move numbers without changing them: reshape, transpose, flatten, concat, take.
 * Each returns a new tensor (a copy: never an alias of the input's numbers) and sends gradients
 * back to where each number came from.
 */

/**
 * The same numbers in a new shape (row-major order kept); one size may be −1 (inferred).
 * Example: dl.reshape(dl.arange(6), [2, -1]) has shape [2, 3]. Lesson 7 (flattening images).
 */
export function reshape(x: Tensor, shape: Shape): Tensor {
  expectTensor("reshape", "x", x);
  if (!Array.isArray(shape))
    throw new ArgumentError(
      `reshape: shape must be an array of sizes, got ${describeValue(shape)}`,
    );
  const known = shape.filter((n) => n !== -1);
  const free = shape.length - known.length;
  const knownSize = shapeSize(known, "reshape");
  const target = shape.map((n) => (n === -1 ? x.size / (knownSize || 1) : n));
  if (free > 1 || !Number.isInteger(shapeSize(target)) || shapeSize(target) !== x.size) {
    throw new ShapeError(
      `reshape: cannot reshape ${formatShape(x.shape)} (${x.size} elements) to ${formatShape(shape)}`,
    );
  }
  const o = kernels.allocate(x.size);
  o.set(x.values);
  return attach(new Tensor(o, target), "reshape", [x], (g) => addTo(gradOf(x), g));
}

/** Flattens the axes from `startAxis` on into one: [N, C, H, W] with startAxis 1 → [N, C·H·W]. */
export function flatten(x: Tensor, startAxis = 0): Tensor {
  expectTensor("flatten", "x", x);
  if (typeof startAxis !== "number") {
    throw new ArgumentError(
      `flatten: startAxis must be an axis number, got ${describeValue(startAxis)}`,
    );
  }
  const start = startAxis < 0 ? startAxis + x.rank : startAxis;
  if (!Number.isInteger(start) || start < 0 || start > Math.max(0, x.rank - 1)) {
    throw new ArgumentError(
      `flatten: startAxis ${startAxis} is out of range for shape ${formatShape(x.shape)}`,
    );
  }
  return reshape(x, [...x.shape.slice(0, start), shapeSize(x.shape.slice(start))]);
}

/** Data of shape `shape` with its axes permuted: output axis i is input axis `axes[i]`. */
function permuteData(data: Float64Array, shape: Shape, axes: readonly number[]): Float64Array {
  const inStrides = strides(shape);
  const outShape = axes.map((a) => shape[a]);
  const step = axes.map((a) => inStrides[a]);
  const out = kernels.allocate(data.length);
  const counter = new Array<number>(axes.length).fill(0);
  let j = 0;
  for (let i = 0; i < out.length; i++) {
    out[i] = data[j];
    for (let axis = axes.length - 1; axis >= 0; axis--) {
      counter[axis]++;
      j += step[axis];
      if (counter[axis] < outShape[axis]) break;
      j -= step[axis] * outShape[axis];
      counter[axis] = 0;
    }
  }
  return out;
}

/**
 * Permutes axes: output axis i is input axis `axes[i]`; by default swaps the last two (a matrix
 * transpose). Example: dl.transpose(w) for wᵀ; dl.transpose(x, [0, 2, 3, 1]) for NCHW → NHWC.
 */
export function transpose(x: Tensor, axes?: readonly number[]): Tensor {
  expectTensor("transpose", "x", x);
  const rank = x.rank;
  const perm = axes ?? [...Array(rank).keys()].map((i) => (i < rank - 2 ? i : 2 * rank - 3 - i));
  const normal = normalizeAxes("transpose", x.shape, perm);
  if (!Array.isArray(perm) || perm.length !== rank || normal.length !== rank) {
    throw new ArgumentError(
      `transpose: axes must be a permutation of 0…${rank - 1}, got ${formatValue(perm)}`,
    );
  }
  const order = perm.map((a) => (a < 0 ? a + rank : a));
  const out = new Tensor(
    permuteData(x.values, x.shape, order),
    order.map((a) => x.shape[a]),
  );
  const inverse = new Array<number>(rank);
  order.forEach((a, i) => (inverse[a] = i));
  return attach(out, "transpose", [x], (g) => addTo(gradOf(x), permuteData(g, out.shape, inverse)));
}

/** Splits a shape around `axis`: sizes before (outer), at, and after (inner) it. */
export function splitAt(shape: Shape, axis: number): { outer: number; n: number; inner: number } {
  return {
    outer: shapeSize(shape.slice(0, axis)),
    n: shape[axis],
    inner: shapeSize(shape.slice(axis + 1)),
  };
}

/**
 * Joins tensors along an axis; their other sizes must match.
 * Example: dl.concat([a, b], 1) with a [2, 3], b [2, 1] → [2, 4].
 */
export function concat(tensors: readonly Tensor[], axis = 0): Tensor {
  if (!Array.isArray(tensors as unknown)) {
    throw new ArgumentError(
      `concat: tensors must be an array of tensors, got ${describeValue(tensors)}`,
    );
  }
  if (tensors.length === 0)
    throw new ArgumentError("concat: expected at least one tensor, got none");
  tensors.forEach((t, i) => expectTensor("concat", `tensors[${i}]`, t));
  const first = tensors[0];
  const ax = normalizeAxes("concat", first.shape, axis)[0];
  for (const t of tensors) {
    if (t.rank !== first.rank || t.shape.some((n, i) => i !== ax && n !== first.shape[i])) {
      throw new ShapeError(
        `concat: shapes must match except on axis ${ax}, got ${formatShape(first.shape)} and ${formatShape(t.shape)}`,
      );
    }
  }
  const total = tensors.reduce((s, t) => s + t.shape[ax], 0);
  const { outer, inner } = splitAt(first.shape, ax);
  const outShape = first.shape.map((n, i) => (i === ax ? total : n));
  checkSize("concat", outShape);
  const o = kernels.allocate(shapeSize(outShape));
  const rowOut = total * inner;
  let offset = 0; // where each tensor's chunk starts inside an output row
  const offsets = tensors.map((t) => {
    const chunk = t.shape[ax] * inner;
    for (let r = 0; r < outer; r++)
      o.set(t.values.subarray(r * chunk, (r + 1) * chunk), r * rowOut + offset);
    offset += chunk;
    return offset - chunk;
  });
  const out = new Tensor(o, outShape);
  return attach(out, "concat", tensors, (g) => {
    tensors.forEach((t, k) => {
      if (!t.requiresGrad) return;
      const chunk = t.shape[ax] * inner;
      const gt = gradOf(t);
      for (let r = 0; r < outer; r++) {
        const start = r * rowOut + offsets[k];
        for (let c = 0; c < chunk; c++) gt[r * chunk + c] += g[start + c];
      }
    });
  });
}

/**
 * Selects entries along an axis by index (repeats allowed): the mini-batch rows of a dataset.
 * Example: dl.take(X, [3, 0, 7]) gives rows 3, 0 and 7 of X [N, D] → [3, D]. Lesson 6.
 */
export function take(x: Tensor, index: ArrayLike<number> | Tensor, axis = 0): Tensor {
  expectTensor("take", "x", x);
  const indices = index instanceof Tensor ? index.values : index;
  if (!Array.isArray(indices) && !ArrayBuffer.isView(indices)) {
    throw new ArgumentError(
      `take: indices must be an array or a tensor of indices, got ${describeValue(index)}`,
    );
  }
  const ax = normalizeAxes("take", x.shape, axis)[0];
  const { outer, n, inner } = splitAt(x.shape, ax);
  const m = indices.length;
  checkSize(
    "take",
    x.shape.map((s, i) => (i === ax ? m : s)),
  );
  for (let i = 0; i < m; i++) {
    const k = indices[i];
    if (!Number.isInteger(k) || k < 0 || k >= n) {
      throw new ArgumentError(`take: index ${k} is out of range for axis ${ax} of size ${n}`);
    }
  }
  const xd = x.values;
  const o = kernels.allocate(outer * m * inner);
  for (let r = 0; r < outer; r++) {
    for (let i = 0; i < m; i++) {
      const src = (r * n + indices[i]) * inner;
      o.set(xd.subarray(src, src + inner), (r * m + i) * inner);
    }
  }
  const out = new Tensor(
    o,
    x.shape.map((s, i) => (i === ax ? m : s)),
  );
  return attach(out, "take", [x], (g) => {
    const gx = gradOf(x);
    for (let r = 0; r < outer; r++) {
      for (let i = 0; i < m; i++) {
        const dst = (r * n + indices[i]) * inner;
        const src = (r * m + i) * inner;
        for (let c = 0; c < inner; c++) gx[dst + c] += g[src + c];
      }
    }
  });
}

/** acc[i] += g[i] for every element: a gradient that passes through unchanged (reshape, transpose). */
function addTo(acc: Float64Array, g: Float64Array): void {
  for (let i = 0; i < acc.length; i++) acc[i] += g[i];
}
