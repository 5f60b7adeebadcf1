// Early stopping's direction is a table, not a name pattern: the loss and the error metrics fall,
// accuracy rises; `mode` says it for anything else, and an unknown monitor is a named error.
import { describe, expect, it } from "vitest";
import { ArgumentError } from "../../lib";
import { xorGate } from "../../lib/data/gates";
import { Sigmoid } from "../../lib/nn/activations";
import { Sequential } from "../../lib/nn/layers";
import { Linear } from "../../lib/nn/linear";
import { mse } from "../../lib/nn/losses";
import { SGD } from "../../lib/optim/sgd";
import { fit } from "../../lib/train/fit";
import { BestTracker, monitorMode } from "../../lib/train/history";
import { METRIC_MODES, METRICS } from "../../lib/train/metrics";

describe("monitorMode", () => {
  it.each([
    ["loss", "min"],
    ["valLoss", "min"],
    ["accuracy", "max"],
    ["valAccuracy", "max"],
    ["mse", "min"],
    ["valMse", "min"],
    ["mae", "min"],
    ["valMae", "min"],
  ])("%s improves towards its %s", (monitor, mode) => {
    expect(monitorMode(monitor)).toBe(mode);
  });

  it.each(["myAccuracy", "accuracyLoss", "valaccuracy", "Accuracy", "validation", ""])(
    "%j is not a series fit records: no mode (no name pattern decides)",
    (monitor) => expect(monitorMode(monitor)).toBeUndefined(),
  );

  it("every metric fit knows has a mode", () => {
    expect(Object.keys(METRIC_MODES).sort()).toEqual(Object.keys(METRICS).sort());
  });
});

describe("BestTracker", () => {
  it("keeps the largest value with mode max and the smallest with mode min", () => {
    const up = new BestTracker("loss", 0, "max");
    const down = new BestTracker("accuracy", 0, "min");
    [0.3, 0.5, 0.4].forEach((v, e) => {
      up.observe(v, e);
      down.observe(v, e);
    });
    expect([up.best, up.bestEpoch, up.wait]).toEqual([0.5, 1, 1]);
    expect([down.best, down.bestEpoch, down.wait]).toEqual([0.3, 0, 2]);
  });

  it("throws ArgumentError for an unknown monitor without a mode, and for a bad mode", () => {
    expect(() => new BestTracker("myAccuracy")).toThrow(ArgumentError);
    expect(() => new BestTracker("myAccuracy")).toThrow(
      /fit: earlyStopping\.monitor "myAccuracy" is not a series fit records/,
    );
    expect(() => new BestTracker("loss", 0, "up" as "max")).toThrow(
      'fit: earlyStopping.mode must be "min" or "max", got "up"',
    );
  });
});

describe("fit's early stopping", () => {
  const run = (earlyStopping: object, metrics: ("mae" | "accuracy")[] = ["mae"]) => {
    const model = new Sequential([new Linear(2, 1, { seed: 3 }), new Sigmoid()]);
    return fit(model, xorGate(), {
      epochs: 30,
      batchSize: 4,
      loss: mse,
      optimizer: new SGD(model.parameters(), { lr: 0.5 }),
      metrics,
      earlyStopping,
      display: "none",
    });
  };

  it("keeps minimising mae (an error, whatever its name), as it does the loss", () => {
    const h = run({ monitor: "mae", patience: 2 });
    const best = Math.min(...h.metrics.mae);
    expect(h.metrics.mae[h.bestEpoch]).toBe(best);
  });

  it("with mode max it keeps the epoch of the largest value of the monitor", () => {
    const h = run({ monitor: "mae", mode: "max", patience: 2 });
    const series = h.metrics.mae.slice(0, h.epochs);
    expect(series[h.bestEpoch]).toBe(Math.max(...series));
  });

  it("rejects a monitor it does not record before training", () => {
    expect(() => run({ monitor: "myAccuracy", patience: 2 })).toThrow(ArgumentError);
  });
});
