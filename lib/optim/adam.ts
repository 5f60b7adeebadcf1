import { Tensor } from "../tensor/tensor";
import { Optimizer, checkFraction, checkPositive } from "./optimizer";
import { expectOptions } from "../tensor/check";

/** Options of Adam (defaults as in Kingma & Ba 2015). */
export interface AdamOptions {
  /** Learning rate η > 0 (default 0.001). */
  lr?: number;
  /** Decay of the first moment, β₁ ∈ [0, 1) (default 0.9). */
  beta1?: number;
  /** Decay of the second moment, β₂ ∈ [0, 1) (default 0.999). */
  beta2?: number;
  /** Added to √v̂ so we never divide by 0 (default 1e−8). */
  eps?: number;
}

/**
 * Adam (Kingma & Ba 2015): per-parameter step sizes from running moments of the gradient,
 * bias-corrected for their zero start. At a parameter's t-th update (each parameter counts its own
 * updates, as PyTorch does: one without a gradient on some step is skipped and not counted):
 *   m ← β₁m + (1 − β₁)g,   v ← β₂v + (1 − β₂)g²,   m̂ = m / (1 − β₁ᵗ),   v̂ = v / (1 − β₂ᵗ)
 *   w ← w − η m̂ / (√v̂ + ε)
 * Lesson 6. Example: new dl.optim.Adam(model.parameters(), { lr: 0.01 })
 */
export class Adam extends Optimizer {
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  private readonly m: Float64Array[];
  private readonly v: Float64Array[];
  /** How many updates each parameter has had (its t in the bias correction). */
  private readonly updates: number[];

  constructor(params: readonly Tensor[], options: AdamOptions = {}) {
    const { lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8 } = expectOptions("Adam", options);
    super("Adam", params, lr);
    checkFraction("Adam", "beta1", beta1);
    checkFraction("Adam", "beta2", beta2);
    checkPositive("Adam", "eps", eps);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.m = params.map((p) => new Float64Array(p.size));
    this.v = params.map((p) => new Float64Array(p.size));
    this.updates = params.map(() => 0);
  }

  protected update(w: Float64Array, g: Float64Array, index: number): void {
    const { lr, beta1: b1, beta2: b2, eps } = this;
    const t = ++this.updates[index];
    const m = this.m[index];
    const v = this.v[index];
    const c1 = 1 - b1 ** t;
    const c2 = 1 - b2 ** t;
    for (let i = 0; i < w.length; i++) {
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
      w[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
    }
  }
}
