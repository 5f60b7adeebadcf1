import { ArgumentError, ShapeError, formatShape } from "../errors";
import { kernels } from "../kernels/active";
import { LEAKY_SLOPE, elu, leakyRelu, relu, sigmoid, tanh } from "../tensor/activations";
import { attach, gradOf } from "../tensor/record";
import { softmax } from "../tensor/softmax";
import { Tensor } from "../tensor/tensor";
import { Module } from "./module";
import { describeValue } from "../format-value";

/**
 * The lecture's activation functions as layers (lesson 1 defines them, lesson 3 stacks them), each
 * a thin wrapper over the tensor function of the same name (`dl.sigmoid`, `dl.relu`, …). No
 * parameters; shapes: any → same.
 * Example: new dl.nn.Sequential([new dl.nn.Linear(2, 2, { rng }), new dl.nn.Sigmoid()])
 */

/** σ(x) = 1 / (1 + e^(−x)), elementwise. */
export class Sigmoid extends Module {
  forward(x: Tensor): Tensor {
    return sigmoid(x);
  }
}

/** tanh(x), elementwise. */
export class Tanh extends Module {
  forward(x: Tensor): Tensor {
    return tanh(x);
  }
}

/** ReLU: max(0, x), elementwise. */
export class ReLU extends Module {
  forward(x: Tensor): Tensor {
    return relu(x);
  }
}

/** Leaky ReLU: max(slope·x, x), the lecture's slope 0.1 by default. */
export class LeakyReLU extends Module {
  constructor(readonly slope = LEAKY_SLOPE) {
    super();
  }

  override describe(): string {
    return `LeakyReLU(slope = ${this.slope})`;
  }

  forward(x: Tensor): Tensor {
    return leakyRelu(x, this.slope);
  }
}

/** ELU: x for x > 0, else α(eˣ − 1) (α default 1). */
export class ELU extends Module {
  constructor(readonly alpha = 1) {
    super();
  }

  override describe(): string {
    return `ELU(alpha = ${this.alpha})`;
  }

  forward(x: Tensor): Tensor {
    return elu(x, this.alpha);
  }
}

/**
 * The threshold (step) unit of McCulloch–Pitts and Rosenblatt's perceptron (lessons 1, 2):
 * out = 1 when x ≥ threshold (default 0), else 0 (NaN stays NaN). Its derivative is 0 wherever it
 * exists, so no gradient flows through it: the perceptron learns by its own rule, not by
 * backpropagation.
 */
export class Step extends Module {
  constructor(readonly threshold = 0) {
    super();
  }

  override describe(): string {
    return `Step(threshold = ${this.threshold})`;
  }

  forward(x: Tensor): Tensor {
    const xd = x.values;
    const o = kernels.allocate(xd.length);
    for (let i = 0; i < o.length; i++)
      o[i] = Number.isNaN(xd[i]) ? NaN : +(xd[i] >= this.threshold);
    return attach(new Tensor(o, x.shape), "step", [x], () => gradOf(x)); // adds nothing: f′ = 0
  }
}

/**
 * Softmax over the last axis: p_nc = e^(z_nc − m_n) / Σ_k e^(z_nk − m_n), m_n = max_k z_nk
 * (subtracting the max changes nothing but avoids overflow); rows sum to 1 (`dl.softmax`).
 * Shapes: [N, C] → [N, C]. Lesson 7. For training, prefer logits with `softmaxCrossEntropy`.
 */
export class Softmax extends Module {
  forward(z: Tensor): Tensor {
    if (z.rank !== 2) {
      throw new ShapeError(`Softmax: expected input [N, C], got ${formatShape(z.shape)}`);
    }
    return softmax(z, -1);
  }
}

/**
 * Maxout (Goodfellow et al. 2013): the max of `pieces` linear functions. Put it after a
 * `Linear(in, units·pieces)`: it groups each row's features in consecutive runs of `pieces` and keeps
 * each run's max, out[n, j] = max_p x[n, j·pieces + p]; the gradient goes to the winner (the first
 * on ties; a NaN wins, so a run holding one gives NaN, as `dl.max` does).
 * Shapes: [N, units·pieces] → [N, units]. Lesson 1.
 * Example: new dl.nn.Sequential([new dl.nn.Linear(2, 8, { rng }), new dl.nn.Maxout(2)])  // → [N, 4]
 */
export class Maxout extends Module {
  constructor(readonly pieces = 2) {
    super();
    if (!Number.isInteger(pieces) || pieces < 1) {
      throw new ArgumentError(
        `Maxout: pieces must be an integer ≥ 1, got ${describeValue(pieces)}`,
      );
    }
  }

  override describe(): string {
    return `Maxout(pieces = ${this.pieces})`;
  }

  forward(x: Tensor): Tensor {
    const k = this.pieces;
    if (x.rank !== 2 || x.shape[1] % k !== 0) {
      throw new ShapeError(
        `Maxout(${k}): expected input [N, units·${k}], got ${formatShape(x.shape)}`,
      );
    }
    const m = x.size / k;
    const xd = x.values;
    const winner = new Int32Array(m);
    const o = kernels.allocate(m);
    for (let i = 0; i < m; i++) {
      let best = i * k;
      for (let p = i * k + 1; p < (i + 1) * k; p++) {
        if (xd[p] > xd[best] || (Number.isNaN(xd[p]) && !Number.isNaN(xd[best]))) best = p;
      }
      winner[i] = best;
      o[i] = xd[best];
    }
    const out = new Tensor(o, [x.shape[0], x.shape[1] / k]);
    return attach(out, "maxout", [x], (g) => {
      const gx = gradOf(x);
      for (let i = 0; i < m; i++) gx[winner[i]] += g[i];
    });
  }
}
