import { describe, expect, it } from "vitest";
import { ShapeError, type Tensor, tensor } from "../../lib";
import { Linear } from "../../lib/nn/linear";
import { Dropout, Sequential } from "../../lib/nn/layers";
import { binaryCrossEntropyWithLogits, mse } from "../../lib/nn/losses";
import { evaluate, predict } from "../../lib/train/evaluate";
import { accuracy, confusionMatrix } from "../../lib/train/metrics";
import { fit } from "../../lib/train/fit";
import { SGD } from "../../lib/optim/sgd";
import { stepDecay } from "../../lib/optim/schedules";
import { xorGate } from "../../lib/data/gates";

describe("metrics", () => {
  it.each([
    [
      "probabilities [N, 1] at 0.5",
      tensor([[0.9], [0.2], [0.6]]),
      tensor([[1], [1], [0]]),
      {},
      1 / 3,
    ],
    [
      "logits [N, 1] at threshold 0",
      tensor([[0.3], [-2], [4]]),
      tensor([[1], [0], [1]]),
      { threshold: 0 },
      1,
    ],
    [
      "scores [N, C] against labels [N]",
      tensor([
        [0.1, 0.9],
        [3, 1],
        [0, 0.5],
      ]),
      tensor([1, 0, 0]),
      {},
      2 / 3,
    ],
    [
      "scores [N, C] against one-hot",
      tensor([
        [0.1, 0.9],
        [3, 1],
      ]),
      tensor([
        [0, 1],
        [0, 1],
      ]),
      {},
      0.5,
    ],
  ])("accuracy on %s", (_, yPred, y, options, expected) => {
    expect(accuracy(yPred, y, options)).toBeCloseTo(expected, 12);
  });

  it("accuracy throws ShapeError when the row counts differ", () => {
    expect(() => accuracy(tensor([[1], [0]]), tensor([1]))).toThrow(ShapeError);
  });

  it("confusionMatrix counts truth × prediction", () => {
    const scores = tensor([
      [0.9, 0.1, 0],
      [0.1, 0.8, 0.1],
      [0, 0.6, 0.4],
      [0, 0, 1],
    ]);
    expect(confusionMatrix(scores, tensor([0, 1, 2, 2]))).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 1],
    ]);
  });
});

describe("predict and evaluate", () => {
  it("predict runs in eval mode, batched, without gradients, and restores the mode", () => {
    const model = new Sequential([new Linear(2, 3, { seed: 0 }), new Dropout(0.5, { seed: 0 })]);
    const x = tensor([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const whole = predict(model, x);
    const batched = predict(model, x, { batchSize: 2 });
    expect(batched.toArray()).toEqual(whole.toArray());
    expect(whole.requiresGrad).toBe(false);
    expect(model.training).toBe(true);
  });

  it("evaluate gives the loss and the named metrics", () => {
    const model = new Sequential([new Linear(2, 1, { seed: 0 })]);
    const data = xorGate();
    const result = evaluate(model, data, { loss: mse, metrics: ["accuracy", "mae"] });
    expect(Object.keys(result)).toEqual(["loss", "accuracy", "mae"]);
    expect(result.loss).toBeCloseTo(mse(predict(model, data.x), data.y).item(), 12);
  });

  it("evaluate thresholds logits at 0 when the loss is binaryCrossEntropyWithLogits", () => {
    const model = new Sequential([new Linear(2, 1, { seed: 0, bias: false })]);
    model.parameters()[0].data.set([1, -1]); // logit x1 − x2: > 0 only for input 10
    const result = evaluate(model, xorGate(), {
      loss: binaryCrossEntropyWithLogits,
      metrics: ["accuracy"],
    });
    // logits 0, −1, 1, 0 → at threshold 0: 1, 0, 1, 1 against 0, 1, 1, 0 → 1 right of 4.
    expect(result.accuracy).toBe(0.25);
  });

  it("a loss declares its decision threshold; fit and evaluate use it unless told another", () => {
    expect(binaryCrossEntropyWithLogits.threshold).toBe(0);
    expect(mse.threshold).toBeUndefined();
    // a loss written in a notebook, on logits, that declares where its classes meet
    const onLogits = Object.assign((p: Tensor, y: Tensor) => binaryCrossEntropyWithLogits(p, y), {
      threshold: 0,
    });
    const model = new Sequential([new Linear(2, 1, { seed: 0, bias: false })]);
    model.parameters()[0].data.set([1, -1]);
    const at = (options: object) =>
      evaluate(model, xorGate(), { loss: onLogits, metrics: ["accuracy"], ...options }).accuracy;
    expect(at({})).toBe(0.25); // logits 0, −1, 1, 0 at 0 → 1, 0, 1, 1 against 0, 1, 1, 0
    expect(at({ threshold: 0.5 })).toBe(0.75); // at 0.5 → 0, 0, 1, 0: 3 right of 4
  });

  it("fit applies a learning-rate schedule at the start of each epoch", () => {
    const model = new Sequential([new Linear(2, 1, { seed: 0 })]);
    const optimizer = new SGD(model.parameters(), { lr: 1 });
    const seen: number[] = [];
    fit(model, xorGate(), {
      epochs: 4,
      loss: mse,
      optimizer,
      schedule: stepDecay({ initial: 0.2, every: 2 }),
      callbacks: { onEpochEnd: () => void seen.push(optimizer.lr) },
      display: "none",
    });
    expect(seen).toEqual([0.2, 0.2, 0.1, 0.1]);
  });
});
