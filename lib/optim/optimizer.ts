import { zeroGrad } from "../autograd/backward";
import { ArgumentError } from "../errors";
import { Tensor } from "../tensor/tensor";
import { describeValue, expectTensor } from "../tensor/check";

/**
 * The base of every optimizer (PyTorch's `torch.optim.Optimizer`): it holds the parameters and the
 * learning rate; `zeroGrad()` clears the gradients before a backward pass and `step()` updates each
 * parameter from its gradient, in place (plain loops over the numbers of `p` and `p.grad`).
 * Parameters without a gradient (not reached by the last backward) are left unchanged.
 * Lesson 6. Example:
 *   opt.zeroGrad(); dl.backward(loss); opt.step();
 */
export abstract class Optimizer {
  readonly params: readonly Tensor[];
  /** The learning rate η; schedules change it between epochs. */
  lr: number;
  /** How many steps have been taken. */
  steps = 0;

  constructor(
    private op: string,
    params: readonly Tensor[],
    lr: number,
  ) {
    if (typeof op !== "string") this.op = op = "Optimizer";
    checkPositive(op, "lr", lr);
    if (!Array.isArray(params)) {
      throw new ArgumentError(
        `${op}: params must be an array of tensors (model.parameters()), got ${describeValue(params)}`,
      );
    }
    if (params.length === 0)
      throw new ArgumentError(`${op}: expected at least one parameter, got none`);
    params.forEach((p, i) => expectTensor(op, `params[${i}]`, p));
    this.params = params;
    this.lr = lr;
  }

  /** Clears every parameter's gradient (`dl.zeroGrad`: `grad` becomes null). */
  zeroGrad(): void {
    zeroGrad(this.params);
  }

  /** One update of every parameter with a gradient. */
  step(): void {
    checkPositive(`${this.op}.step`, "lr", this.lr); // a schedule or a hand-set rate may be off
    this.steps++;
    this.params.forEach((p, i) => {
      if (p.grad !== null) this.update(p.values, p.grad.values, i);
    });
  }

  /** Updates parameter number `index` (data `w`, gradient `g`) in place. */
  protected abstract update(w: Float64Array, g: Float64Array, index: number): void;

  /** What a notebook shows for an optimizer: `Adam(lr 0.01, 4 parameter tensors, 33 numbers, 0 steps)`. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    const numbers = this.params.reduce((n, p) => n + p.size, 0);
    return `${this.constructor.name}(lr ${this.lr}, ${this.params.length} parameter tensors, ${numbers} numbers, ${this.steps} steps)`;
  }
}

/** Throws ArgumentError unless `value` is a finite number > 0. */
export function checkPositive(op: string, name: string, value: number): void {
  if (!(typeof value === "number" && value > 0 && value < Infinity)) {
    throw new ArgumentError(
      `${op}: ${name} must be a finite number > 0, got ${describeValue(value)}`,
    );
  }
}

/** Throws ArgumentError unless 0 ≤ value < 1. */
export function checkFraction(op: string, name: string, value: number): void {
  if (!(typeof value === "number" && value >= 0 && value < 1)) {
    throw new ArgumentError(`${op}: ${name} must be in [0, 1), got ${describeValue(value)}`);
  }
}
