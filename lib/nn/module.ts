import { zeroGrad } from "../autograd/backward";
import { ArgumentError, ShapeError } from "../errors";
import { describeValue, formatValue } from "../format-value";
import { textTable } from "../text-table";
import { expectTensor } from "../tensor/check";
import { Tensor } from "../tensor/tensor";

/**
 * The base of every layer and network (PyTorch's `nn.Module`). A module owns parameters (tensors
 * with `requiresGrad`) and child modules, registered in its constructor; `forward` maps a batch to
 * a batch. `training` is true after `train()` (the default), false after `eval()`: only layers
 * that behave differently (Dropout) read it.
 *
 * Introduced in lesson 3. Example:
 *   const net = new dl.nn.Sequential([new dl.nn.Linear(2, 4, { rng }), new dl.nn.Tanh()]);
 *   net.parameters().length;   // 2 (weight, bias)
 *   console.log(net.summary());
 */
export abstract class Module {
  /** True in training mode (the default), false in evaluation mode. */
  training = true;
  private readonly ownParams: [string, Tensor][] = [];
  private readonly children: [string, Module][] = [];

  /** Maps a batch to a batch; see each layer for the shapes. */
  abstract forward(x: Tensor): Tensor;

  /** A one-line description for summaries: `Linear(2 → 4)`. */
  describe(): string {
    return this.constructor.name;
  }

  /** Registers a parameter (sets `requiresGrad` and its label) and returns it. */
  protected addParameter(name: string, t: Tensor): Tensor {
    expectTensor("addParameter", `parameter ${formatValue(name)}`, t);
    t.requiresGrad = true;
    t.label = name;
    this.ownParams.push([name, t]);
    return t;
  }

  /** Registers a child module (its parameters become this module's too) and returns it. */
  protected addModule<M extends Module>(name: string, m: M): M {
    if (!(m instanceof Module)) {
      throw new ArgumentError(
        `addModule: module ${formatValue(name)} must be a Module (a layer), got ${describeValue(m)}`,
      );
    }
    this.children.push([name, m]);
    return m;
  }

  /** The child modules with their names, in registration order. */
  namedChildren(): [string, Module][] {
    return [...this.children];
  }

  /** Every parameter with its dotted path (`0.weight`, `2.bias`), own ones first. */
  namedParameters(): [string, Tensor][] {
    const result: [string, Tensor][] = [...this.ownParams];
    for (const [prefix, child] of this.children) {
      for (const [name, p] of child.namedParameters()) result.push([`${prefix}.${name}`, p]);
    }
    return result;
  }

  /** Every parameter (what an optimizer updates). */
  parameters(): Tensor[] {
    return this.namedParameters().map(([, p]) => p);
  }

  /** The number of trainable numbers. */
  parameterCount(): number {
    return this.parameters().reduce((total, p) => total + p.size, 0);
  }

  /** Clears every parameter's gradient (`dl.zeroGrad`: `grad` becomes null). */
  zeroGrad(): void {
    zeroGrad(this.parameters());
  }

  /** Training mode, for this module and all its children; returns this. */
  train(on = true): this {
    this.training = on;
    for (const [, child] of this.children) child.train(on);
    return this;
  }

  /** Evaluation mode (Dropout becomes the identity); returns this. */
  eval(): this {
    return this.train(false);
  }

  /** A copy of every parameter's numbers (to restore later with `loadState`). */
  state(): Float64Array[] {
    return this.parameters().map((p) => p.values.slice());
  }

  /** Writes numbers saved by `state()` back into the parameters. */
  loadState(state: readonly Float64Array[]): void {
    const params = this.parameters();
    const sizes = (xs: readonly { length: number }[]) => formatValue(xs.map((x) => x.length));
    const isList = (s: unknown): boolean => Array.isArray(s) || ArrayBuffer.isView(s);
    if (!Array.isArray(state) || !state.every(isList)) {
      throw new ArgumentError(
        `loadState: expected the arrays of state(), one per parameter, got ${describeValue(state)}`,
      );
    }
    if (state.length !== params.length || params.some((p, i) => state[i].length !== p.size)) {
      throw new ShapeError(
        `loadState: expected ${params.length} arrays of sizes ${formatValue(params.map((p) => p.size))}, got ${state.length} of sizes ${sizes(state)}`,
      );
    }
    params.forEach((p, i) => p.values.set(state[i]));
  }

  /**
   * A table of the layers with their parameter counts and the total, e.g.
   *   layer  type              params
   *   0      Linear(2 → 4)     12
   *   1      Tanh              0
   *   total                    12
   */
  summary(): string {
    const rows: [string, string, string][] = [["layer", "type", "params"]];
    const layers: [string, Module][] =
      this.children.length > 0 ? this.children : [["0", this as Module]];
    for (const [name, m] of layers) rows.push([name, m.describe(), String(m.parameterCount())]);
    rows.push(["total", "", String(this.parameterCount())]);
    return textTable(rows);
  }

  /** What a notebook shows for a module (a cell's last expression): its name and `summary()`. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `${this.describe()}, ${this.parameterCount()} parameters\n${this.summary()}`;
  }
}
