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
