// What a notebook shows when a cell's last expression is a big engine object (tslab prints it with
// Node's util.inspect): a History, a Module and an optimizer print a few lines, not every number;
// a History stays a plain object for equality checks and JSON.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { rng as makeRng } from "../../lib/rng";
import { Linear } from "../../lib/nn/linear";
import { ReLU } from "../../lib/nn/activations";
import { Sequential } from "../../lib/nn/layers";
import { mse } from "../../lib/nn/losses";
import { Adam } from "../../lib/optim/adam";
import { SGD } from "../../lib/optim/sgd";
import { randn, zeros } from "../../lib/tensor/creation";
import { fit } from "../../lib/train/fit";
import { emptyHistory, formatHistory } from "../../lib/train/history";

function trained() {
  const rng = makeRng(0);
  const model = new Sequential([new Linear(2, 8, { rng }), new ReLU(), new Linear(8, 1, { rng })]);
  const optimizer = new Adam(model.parameters(), { lr: 0.01 });
  const data = { x: randn([40, 2], rng), y: zeros([40, 1]) };
  const history = fit(model, data, {
    ...{ epochs: 3, batchSize: 10, loss: mse, optimizer, display: "none" as const },
    ...{ metrics: ["accuracy"], validation: data, recordSteps: true },
  });
  return { model, optimizer, history };
}

describe("printing engine objects", () => {
  it("a History prints its counts and each series' first → last value, in a few lines", () => {
    const { history } = trained();
    const text = inspect(history);
    const lines = text.split("\n");
    expect(lines[0]).toBe("History { epochs: 3, bestEpoch: 2, stoppedEarly: false }");
    expect(lines.slice(1, -1).map((l) => l.trim().split(/\s+/)[0])).toEqual([
      "loss",
      "valLoss",
      "accuracy",
      "valAccuracy",
      "stepLoss",
    ]);
    const first = Number(history.loss[0].toPrecision(4));
    const last = Number(history.loss[2].toPrecision(4));
    expect(lines[1]).toBe(`  loss         ${first} → ${last}`);
    expect(lines[5]).toBe("  stepLoss     12 steps");
    expect(lines[6]).toBe("(h.loss[i] is epoch i + 1; dl.plot.lossCurves(h) draws them)");
    expect(text.length).toBeLessThan(400);
    expect(inspect(history)).toBe(formatHistory(history)); // console.log shows the same
  });

  it("a History stays a plain object: keys, JSON and equality are unchanged", () => {
    const { history } = trained();
    expect(Object.keys(history)).toEqual([
      "epochs",
      "loss",
      "valLoss",
      "metrics",
      "valMetrics",
      "stoppedEarly",
      "bestEpoch",
      "stepLoss",
    ]);
    const copy = JSON.parse(JSON.stringify(history));
    expect(history).toEqual(copy);
    expect(copy).toEqual(history);
  });

  it("an empty History (no epoch yet, no validation) prints too", () => {
    expect(formatHistory(emptyHistory([], false, false))).toBe(
      [
        "History { epochs: 0, bestEpoch: 0, stoppedEarly: false }",
        "  loss  no values",
        "(h.loss[i] is epoch i + 1; dl.plot.lossCurves(h) draws them)",
      ].join("\n"),
    );
  });

  it("a Module prints its name, parameter count and summary table, not its weights", () => {
    const { model } = trained();
    expect(inspect(model)).toBe(
      [
        "Sequential, 33 parameters",
        "layer  type           params",
        "0      Linear(2 → 8)  24",
        "1      ReLU           0",
        "2      Linear(8 → 1)  9",
        "total                 33",
      ].join("\n"),
    );
    expect(inspect(new Linear(3, 2, { rng: makeRng(1) })).split("\n")[0]).toBe(
      "Linear(3 → 2), 8 parameters",
    );
  });

  it("an optimizer prints its kind, learning rate and sizes, not its parameters", () => {
    const { optimizer } = trained();
    expect(inspect(optimizer)).toBe("Adam(lr 0.01, 4 parameter tensors, 33 numbers, 12 steps)");
    const sgd = new SGD([zeros([2, 2])], { lr: 0.5 });
    expect(inspect(sgd)).toBe("SGD(lr 0.5, 1 parameter tensors, 4 numbers, 0 steps)");
  });
});
