import { ArgumentError, ReleasedTensorError, ShapeError, formatShape } from "../errors";
import { noteWrapped } from "../kernels/buffer-pool";
import { describeValue } from "../format-value";
import { checkSize } from "./limits";
// Ops are only referenced inside method bodies, so these circular imports are safe in CommonJS.
import * as ops from "./ops";
import type { Axes, ReduceOptions } from "./reduce";
import type { TensorLike } from "./broadcast";

/** A tensor's shape: the size of each axis, outermost first. Images are NCHW. */
export type Shape = readonly number[];

/** What a released tensor's data becomes (see Tensor.data). */
const RELEASED = new Float64Array(0);

/** Nested arrays of numbers, as written in a notebook: `[[1, 2], [3, 4]]`. */
export type NestedArray = number | readonly NestedArray[];

/**
 * An n-dimensional array of float64 numbers, stored contiguously in row-major order, with a
 * readonly shape. A tensor that `requiresGrad` records the op that made it, so `backward()` can
 * send gradients to its inputs (lib/autograd).
 *
 * Shapes: `data.length === size === product(shape)`; a scalar has shape `[]` and size 1.
 * Introduced in lesson 0. Example:
 *   const x = dl.tensor([[1, 2], [3, 4]]);   // shape [2, 2]
 *   x.get(1, 0);                             // 3
 */
export class Tensor {
  #data: Float64Array;
  readonly shape: Shape;
  readonly size: number;
  /** Whether gradients flow to this tensor (parameters, and results of ops on them). */
  requiresGrad: boolean;
  /** ∂loss/∂this after `backward()`, same shape; gradients accumulate until `zeroGrad`. */
  grad: Tensor | null = null;
  /** The op that produced this tensor ("leaf" for data and parameters), for graphs and errors. */
  op = "leaf";
  /** An optional name shown in graphs and summaries. */
  label = "";
  /** The tensors this one was computed from (empty for leaves or when no gradient is recorded). */
  parents: readonly Tensor[] = [];
  /** Sends `this.grad` to the parents' grads (set by the op that made this tensor). */
  backwardFn: (() => void) | null = null;

  constructor(data: Float64Array, shape: Shape, requiresGrad = false) {
    const size = shapeSize(shape);
    if (data.length !== size) {
      throw new ShapeError(
        `Tensor: data has ${data.length} numbers but shape ${formatShape(shape)} needs ${size}`,
      );
    }
    this.#data = data;
    noteWrapped(data);
    this.shape = Object.freeze([...shape]);
    this.size = size;
    this.requiresGrad = requiresGrad;
  }

  /**
   * The numbers, row-major. Ops never write into an input's data. Throws ReleasedTensorError for
   * an intermediate result whose memory `releaseGraph` gave back after a training step.
   */
  get data(): Float64Array {
    if (this.#data === RELEASED) {
      throw new ReleasedTensorError(
        `Tensor: this ${this.op} result (shape ${formatShape(this.shape)}) was released after its training step (fit and releaseGraph give intermediate memory back for reuse); copy what you need during the step (Float64Array.from(t.data)), or compute it again`,
      );
    }
    return this.#data;
  }

  /** True once `releaseGraph` gave this intermediate result's memory back (see `data`). */
  get released(): boolean {
    return this.#data === RELEASED;
  }

  /** Drops this tensor's numbers and graph links (called by `releaseGraph` only). */
  markReleased(): void {
    this.#data = RELEASED;
    this.grad = null;
    this.parents = [];
    this.backwardFn = null;
  }

  /** Number of axes: 0 for a scalar, 2 for a matrix. */
  get rank(): number {
    return this.shape.length;
  }

  /** The single number of a size-1 tensor. */
  item(): number {
    if (this.size !== 1) {
      throw new ShapeError(
        `item: expected a tensor with one element, got shape ${formatShape(this.shape)}`,
      );
    }
    return this.data[0];
  }

  /** The element at the given indices (one per axis): `x.get(i, j)`. */
  get(...indices: number[]): number {
    return this.data[flatIndex(this.shape, indices, "get")];
  }

  /** The numbers as nested arrays of the tensor's shape (a number for a scalar). */
  toArray(): NestedArray {
    const build = (axis: number, offset: number): NestedArray => {
      if (axis === this.shape.length) return this.data[offset];
      const stride = shapeSize(this.shape.slice(axis + 1));
      return Array.from({ length: this.shape[axis] }, (_, i) =>
        build(axis + 1, offset + i * stride),
      );
    };
    return build(0, 0);
  }

  // Chainable methods: each calls the op function of the same name (`x.add(b)` is `dl.add(x, b)`).
  /** `dl.add(this, b)` */ add(b: TensorLike): Tensor {
    return ops.add(this, b);
  }
  /** `dl.sub(this, b)` */ sub(b: TensorLike): Tensor {
    return ops.sub(this, b);
  }
  /** `dl.mul(this, b)` */ mul(b: TensorLike): Tensor {
    return ops.mul(this, b);
  }
  /** `dl.div(this, b)` */ div(b: TensorLike): Tensor {
    return ops.div(this, b);
  }
  /** `dl.pow(this, b)` */ pow(b: TensorLike): Tensor {
    return ops.pow(this, b);
  }
  /** `dl.maximum(this, b)` */ maximum(b: TensorLike): Tensor {
    return ops.maximum(this, b);
  }
  /** `dl.minimum(this, b)` */ minimum(b: TensorLike): Tensor {
    return ops.minimum(this, b);
  }
  /** `dl.neg(this)` */ neg(): Tensor {
    return ops.neg(this);
  }
  /** `dl.exp(this)` */ exp(): Tensor {
    return ops.exp(this);
  }
  /** `dl.log(this)` */ log(): Tensor {
    return ops.log(this);
  }
  /** `dl.sqrt(this)` */ sqrt(): Tensor {
    return ops.sqrt(this);
  }
  /** `dl.abs(this)` */ abs(): Tensor {
    return ops.abs(this);
  }
  /** `dl.square(this)` */ square(): Tensor {
    return ops.square(this);
  }
  /** `dl.sigmoid(this)` */ sigmoid(): Tensor {
    return ops.sigmoid(this);
  }
  /** `dl.tanh(this)` */ tanh(): Tensor {
    return ops.tanh(this);
  }
  /** `dl.relu(this)` */ relu(): Tensor {
    return ops.relu(this);
  }
  /** `dl.leakyRelu(this, slope)` */ leakyRelu(slope = 0.1): Tensor {
    return ops.leakyRelu(this, slope);
  }
  /** `dl.elu(this, alpha)` */ elu(alpha = 1): Tensor {
    return ops.elu(this, alpha);
  }
  /** `dl.softplus(this)` */ softplus(): Tensor {
    return ops.softplus(this);
  }
  /** `dl.matmul(this, b)` */ matmul(b: Tensor): Tensor {
    return ops.matmul(this, b);
  }
  /** `dl.sum(this, axes, options)` */ sum(axes?: Axes, options?: ReduceOptions): Tensor {
    return ops.sum(this, axes, options);
  }
  /** `dl.mean(this, axes, options)` */ mean(axes?: Axes, options?: ReduceOptions): Tensor {
    return ops.mean(this, axes, options);
  }
  /** `dl.max(this, axes, options)` */ max(axes?: Axes, options?: ReduceOptions): Tensor {
    return ops.max(this, axes, options);
  }
  /** `dl.min(this, axes, options)` */ min(axes?: Axes, options?: ReduceOptions): Tensor {
    return ops.min(this, axes, options);
  }
  /** `dl.argmax(this, axis, options)` */ argmax(axis?: number, options?: ReduceOptions): Tensor {
    return ops.argmax(this, axis, options);
  }
  /** `dl.reshape(this, shape)` */ reshape(shape: Shape): Tensor {
    return ops.reshape(this, shape);
  }
  /** `dl.transpose(this, axes)` */ transpose(axes?: readonly number[]): Tensor {
    return ops.transpose(this, axes);
  }
  /** `dl.flatten(this, startAxis)` */ flatten(startAxis = 0): Tensor {
    return ops.flatten(this, startAxis);
  }
  /** `dl.take(this, indices, axis)` */ take(
    indices: ArrayLike<number> | Tensor,
    axis = 0,
  ): Tensor {
    return ops.take(this, indices, axis);
  }
  /** `dl.softmax(this, axis)` */ softmax(axis = -1): Tensor {
    return ops.softmax(this, axis);
  }
  /** `dl.logSoftmax(this, axis)` */ logSoftmax(axis = -1): Tensor {
    return ops.logSoftmax(this, axis);
  }
  /** `dl.logSumExp(this, axes, options)` */ logSumExp(
    axes?: Axes,
    options?: ReduceOptions,
  ): Tensor {
    return ops.logSumExp(this, axes, options);
  }
  /** numpy-like text with the shape (see print.ts). */ toString(): string {
    return ops.formatTensor(this);
  }
  /** What console.log and a notebook's last expression show. */ [Symbol.for(
    "nodejs.util.inspect.custom",
  )](): string {
    return ops.formatTensor(this);
  }
  /** `dl.backward(this, gradOut)` */ backward(gradOut?: Tensor): void {
    ops.backward(this, gradOut);
  }
  /** `dl.zeroGrad(this)` */ zeroGrad(): void {
    ops.zeroGrad(this);
  }
  /** `dl.detach(this)` */ detach(): Tensor {
    return ops.detach(this);
  }
}

/**
 * The number of elements of a shape: the product of its sizes (1 for `[]`). Throws ArgumentError
 * when `shape` is not an array or holds more than MAX_ELEMENTS (checkSize, lib/tensor/limits.ts),
 * ShapeError when a size is not a non-negative integer (naming `op`).
 */
export function shapeSize(shape: Shape, op = "shape"): number {
  if (!Array.isArray(shape)) {
    throw new ArgumentError(`${op}: shape must be an array of sizes, got ${describeValue(shape)}`);
  }
  for (const n of shape) {
    if (!Number.isInteger(n) || n < 0) {
      throw new ShapeError(
        `${op}: shape sizes must be non-negative integers, got ${formatShape(shape)}`,
      );
    }
  }
  return checkSize(op, shape);
}

/** Row-major strides of a shape: `strides([2, 3, 4])` is `[12, 4, 1]`. */
export function strides(shape: Shape): number[] {
  const result = new Array<number>(shape.length);
  let stride = 1;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    result[axis] = stride;
    stride *= shape[axis];
  }
  return result;
}

function flatIndex(shape: Shape, indices: readonly number[], op: string): number {
  if (indices.length !== shape.length) {
    throw new ArgumentError(
      `${op}: expected ${shape.length} indices for shape ${formatShape(shape)}, got ${indices.length}`,
    );
  }
  let flat = 0;
  const s = strides(shape);
  indices.forEach((i, axis) => {
    if (!Number.isInteger(i) || i < 0 || i >= shape[axis]) {
      throw new ArgumentError(
        `${op}: index ${i} is out of range for axis ${axis} of size ${shape[axis]}`,
      );
    }
    flat += i * s[axis];
  });
  return flat;
}
