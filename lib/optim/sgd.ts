import { ArgumentError } from "../errors";
import { Tensor } from "../tensor/tensor";
import { Optimizer, checkFraction, checkPositive } from "./optimizer";
import { describeValue } from "../tensor/check";

/** Options of SGD. */
export interface SGDOptions {
  /** Learning rate η > 0. */
  lr: number;
  /** Momentum μ ∈ [0, 1) (default 0: plain gradient descent). */
  momentum?: number;
  /** Nesterov momentum (needs momentum > 0). */
  nesterov?: boolean;
  /** L2 as decay: adds weightDecay·w to each gradient, the same step as adding (weightDecay/2)·Σw² to the loss. */
  weightDecay?: number;
  /** L1 as decay: adds l1·sign(w) to each gradient, the same step as adding l1·Σ|w| to the loss. */
  l1?: number;
}

/**
 * Stochastic gradient descent, the lecture's update w ← w − η ∂L/∂w, with optional momentum
 * (PyTorch's form) and weight penalties applied as decay:
 *   g = ∂L/∂w + weightDecay·w + l1·sign(w)
 *   v ← μ v + g;   w ← w − η v            (momentum; μ = 0 is plain SGD)
 *   w ← w − η (g + μ v)                   (Nesterov)
 * A parameter without a gradient on a step is skipped: its velocity neither decays nor moves (as in
 * PyTorch). "SGD" names the update; the batch size chosen in `fit` makes it batch, stochastic or mini-batch
 * gradient descent. Lesson 6. Example: new dl.optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 })
 */
export class SGD extends Optimizer {
  readonly momentum: number;
  readonly nesterov: boolean;
  readonly weightDecay: number;
  readonly l1: number;
  private readonly velocity: (Float64Array | null)[];

  constructor(params: readonly Tensor[], options: SGDOptions) {
    super("SGD", params, options?.lr);
    const { momentum = 0, nesterov = false, weightDecay = 0, l1 = 0 } = options;
    if (typeof nesterov !== "boolean") {
      throw new ArgumentError(
        `SGD: nesterov must be true or false, got ${describeValue(nesterov)}`,
      );
    }
    checkFraction("SGD", "momentum", momentum);
    if (nesterov && momentum === 0)
      throw new ArgumentError("SGD: nesterov needs momentum > 0, got 0");
    if (weightDecay !== 0) checkPositive("SGD", "weightDecay", weightDecay);
    if (l1 !== 0) checkPositive("SGD", "l1", l1);
    this.momentum = momentum;
    this.nesterov = nesterov;
    this.weightDecay = weightDecay;
    this.l1 = l1;
    this.velocity = params.map(() => null);
  }

  protected update(w: Float64Array, grad: Float64Array, index: number): void {
    const { lr, momentum: mu, nesterov, weightDecay, l1 } = this;
    if (mu === 0 && weightDecay === 0 && l1 === 0) {
      // the lecture's plain step, the most common one: w ← w − η g
      for (let i = 0; i < w.length; i++) w[i] -= lr * grad[i];
      return;
    }
    if (mu > 0 && this.velocity[index] === null) this.velocity[index] = new Float64Array(w.length);
    const v = this.velocity[index];
    for (let i = 0; i < w.length; i++) {
      const g = grad[i] + weightDecay * w[i] + l1 * Math.sign(w[i]);
      if (v === null) {
        w[i] -= lr * g;
        continue;
      }
      v[i] = mu * v[i] + g;
      w[i] -= lr * (nesterov ? g + mu * v[i] : v[i]);
    }
  }
}
