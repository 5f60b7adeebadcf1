import { ArgumentError, NonFiniteError, ShapeError, formatShape } from "../errors";
import { Tensor } from "../tensor/tensor";
import { describeValue, expectRng, expectTensor } from "../tensor/check";
import { kernels } from "../kernels/active";
import { Rng } from "../rng";
import { checkDataset, type Dataset } from "../tensor/dataset";
import { checkSize } from "../limits";

/** The rows (first-axis slices) of `t` at `indices`, as a new tensor without gradient. */
export function takeRows(t: Tensor, indices: readonly number[]): Tensor {
  expectTensor("takeRows", "t", t);
  if (!Array.isArray(indices as unknown)) {
    throw new ArgumentError(
      `takeRows: indices must be an array of row numbers, got ${describeValue(indices)}`,
    );
  }
  const rowSize = t.shape[0] === 0 ? 0 : t.size / t.shape[0];
  const td = t.values;
  const out = kernels.allocate(indices.length * rowSize);
  indices.forEach((r, i) => {
    if (!Number.isInteger(r) || r < 0 || r >= t.shape[0]) {
      throw new ArgumentError(`takeRows: row ${r} out of range for ${t.shape[0]} rows`);
    }
    out.set(td.subarray(r * rowSize, (r + 1) * rowSize), i * rowSize);
  });
  return new Tensor(out, [indices.length, ...t.shape.slice(1)]);
}

/**
 * Splits a data set into train and test parts after a seeded shuffle: `testSize` is a fraction
 * in (0, 1) (default 0.2) or a number of rows. Lessons 7, 8.
 * Example: const { train, test } = dl.data.trainTestSplit(digits, { testSize: 0.25, rng });
 */
export function trainTestSplit(
  data: Dataset,
  options: { testSize?: number; rng: Rng },
): { train: Dataset; test: Dataset } {
  const n = checkDataset("trainTestSplit", data);
  const { testSize = 0.2, rng } = options;
  const nTest = testSize < 1 ? Math.round(n * testSize) : testSize;
  if (!(testSize > 0) || !Number.isInteger(nTest) || nTest < 1 || nTest >= n) {
    throw new ArgumentError(
      `trainTestSplit: testSize must be a fraction in (0, 1) or a row count in [1, ${n - 1}], got ${describeValue(testSize)}`,
    );
  }
  const order = rng.permutation(n);
  const pick = (idx: number[]): Dataset => ({ x: takeRows(data.x, idx), y: takeRows(data.y, idx) });
  return { train: pick(order.slice(nTest)), test: pick(order.slice(0, nTest)) };
}

/** The same rows of x and y in a seeded random order. Example: dl.data.shuffle(data, rng) */
export function shuffle(data: Dataset, rng: Rng): Dataset {
  const order = expectRng("shuffle", rng).permutation(checkDataset("shuffle", data));
  return { x: takeRows(data.x, order), y: takeRows(data.y, order) };
}

/**
 * Splits a data set into consecutive mini-batches of `batchSize` rows (the last may be smaller),
 * in a seeded random order when `rng` is given. batchSize 1 is SGD, N is batch GD (lesson 6).
 * Example: for (const { x, y } of dl.data.batches(data, { batchSize: 32, rng })) { … }
 */
export function batches(data: Dataset, options: { batchSize: number; rng?: Rng }): Dataset[] {
  const n = checkDataset("batches", data);
  const { batchSize, rng } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new ArgumentError(
      `batches: batchSize must be an integer ≥ 1, got ${describeValue(batchSize)}`,
    );
  }
  const order = rng ? rng.permutation(n) : Array.from({ length: n }, (_, i) => i);
  const result: Dataset[] = [];
  for (let start = 0; start < n; start += batchSize) {
    const idx = order.slice(start, start + batchSize);
    result.push({ x: takeRows(data.x, idx), y: takeRows(data.y, idx) });
  }
  return result;
}

/** Per-feature mean and standard deviation, fitted on training data, applied to any data. */
export interface Standardizer {
  mean: Float64Array;
  std: Float64Array;
  /** (x − mean) / std per feature (std 0 is treated as 1), same shape as x. */
  apply(x: Tensor): Tensor;
}

/**
 * Fits a standardiser on `x` [N, …] (statistics per feature, over the first axis): fit on train,
 * apply to train and test, so that no test statistics leak into training. Lesson 4, 6.
 * Example: const s = dl.data.standardize(train.x); const xt = s.apply(test.x);
 */
export function standardize(x: Tensor): Standardizer {
  expectTensor("standardize", "x", x);
  const xd = x.values;
  const bad = xd.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    throw new NonFiniteError(
      `standardize: x holds ${xd[bad]} at flat index ${bad}; the mean and std would be NaN`,
    );
  }
  if (x.rank === 0 || x.shape[0] === 0) {
    throw new ArgumentError(`standardize: x is empty, got shape ${formatShape(x.shape)}`);
  }
  const n = x.shape[0];
  const d = x.size / n;
  const mean = new Float64Array(d);
  const std = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += xd[i * d + j] / n;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) std[j] += (xd[i * d + j] - mean[j]) ** 2 / n;
  for (let j = 0; j < d; j++) std[j] = Math.sqrt(std[j]) || 1;
  const apply = (t: Tensor): Tensor => {
    if (t.rank === 0 || t.size / t.shape[0] !== d) {
      throw new ShapeError(
        `standardize.apply: expected rows of ${d} features, got ${formatShape(t.shape)}`,
      );
    }
    const out = t.values.map((v, i) => (v - mean[i % d]) / std[i % d]);
    return new Tensor(out, t.shape);
  };
  return { mean, std, apply };
}

/**
 * One-hot encoding of integer labels [N] (or [N, 1]) into [N, classes]: row i has a 1 at column
 * labels[i]. Lesson 7. Example: dl.data.oneHot(dl.tensor([2, 0]), 3)  // [[0,0,1],[1,0,0]]
 */
export function oneHot(labels: Tensor | readonly number[], classes: number): Tensor {
  if (!(labels instanceof Tensor) && !Array.isArray(labels)) {
    throw new ArgumentError(
      `oneHot: labels must be a Tensor or an array of class indices, got ${describeValue(labels)}`,
    );
  }
  const values = labels instanceof Tensor ? Array.from(labels.values) : labels;
  if (!Number.isInteger(classes) || classes < 1) {
    throw new ArgumentError(
      `oneHot: classes must be an integer ≥ 1, got ${describeValue(classes)}`,
    );
  }
  checkSize("oneHot", [values.length, classes], "output");
  const out = kernels.allocate(values.length * classes);
  values.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 0 || c >= classes) {
      throw new ArgumentError(
        `oneHot: label ${c} at index ${i} is not an integer in [0, ${classes})`,
      );
    }
    out[i * classes + c] = 1;
  });
  return new Tensor(out, [values.length, classes]);
}
