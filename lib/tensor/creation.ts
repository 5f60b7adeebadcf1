import { ArgumentError } from "../errors";
import type { Rng } from "../rng";
import { NestedArray, Tensor } from "./tensor";
import { Shape, shapeSize } from "./shape";
import { describeValue, expectFinite, expectInteger, expectOptions, expectRng } from "./check";
import { MAX_RANK, checkSize } from "../limits";
import { formatValue } from "../format-value";

/** A typed array of numbers (BigInt64Array and BigUint64Array hold bigints, not numbers). */
export type NumberArray =
  | Float64Array
  | Float32Array
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array;

/** What `dl.tensor` accepts: a number, or nested arrays whose innermost level may be typed arrays. */
export type TensorInput = NestedArray | NumberArray | readonly TensorInput[];

/** True for an array or a typed array: one level of nesting. */
const isSequence = (v: unknown): v is ArrayLike<unknown> =>
  Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));

/**
 * A tensor from nested arrays (or a single number, giving shape `[]`); any level may be a typed
 * array (`Float32Array`, `Int32Array`, …), with the shape inferred the same way. Ragged arrays,
 * non-numbers and nesting deeper than 32 levels (a cyclic array) throw ArgumentError naming the
 * position; more than MAX_ELEMENTS numbers throw ArgumentError. NaN and ±Infinity are accepted
 * (they are numbers; a lesson may show what they do), and training checks for them where it matters.
 *
 * Example: dl.tensor([[1, 2], [3, 4]]) has shape [2, 2]; dl.tensor(new Float32Array(3)) [3]. Lesson 0.
 */
export function tensor(values: TensorInput, options: { requiresGrad?: boolean } = {}): Tensor {
  const shape: number[] = [];
  let probe: unknown = values;
  while (isSequence(probe)) {
    if (shape.length === MAX_RANK) {
      throw new ArgumentError(
        `tensor: arrays nested deeper than ${MAX_RANK} levels (a cyclic array?) at ${"[0]".repeat(MAX_RANK)}`,
      );
    }
    shape.push(probe.length);
    probe = probe.length > 0 ? probe[0] : 0;
  }
  const data = new Float64Array(shapeSize(shape, "tensor"));
  fill(values, shape, 0, data, 0, "");
  return new Tensor(data, shape, options.requiresGrad ?? false);
}

/** Copies `values` (at depth `axis`) into `data` from `offset`; returns the next offset. */
function fill(
  values: unknown,
  shape: number[],
  axis: number,
  data: Float64Array,
  offset: number,
  where: string,
): number {
  if (axis === shape.length) {
    if (typeof values !== "number") {
      const got = isSequence(values) ? "an array" : formatValue(values);
      throw new ArgumentError(`tensor: expected a number at ${where || "top"}, got ${got}`);
    }
    data[offset] = values;
    return offset + 1;
  }
  if (!isSequence(values) || values.length !== shape[axis]) {
    const got = isSequence(values) ? `length ${values.length}` : describeValue(values);
    throw new ArgumentError(
      `tensor: ragged nested array at ${where || "top"}: expected length ${shape[axis]}, got ${got}`,
    );
  }
  if (axis === shape.length - 1 && ArrayBuffer.isView(values) && !isBigIntArray(values)) {
    data.set(values as NumberArray, offset);
    return offset + values.length;
  }
  for (let i = 0; i < values.length; i++) {
    offset = fill(values[i], shape, axis + 1, data, offset, `${where}[${i}]`);
  }
  return offset;
}

const isBigIntArray = (v: object) => v instanceof BigInt64Array || v instanceof BigUint64Array;

/** A tensor of the given shape filled with `value`. Example: dl.full([2, 2], 7). */
export function full(shape: Shape, value: number): Tensor {
  return filled(shape, value, "full");
}

/** `full` for the op named `op` (in its error messages). */
function filled(shape: Shape, value: number, op: string): Tensor {
  if (typeof value !== "number") {
    throw new ArgumentError(`${op}: value must be a number, got ${describeValue(value)}`);
  }
  return new Tensor(new Float64Array(shapeSize(shape, op)).fill(value), shape);
}

/** A tensor of zeros. Example: dl.zeros([2, 3]). */
export function zeros(shape: Shape): Tensor {
  return new Tensor(new Float64Array(shapeSize(shape, "zeros")), shape);
}

/** A tensor of ones. Example: dl.ones([3]). */
export function ones(shape: Shape): Tensor {
  return filled(shape, 1, "ones");
}

/**
 * The numbers start, start + step, … below `stop` (1-d), like numpy's arange; with one argument,
 * 0, 1, …, start − 1. Example: dl.arange(5) is [0, 1, 2, 3, 4]; dl.arange(1, 2, 0.25) has 4 numbers.
 */
export function arange(start: number, stop?: number, step = 1): Tensor {
  if (stop === undefined) [start, stop] = [0, start];
  if (step === 0 || !Number.isFinite(step)) {
    throw new ArgumentError(
      `arange: step must be a non-zero finite number, got ${describeValue(step)}`,
    );
  }
  expectFinite("arange", "start", start);
  expectFinite("arange", "stop", stop);
  const n = Math.max(0, Math.ceil((stop - start) / step));
  checkSize("arange", [n]);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = start + i * step;
  return new Tensor(data, [n]);
}

/** `count` evenly spaced numbers from start to stop, both included. Example: dl.linspace(0, 1, 5). */
export function linspace(start: number, stop: number, count: number): Tensor {
  if (!Number.isInteger(count) || count < 0) {
    throw new ArgumentError(
      `linspace: count must be a non-negative integer, got ${describeValue(count)}`,
    );
  }
  expectFinite("linspace", "start", start);
  expectFinite("linspace", "stop", stop);
  checkSize("linspace", [count]);
  const data = new Float64Array(count);
  const step = count > 1 ? (stop - start) / (count - 1) : 0;
  for (let i = 0; i < count; i++) data[i] = start + i * step;
  if (count > 1) data[count - 1] = stop;
  return new Tensor(data, [count]);
}

/**
 * Normal samples N(mean, std²) from a seeded generator.
 * Example: dl.randn([2, 3], dl.rng(0), { std: 0.1 }). Used for weight initialisation (lesson 4).
 */
export function randn(
  shape: Shape,
  rng: Rng,
  options: { mean?: number; std?: number } = {},
): Tensor {
  expectOptions("randn", options);
  const { mean = 0, std = 1 } = options;
  expectRng("randn", rng);
  expectFinite("randn", "mean", mean);
  if (!(std >= 0 && std < Infinity)) {
    throw new ArgumentError(`randn: std must be a finite number ≥ 0, got ${describeValue(std)}`);
  }
  const data = new Float64Array(shapeSize(shape, "randn"));
  for (let i = 0; i < data.length; i++) data[i] = rng.normal(mean, std);
  return new Tensor(data, shape);
}

/** Uniform samples in [low, high) from a seeded generator. Example: dl.rand([3], dl.rng(0)). */
export function rand(
  shape: Shape,
  rng: Rng,
  options: { low?: number; high?: number } = {},
): Tensor {
  expectOptions("rand", options);
  const { low = 0, high = 1 } = options;
  expectRng("rand", rng);
  if (!(expectFinite("rand", "low", low) <= expectFinite("rand", "high", high))) {
    throw new ArgumentError(`rand: low must be ≤ high, got low ${low} and high ${high}`);
  }
  const data = new Float64Array(shapeSize(shape, "rand"));
  for (let i = 0; i < data.length; i++) data[i] = rng.uniform(low, high);
  return new Tensor(data, shape);
}

/** The n×n identity matrix. Example: dl.eye(3). */
export function eye(n: number): Tensor {
  expectInteger("eye", "n", n, 0);
  checkSize("eye", [n, n]);
  const out = zeros([n, n]);
  for (let i = 0; i < n; i++) out.values[i * n + i] = 1;
  return out;
}
