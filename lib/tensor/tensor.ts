import { ReleasedTensorError, ShapeError, formatShape } from "../errors";
import { kernels } from "../kernels/active";
import { type Shape, flatIndex, shapeSize } from "./shape";
// Ops are only referenced inside method bodies, so these circular imports are safe in CommonJS.
import * as ops from "./ops";
import type { Axes, ReduceOptions } from "./reduce";
import type { TensorLike } from "./broadcast";

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
  /** The numbers; null once `releaseGraph` gave an intermediate result's memory back. */
  #data: Float64Array | null;
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
  /** Adds ∂L/∂parent into each parent's gradient, given ∂L/∂this (set by the op that made it). */
  backwardFn: ((gradOut: Float64Array) => void) | null = null;

  constructor(data: Float64Array, shape: Shape, requiresGrad = false) {
    const size = shapeSize(shape);
    if (data.length !== size) {
      throw new ShapeError(
        `Tensor: data has ${data.length} numbers but shape ${formatShape(shape)} needs ${size}`,
      );
    }
    this.#data = data;
    this.shape = Object.freeze([...shape]);
    this.size = size;
    this.requiresGrad = requiresGrad;
  }

  /**
   * The numbers, row-major (changing them changes the tensor; ops never write into an input's).
   * The array is yours to keep: the engine never reuses memory that was read here. Throws
   * ReleasedTensorError for an intermediate result of a training step after `releaseGraph` (which
   * `fit` calls) gave its memory back: read what you need during the step.
   */
  get data(): Float64Array {
    const data = this.values;
    kernels.keep(data);
    return data;
  }

  /**
   * The numbers, as the engine's own ops read them: during the op only, so (unlike `data`) this
   * read does not stop `releaseGraph` from reusing the memory after the training step. Throws
   * ReleasedTensorError like `data`.
   * @internal
   */
  get values(): Float64Array {
    if (this.#data === null) {
      throw new ReleasedTensorError(
        `Tensor: this ${this.op} result (shape ${formatShape(this.shape)}) was released after its training step (fit and releaseGraph give intermediate memory back for reuse); read what you need during the step (t.data stays yours), or compute it again`,
      );
    }
    return this.#data;
  }

  /** True once `releaseGraph` gave this intermediate result's memory back (see `data`). */
  get released(): boolean {
    return this.#data === null;
  }

  /**
   * Gives the numbers' memory back to the kernels for reuse (releaseGraph calls it on the
   * intermediate results of a finished step); reading them afterwards throws.
   * @internal
   */
  release(): void {
    if (this.#data !== null) kernels.release(this.#data);
    this.#data = null;
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
    return this.values[0];
  }

  /** The element at the given indices (one per axis): `x.get(i, j)`. */
  get(...indices: number[]): number {
    return this.values[flatIndex(this.shape, indices, "get")];
  }

  /** The numbers as nested arrays of the tensor's shape (a number for a scalar). */
  toArray(): NestedArray {
    const data = this.values;
    const build = (axis: number, offset: number): NestedArray => {
      if (axis === this.shape.length) return data[offset];
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
  /** `dl.leakyRelu(this, slope)` */ leakyRelu(slope?: number): Tensor {
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
