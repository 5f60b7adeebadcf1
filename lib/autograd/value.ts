import { reverseTopologicalOrder } from "./graph";

/**
 * A scalar that remembers how it was computed: micrograd's `Value`, for the backpropagation lesson.
 * Each op computes its result and, right beside it, the local derivative that `backward()` uses
 * (chain rule: parent.grad += local derivative × out.grad). `backward()` walks the graph with the
 * same `reverseTopologicalOrder` as tensors.
 *
 * Fields for drawing the graph (lesson 5): data, grad, label, op ("" for inputs), parents.
 * Example:
 *   const a = dl.value(2, "a"), b = dl.value(-3, "b");
 *   const c = a.mul(b).add(10); c.backward();   // c.data = 4, a.grad = −3, b.grad = 2
 */
export class Value {
  /** ∂root/∂this after `backward()` (0 before); input gradients accumulate across calls. */
  grad = 0;
  /** Sends this node's grad to its parents (null for inputs). */
  backwardFn: (() => void) | null = null;

  constructor(
    public data: number,
    public label = "",
    public op = "",
    public readonly parents: readonly Value[] = [],
  ) {}

  /** this + other. Local derivatives: 1 and 1. */
  add(other: Value | number): Value {
    const o = toValue(other);
    const out = new Value(this.data + o.data, "", "+", [this, o]);
    out.backwardFn = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }

  /** this · other. Local derivatives: other and this. */
  mul(other: Value | number): Value {
    const o = toValue(other);
    const out = new Value(this.data * o.data, "", "*", [this, o]);
    out.backwardFn = () => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    };
    return out;
  }

  /** thisⁿ for a constant exponent n. Local derivative: n·thisⁿ⁻¹. */
  pow(n: number): Value {
    const out = new Value(Math.pow(this.data, n), "", `^${n}`, [this]);
    out.backwardFn = () => {
      this.grad += n * Math.pow(this.data, n - 1) * out.grad;
    };
    return out;
  }

  /** eˣ. Local derivative: eˣ. */
  exp(): Value {
    const out = new Value(Math.exp(this.data), "", "exp", [this]);
    out.backwardFn = () => {
      this.grad += out.data * out.grad;
    };
    return out;
  }

  /** ln x. Local derivative: 1/x. */
  log(): Value {
    const out = new Value(Math.log(this.data), "", "log", [this]);
    out.backwardFn = () => {
      this.grad += out.grad / this.data;
    };
    return out;
  }

  /** tanh x. Local derivative: 1 − tanh² x. */
  tanh(): Value {
    const out = new Value(Math.tanh(this.data), "", "tanh", [this]);
    out.backwardFn = () => {
      this.grad += (1 - out.data * out.data) * out.grad;
    };
    return out;
  }

  /** σ(x) = 1/(1 + e^(−x)). Local derivative: σ(1 − σ). */
  sigmoid(): Value {
    const out = new Value(1 / (1 + Math.exp(-this.data)), "", "sigmoid", [this]);
    out.backwardFn = () => {
      this.grad += out.data * (1 - out.data) * out.grad;
    };
    return out;
  }

  /** max(0, x). Local derivative: 1 if x > 0 else 0. */
  relu(): Value {
    const out = new Value(Math.max(0, this.data), "", "relu", [this]);
    out.backwardFn = () => {
      this.grad += (this.data <= 0 ? 0 : 1) * out.grad; // a NaN passes, as for tensors
    };
    return out;
  }

  // Derived ops, one line each over the primitives above (as in micrograd).
  /** −this = this · (−1). */
  neg(): Value {
    return this.mul(-1);
  }
  /** this − other = this + (−other). */
  sub(other: Value | number): Value {
    return this.add(toValue(other).neg());
  }
  /** this / other = this · other⁻¹. */
  div(other: Value | number): Value {
    return this.mul(toValue(other).pow(-1));
  }

  /** Sets a name shown in graphs; returns this, for chaining: `a.mul(b).named("e")`. */
  named(label: string): this {
    this.label = label;
    return this;
  }

  /**
   * Fills `grad` of every value this one depends on with ∂this/∂value. Gradients of computed values
   * are reset first; gradients of inputs (no parents) accumulate across calls.
   */
  backward(): void {
    const order = reverseTopologicalOrder<Value>(this);
    for (const node of order) if (node.parents.length > 0) node.grad = 0;
    this.grad = 1;
    for (const node of order) node.backwardFn?.();
  }

  /** `Value(data=…, grad=…)` with its label, as micrograd prints. */
  toString(): string {
    const name = this.label ? `${this.label}: ` : "";
    return `Value(${name}data=${this.data}, grad=${this.grad})`;
  }
  /** What console.log shows. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

function toValue(x: Value | number): Value {
  return x instanceof Value ? x : new Value(x);
}

/** Creates an input Value: `dl.value(2, "a")`. Lesson 5. */
export function value(data: number, label = ""): Value {
  return new Value(data, label);
}
