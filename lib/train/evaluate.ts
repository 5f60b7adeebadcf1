import { noGrad } from "../tensor/record";
import { ArgumentError, formatShape } from "../errors";
import { checkDataset, type Dataset } from "../tensor/dataset";
import { Module } from "../nn/module";
import { Loss } from "../nn/losses";
import { Tensor } from "../tensor/tensor";
import { describeValue, expectFunction, expectOptions, expectTensor } from "../tensor/check";
import { formatValue } from "../format-value";
import { expectScalar } from "./fit-options";
import { METRICS, MetricName } from "./metrics";

/** Runs `fn` with the model in evaluation mode and no gradient recording, then restores the mode. */
export function inEvalMode<T>(model: Module, fn: () => T): T {
  const wasTraining = model.training;
  model.eval();
  try {
    return noGrad(fn);
  } finally {
    model.train(wasTraining);
  }
}

/**
 * The model's outputs for inputs x [N, …], in evaluation mode (Dropout off), without recording
 * gradients, `batchSize` rows at a time (default 256). Returns [N, …output]. Lessons 2–8.
 * Example: const yPred = dl.train.predict(model, test.x);
 */
export function predict(model: Module, x: Tensor, options: { batchSize?: number } = {}): Tensor {
  if (!(model instanceof Module)) {
    throw new ArgumentError(`predict: model must be a dl.nn.Module, got ${describeValue(model)}`);
  }
  const { batchSize = 256 } = expectOptions("predict", options);
  expectTensor("predict", "x", x);
  if (x.rank === 0 || x.shape[0] === 0) {
    throw new ArgumentError(`predict: x is empty, got shape ${formatShape(x.shape)}`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new ArgumentError(
      `predict: batchSize must be an integer ≥ 1, got ${describeValue(batchSize)}`,
    );
  }
  const n = x.shape[0];
  const rowSize = x.size / n;
  return inEvalMode(model, () => {
    const parts: Tensor[] = [];
    for (let start = 0; start < n; start += batchSize) {
      const end = Math.min(n, start + batchSize);
      const xb = new Tensor(x.values.slice(start * rowSize, end * rowSize), [
        end - start,
        ...x.shape.slice(1),
      ]);
      parts.push(model.forward(xb));
    }
    if (parts.length === 1) return parts[0];
    const out = new Float64Array(parts.reduce((s, p) => s + p.size, 0));
    let offset = 0;
    for (const p of parts) {
      out.set(p.values, offset);
      offset += p.size;
    }
    return new Tensor(out, [n, ...parts[0].shape.slice(1)]);
  });
}

/** Options of `evaluate`. */
export interface EvaluateOptions {
  loss: Loss;
  metrics?: MetricName[];
  batchSize?: number;
  /** Decision threshold for one-output accuracy (default: the loss's `threshold`, else 0.5). */
  threshold?: number;
}

/**
 * The loss and metrics of a model on a data set, in evaluation mode: `{ loss, accuracy, … }`.
 * Lessons 6–8. Example: dl.train.evaluate(model, test, { loss: dl.nn.softmaxCrossEntropy, metrics: ["accuracy"] })
 */
export function evaluate(
  model: Module,
  data: Dataset,
  options: EvaluateOptions,
): Record<string, number> {
  checkDataset("evaluate", data);
  expectOptions("evaluate", options);
  expectFunction("evaluate", "loss", options.loss);
  const yPred = predict(model, data.x, options);
  const lossT: unknown = noGrad(() => options.loss(yPred, data.y));
  const result: Record<string, number> = { loss: expectScalar("evaluate", "loss", lossT).item() };
  for (const name of options.metrics ?? []) {
    if (typeof name !== "string" || !Object.prototype.hasOwnProperty.call(METRICS, name)) {
      throw new ArgumentError(
        `evaluate: unknown metric ${formatValue(name)}, expected one of ${Object.keys(METRICS).join(", ")}`,
      );
    }
    result[name] = METRICS[name](
      yPred,
      data.y,
      options.threshold ?? defaultThreshold(options.loss),
    );
  }
  return result;
}

/**
 * The decision threshold for one output: the one the loss declares (`threshold`: 0 for a loss on
 * logits such as binaryCrossEntropyWithLogits), else 0.5 (probabilities).
 */
export function defaultThreshold(loss: Loss): number {
  return loss.threshold ?? 0.5;
}
