import { ArgumentError, ShapeError, formatShape } from "../errors";
import { describeValue } from "../format-value";
import { expectTensor } from "./check";
import type { Tensor } from "./tensor";

/**
 * A labelled data set: inputs `x` [N, …] and targets `y` [N, …], row n of one going with row n of
 * the other. What every training function takes (`fit`, `evaluate`, the perceptron's `fit`) and
 * every generator in `dl.data` makes. Binary sets give `y` [N, 1] of 0/1 (fits a sigmoid output
 * with MSE or binary cross-entropy); multi-class sets give `y` [N] of class indices 0..C−1 (fits
 * `softmaxCrossEntropy`); regression sets give `y` [N, 1] of values.
 * Example: const data: dl.data.Dataset = { x: dl.tensor([[0, 1]]), y: dl.tensor([[1]]) };
 */
export interface Dataset {
  x: Tensor;
  y: Tensor;
}

/** Checks that `x` and `y` are non-empty and have the same number of rows; returns it. */
export function checkDataset(op: string, data: Dataset): number {
  if (data === null || typeof data !== "object") {
    throw new ArgumentError(
      `${op}: data must be a dataset { x, y } of tensors, got ${describeValue(data)}`,
    );
  }
  const { x, y } = data;
  expectTensor(op, "data.x", x);
  expectTensor(op, "data.y", y);
  if (x.rank === 0 || x.shape[0] === 0) {
    throw new ArgumentError(`${op}: data is empty, got x of shape ${formatShape(x.shape)}`);
  }
  if (y.rank === 0 || y.shape[0] !== x.shape[0]) {
    throw new ShapeError(
      `${op}: x and y must have the same number of rows, got x ${formatShape(x.shape)} and y ${formatShape(y.shape)}`,
    );
  }
  return x.shape[0];
}
