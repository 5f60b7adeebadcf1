import { ArgumentError, ShapeError } from "../errors";
import { kernels } from "../kernels/active";
import { Rng } from "../rng";
import { attach, gradOf } from "../tensor/record";
import { flatten, reshape } from "../tensor/shape-ops";
import { Tensor } from "../tensor/tensor";
import { describeValue, expectOptions, expectRng, expectTensor } from "../tensor/check";
import { Module } from "./module";

/**
 * Flattens every axis after the first: [N, C, H, W] → [N, C·H·W] (between the convolutional part
 * and the fully connected part of a CNN). The gradient is reshaped back. Lesson 7.
 * Example: new dl.nn.Flatten().forward(x)   // [32, 8, 4, 4] → [32, 128]
 */
export class Flatten extends Module {
  forward(x: Tensor): Tensor {
    if (x.rank === 0) throw new ShapeError(`Flatten: expected a batch [N, …], got a scalar`);
    return x.rank === 1 ? reshape(x, [x.shape[0], 1]) : flatten(x, 1);
  }
}

/**
 * Inverted dropout as an op: in training, each element is kept with probability 1 − p and then
 * scaled by 1/(1 − p), so E[out] = x; the dropped ones are 0. The same mask scales the gradient.
 *   out = x · m / (1 − p),  m_i ~ Bernoulli(1 − p)
 * Shapes: any → same. With a fresh `dl.rng(seed)` the mask is reproducible. Lesson 8.
 * Example: dl.nn.dropout(x, { p: 0.5, rng: dl.rng(1) })
 */
export function dropout(x: Tensor, options: { p: number; rng: Rng }): Tensor {
  expectTensor("dropout", "x", x);
  const { p, rng } = expectOptions("dropout", options);
  checkP("dropout", p);
  expectRng("dropout", rng);
  const scale = 1 / (1 - p);
  const xd = x.values;
  const mask = new Float64Array(x.size);
  const o = kernels.allocate(x.size);
  for (let i = 0; i < mask.length; i++) mask[i] = rng.uniform() < p ? 0 : scale;
  for (let i = 0; i < o.length; i++) o[i] = xd[i] * mask[i];
  return attach(new Tensor(o, x.shape), "dropout", [x], (g) => {
    const gx = gradOf(x);
    for (let i = 0; i < gx.length; i++) gx[i] += g[i] * mask[i];
  });
}

function checkP(op: string, p: number): void {
  if (!(typeof p === "number" && p >= 0 && p < 1))
    throw new ArgumentError(`${op}: p must be in [0, 1), got ${describeValue(p)}`);
}

/**
 * Dropout layer (Srivastava et al. 2014): during training, each activation is dropped
 * (set to 0) with probability p. The lecture keeps activations as they are in training and
 * multiplies the weights by 1 − p at test time, so that each unit's expected input matches.
 * We use the equivalent "inverted" form: survivors are scaled by 1/(1 − p) during training, so
 * E[output] = input and evaluation (`eval()`) is the identity: no rescaling at test time.
 * Each training forward draws a new mask from the layer's Rng: a different thinned network per
 * step (the ensemble view). Shapes: any → same. Lesson 8.
 * Example: new dl.nn.Dropout(0.5, { rng: dl.rng(0) })
 */
export class Dropout extends Module {
  private readonly rng: Rng;

  constructor(
    readonly p: number,
    options: { rng?: Rng; seed?: number },
  ) {
    super();
    checkP("Dropout", p);
    expectOptions("Dropout", options);
    if (!options.rng && options.seed === undefined) {
      throw new ArgumentError("Dropout: expected { rng } or { seed } for the masks, got neither");
    }
    this.rng = options.rng ?? new Rng(options.seed!);
  }

  override describe(): string {
    return `Dropout(p = ${this.p})`;
  }

  forward(x: Tensor): Tensor {
    return this.training && this.p > 0 ? dropout(x, { p: this.p, rng: this.rng }) : x;
  }
}

/**
 * Layers applied one after the other: `forward(x) = layers[k](…layers[1](layers[0](x)))`. Layers
 * are named by position in `namedParameters` ("0.weight"). Lesson 3.
 * Example: new dl.nn.Sequential([new dl.nn.Linear(2, 4, { rng }), new dl.nn.ReLU(), new dl.nn.Linear(4, 1, { rng })])
 */
export class Sequential extends Module {
  readonly layers: readonly Module[];

  constructor(layers: readonly Module[]) {
    super();
    if (!Array.isArray(layers)) {
      throw new ArgumentError(
        `Sequential: layers must be an array of modules, got ${describeValue(layers)}`,
      );
    }
    layers.forEach((layer, i) => {
      if (!(layer instanceof Module)) {
        throw new ArgumentError(
          `Sequential: layer ${i} must be a Module, got ${describeValue(layer)}`,
        );
      }
    });
    this.layers = layers.map((layer, i) => this.addModule(String(i), layer));
  }

  forward(x: Tensor): Tensor {
    return this.layers.reduce((h, layer) => layer.forward(h), x);
  }
}
