import { ArgumentError, formatShape } from "../errors";
import { Rng } from "../rng";
import { Tensor } from "../tensor/tensor";
import { Shape, shapeSize } from "../tensor/shape";
import { describeValue, expectRng } from "../tensor/check";

/** Makes a tensor of `shape` from an explicit Rng: what layers call to set their weights. */
export type Initializer = (shape: Shape, rng: Rng) => Tensor;

/**
 * Fan-in and fan-out of a weight shape: Linear weights are [in, out]; convolution kernels are
 * [F, C, KH, KW] with fanIn = C·KH·KW and fanOut = F·KH·KW.
 */
export function fans(shape: Shape): { fanIn: number; fanOut: number } {
  if (!Array.isArray(shape)) {
    throw new ArgumentError(`init: shape must be an array of sizes, got ${describeValue(shape)}`);
  }
  if (shape.length === 2) return { fanIn: shape[0], fanOut: shape[1] };
  if (shape.length === 4) {
    const area = shape[2] * shape[3];
    return { fanIn: shape[1] * area, fanOut: shape[0] * area };
  }
  throw new ArgumentError(
    `init: expected a weight shape [in, out] or [F, C, KH, KW], got ${formatShape(shape)}`,
  );
}

function fill(shape: Shape, rng: Rng, sample: () => number): Tensor {
  expectRng("init", rng);
  const data = new Float64Array(shapeSize(shape, "init"));
  for (let i = 0; i < data.length; i++) data[i] = sample();
  return new Tensor(data, shape);
}

/**
 * Glorot/Xavier uniform: U(−a, a) with a = √(6 / (fanIn + fanOut)), keeping the variance of
 * activations and gradients about constant through tanh/sigmoid layers (Glorot & Bengio 2010).
 * Lesson 5. Example: dl.nn.glorotUniform([2, 4], dl.rng(0))
 */
export const glorotUniform: Initializer = (shape, rng) => {
  const { fanIn, fanOut } = fans(shape);
  const a = Math.sqrt(6 / (fanIn + fanOut));
  return fill(shape, rng, () => rng.uniform(-a, a));
};

/** Glorot/Xavier normal: N(0, σ²) with σ = √(2 / (fanIn + fanOut)). Example: glorotNormal([2, 4], rng) */
export const glorotNormal: Initializer = (shape, rng) => {
  const { fanIn, fanOut } = fans(shape);
  const std = Math.sqrt(2 / (fanIn + fanOut));
  return fill(shape, rng, () => rng.normal(0, std));
};

/**
 * He/Kaiming uniform: U(−a, a) with a = √(6 / fanIn), for ReLU layers (He et al. 2015), which
 * zero half their inputs. Lesson 5. Example: dl.nn.heUniform([64, 32], rng)
 */
export const heUniform: Initializer = (shape, rng) => {
  const a = Math.sqrt(6 / fans(shape).fanIn);
  return fill(shape, rng, () => rng.uniform(-a, a));
};

/** He/Kaiming normal: N(0, σ²) with σ = √(2 / fanIn). Example: dl.nn.heNormal([64, 32], rng) */
export const heNormal: Initializer = (shape, rng) => {
  const std = Math.sqrt(2 / fans(shape).fanIn);
  return fill(shape, rng, () => rng.normal(0, std));
};

/** Where a layer's random initial weights come from: an Rng, or a seed for a new one. */
export interface InitOptions {
  rng?: Rng;
  seed?: number;
  /** The weight initializer (default glorotUniform). Biases start at zero. */
  init?: Initializer;
}

/** The Rng of a layer's options; throws ArgumentError naming the layer when neither rng nor seed is given. */
export function layerRng(layer: string, options: InitOptions): Rng {
  if (options.rng) return expectRng(layer, options.rng);
  if (options.seed !== undefined) return new Rng(options.seed);
  throw new ArgumentError(
    `${layer}: expected { rng } or { seed } for the initial weights, got neither`,
  );
}
