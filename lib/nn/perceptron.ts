/**
 * Rosenblatt's perceptron (1958): a threshold unit whose weights and bias are learned,
 *   ŷ = 1 if w·x + b ≥ 0, else 0,
 * trained by the perceptron rule, one example at a time:
 *   w ← w + η (y − ŷ) x,   b ← b + η (y − ŷ).
 * A right answer (y = ŷ) changes nothing; a wrong one moves the boundary towards the example.
 * On linearly separable data it reaches zero errors in finitely many epochs (the convergence
 * theorem); on XOR it never does (lessons 2, 3). It learns by its own rule, not by backpropagation.
 *
 * Example:
 *   const p = new dl.nn.Perceptron(2);
 *   const h = p.fit(dl.data.andGate(), { epochs: 20 });   // h.convergedEpoch, h.errors
 */
import { ArgumentError, NonFiniteError, ShapeError, expectOptions, formatShape } from "../errors";
import { describeValue } from "../format-value";
import { checkSize } from "../limits";
import { Rng } from "../rng";
import { checkDataset, type Dataset } from "../tensor/dataset";
import { expectRng } from "../tensor/check";

/** Options of `Perceptron.fit`. */
export interface PerceptronFitOptions {
  /** The most epochs to run (default 100); training stops earlier once an epoch ends with 0 errors. */
  epochs?: number;
  /** The learning rate η (default 1). */
  lr?: number;
  /** Shuffles the order of the examples every epoch; without it they are visited in order. */
  rng?: Rng;
  /** Keep training after convergence (default false: stop at the first epoch with 0 errors). */
  runAllEpochs?: boolean;
}

/** What `fit` records: after each epoch, the errors on the whole set and the weights and bias. */
export interface PerceptronHistory {
  /** Examples misclassified by the weights at the end of each epoch. */
  errors: number[];
  /** Updates made during each epoch (the mistakes made while visiting the examples). */
  updates: number[];
  /** The weights after each epoch (copies). */
  weights: number[][];
  /** The bias after each epoch. */
  bias: number[];
  /** The first epoch (1-based) after which every example is classified right, or null. */
  convergedEpoch: number | null;
  epochs: number;
}

/**
 * A perceptron with `inputs` weights, starting at zero (or at `init`). Lessons 2 and 3.
 * Example: const p = new dl.nn.Perceptron(2, { weights: [0.5, -0.5], bias: 0 });
 */
export class Perceptron {
  /** The weights w [inputs]. */
  w: number[];
  /** The bias b. */
  b: number;

  constructor(
    readonly inputs: number,
    init: { weights?: readonly number[]; bias?: number } = {},
  ) {
    if (!Number.isInteger(inputs) || inputs < 1) {
      throw new ArgumentError(
        `Perceptron: inputs must be an integer ≥ 1, got ${describeValue(inputs)}`,
      );
    }
    checkSize("Perceptron", [inputs], "weights");
    expectOptions("Perceptron", init, "init");
    this.w = init.weights ? [...init.weights] : new Array<number>(inputs).fill(0);
    if (this.w.length !== inputs) {
      throw new ShapeError(
        `Perceptron: init.weights must have ${inputs} entries, got ${this.w.length}`,
      );
    }
    this.b = init.bias ?? 0;
  }

  /** The threshold output ŷ = 1 if w·x + b ≥ 0 else 0, for one example x [inputs]. */
  output(x: readonly number[]): number {
    checkPoint(x, this.inputs);
    let z = this.b;
    for (let i = 0; i < this.inputs; i++) z += this.w[i] * x[i];
    return Number.isNaN(z) ? NaN : +(z >= 0); // a NaN input gives NaN, not a class
  }

  /** ŷ for each row of `points` [M, inputs] (the shape `dl.plot.decisionBoundary` passes). */
  predict(points: readonly (readonly number[])[]): number[] {
    if (!Array.isArray(points)) {
      throw new ArgumentError(
        `Perceptron.predict: points must be an array of points [M, ${this.inputs}], got ${describeValue(points)}`,
      );
    }
    return points.map((p) => this.output(p));
  }

  /** One step of the rule on (x, y): w ← w + η (y − ŷ) x, b ← b + η (y − ŷ); returns y − ŷ. */
  update(x: readonly number[], y: number, lr = 1): number {
    if (y !== 0 && y !== 1) {
      throw new ArgumentError(`Perceptron.update: y must be 0 or 1, got ${describeValue(y)}`);
    }
    checkLr("Perceptron.update", lr);
    const delta = y - this.output(x);
    if (delta !== 0) {
      for (let i = 0; i < this.inputs; i++) this.w[i] += lr * delta * x[i];
      this.b += lr * delta;
    }
    return delta;
  }

  /** The number of examples of `data` it gets wrong. */
  errors(data: Dataset): number {
    const { rows, labels } = examples(data, this.inputs);
    return rows.reduce((n, x, i) => n + (this.output(x) === labels[i] ? 0 : 1), 0);
  }

  /**
   * Trains with the perceptron rule, epoch after epoch, until an epoch ends with zero errors
   * (or `epochs` run out). data: x [N, inputs], y [N, 1] or [N] of 0/1.
   */
  fit(data: Dataset, options: PerceptronFitOptions = {}): PerceptronHistory {
    const {
      epochs = 100,
      lr = 1,
      rng,
      runAllEpochs = false,
    } = expectOptions("Perceptron.fit", options);
    if (rng !== undefined) expectRng("Perceptron.fit", rng);
    if (!Number.isInteger(epochs) || epochs < 1) {
      throw new ArgumentError(
        `Perceptron.fit: epochs must be an integer ≥ 1, got ${describeValue(epochs)}`,
      );
    }
    checkLr("Perceptron.fit", lr);
    const { rows, labels } = examples(data, this.inputs);
    const h: PerceptronHistory = {
      errors: [],
      updates: [],
      weights: [],
      bias: [],
      convergedEpoch: null,
      epochs: 0,
    };
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const order = rng ? rng.permutation(rows.length) : rows.map((_, i) => i);
      let updates = 0;
      for (const i of order) if (this.update(rows[i], labels[i], lr) !== 0) updates++;
      const errors = rows.reduce((n, x, i) => n + (this.output(x) === labels[i] ? 0 : 1), 0);
      h.errors.push(errors);
      h.updates.push(updates);
      h.weights.push([...this.w]);
      h.bias.push(this.b);
      h.epochs = epoch;
      if (errors === 0 && h.convergedEpoch === null) h.convergedEpoch = epoch;
      if (errors === 0 && !runAllEpochs) break;
    }
    return h;
  }
}

/** The rows of x [N, D] and the 0/1 labels of y [N, 1] or [N], checked. */
function examples(data: Dataset, inputs: number): { rows: number[][]; labels: number[] } {
  checkDataset("Perceptron", data);
  const { x, y } = data;
  if (x.rank !== 2 || x.shape[1] !== inputs || y.size !== x.shape[0]) {
    throw new ShapeError(
      `Perceptron: expected x [N, ${inputs}] and y [N, 1] or [N], got x ${formatShape(x.shape)}, y ${formatShape(y.shape)}`,
    );
  }
  const labels = Array.from(y.values);
  const bad = x.values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    throw new NonFiniteError(
      `Perceptron: x holds ${x.values[bad]} at flat index ${bad}; the rule cannot learn from it`,
    );
  }
  if (!labels.every((v) => v === 0 || v === 1)) {
    throw new ArgumentError("Perceptron: labels y must be 0 or 1");
  }
  const rows = Array.from({ length: x.shape[0] }, (_, i) =>
    Array.from(x.values.subarray(i * inputs, (i + 1) * inputs)),
  );
  return { rows, labels };
}

/** Throws unless `x` is an array (or typed array) of `inputs` numbers: one example. */
function checkPoint(x: readonly number[], inputs: number): void {
  const isList = Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));
  if (!isList || x.length !== inputs || !x.every((v) => typeof v === "number")) {
    throw new ArgumentError(
      `Perceptron: an example must be an array of ${inputs} numbers, got ${describeValue(x)}`,
    );
  }
}

/** Throws unless the learning rate is a finite number > 0. */
function checkLr(op: string, lr: number): void {
  if (!(typeof lr === "number" && lr > 0 && lr < Infinity)) {
    throw new ArgumentError(`${op}: lr must be a finite number > 0, got ${describeValue(lr)}`);
  }
}
