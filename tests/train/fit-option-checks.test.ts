// fit's options beyond epochs and batchSize: each wrong value gets a named error naming the option
// before any training, and a schedule or loss that misbehaves during training is caught by name.
import { describe, expect, it } from "vitest";
import * as dl from "../../lib/index";
import { expectNamed, type ErrorName } from "../reliability/named-errors";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the point is to pass wrong types
type Any = any;
const net = () =>
  new dl.nn.Sequential([
    new dl.nn.Linear(2, 2, { seed: 1 }),
    new dl.nn.Tanh(),
    new dl.nn.Linear(2, 1, { seed: 2 }),
  ]);

function fitWith(extra: Record<string, unknown>, model: Any = net()) {
  return dl.train.fit(model, dl.data.xorGate(), {
    epochs: 3,
    batchSize: 2,
    loss: dl.nn.mse,
    optimizer: new dl.optim.SGD(net().parameters(), { lr: 0.1 }),
    display: "none",
    ...extra,
  } as Any);
}

const cases: [string, () => unknown, ErrorName, RegExp[]][] = [
  [
    "options missing",
    () => dl.train.fit(net(), dl.data.xorGate(), undefined as Any),
    "ArgumentError",
    [/^fit: options/],
  ],
  [
    "model a string",
    () => fitWith({}, "net"),
    "ArgumentError",
    [/^fit: model must be a dl\.nn\.Module/, /"net"/],
  ],
  [
    "model a plain object",
    () => fitWith({}, { forward: (x: unknown) => x }),
    "ArgumentError",
    [/^fit: model/],
  ],
  ["rng a number", () => fitWith({ rng: 3 }), "ArgumentError", [/^fit: rng must be an Rng/, /3/]],
  [
    "shuffle a string",
    () => fitWith({ shuffle: "yes" }),
    "ArgumentError",
    [/^fit: shuffle must be true or false/],
  ],
  [
    "schedule a number",
    () => fitWith({ schedule: 0.1 }),
    "ArgumentError",
    [/^fit: schedule must be a function/],
  ],
  [
    "penalty an object",
    () => fitWith({ penalty: {} }),
    "ArgumentError",
    [/^fit: penalty must be a function/],
  ],
  [
    "metrics a string",
    () => fitWith({ metrics: "accuracy" }),
    "ArgumentError",
    [/^fit: metrics must be an array/],
  ],
  [
    "metrics with a number",
    () => fitWith({ metrics: [1] }),
    "ArgumentError",
    [/^fit: unknown metric 1/],
  ],
  [
    "callbacks a function",
    () => fitWith({ callbacks: () => 1 }),
    "ArgumentError",
    [/^fit: callbacks must be an object/],
  ],
  [
    "onEpochEnd a string",
    () => fitWith({ callbacks: { onEpochEnd: "stop" } }),
    "ArgumentError",
    [/callbacks\.onEpochEnd must be a function/],
  ],
  [
    "earlyStopping true",
    () => fitWith({ earlyStopping: true }),
    "ArgumentError",
    [/^fit: earlyStopping must be an object/],
  ],
  [
    "earlyStopping minDelta -1",
    () => fitWith({ earlyStopping: { minDelta: -1 } }),
    "ArgumentError",
    [/minDelta must be a number ≥ 0/],
  ],
  [
    "earlyStopping restoreBest 1",
    () => fitWith({ earlyStopping: { restoreBest: 1 } }),
    "ArgumentError",
    [/restoreBest must be true or false/],
  ],
  [
    "earlyStopping on a series fit does not record",
    () => fitWith({ earlyStopping: { monitor: "valAccuracy" } }),
    "ArgumentError",
    [/monitor "valAccuracy" is not a recorded series/, /expected one of loss/],
  ],
  [
    "display a boolean",
    () => fitWith({ display: false }),
    "ArgumentError",
    [/^fit: display must be "auto", "none" or a display \{ update, finish \}/],
  ],
  [
    "display an object without finish",
    () => fitWith({ display: { update: () => {} } }),
    "ArgumentError",
    [/^fit: display must be "auto", "none" or a display/],
  ],
  [
    "earlyStopping.mode up",
    () => fitWith({ earlyStopping: { mode: "up" } }),
    "ArgumentError",
    [/^fit: earlyStopping\.mode must be "min" or "max", got the string "up"/],
  ],
  [
    "threshold a string",
    () => fitWith({ threshold: "0.5" }),
    "ArgumentError",
    [/^fit: threshold must be a finite number/],
  ],
  [
    "optimizer a number",
    () => fitWith({ optimizer: 0.1 }),
    "ArgumentError",
    [/^fit: optimizer must be an optimizer/, /0\.1/],
  ],
  [
    "loss a string",
    () => fitWith({ loss: "mse" }),
    "ArgumentError",
    [/^fit: loss must be a loss function/, /"mse"/],
  ],
  [
    "a loss that returns a number",
    () => fitWith({ loss: () => 0.5 }),
    "ArgumentError",
    [/^fit: the loss function must return a scalar Tensor/, /got 0\.5/],
  ],
  [
    "a loss that returns a non-scalar tensor",
    () => fitWith({ loss: (p: dl.Tensor) => p }),
    "ArgumentError",
    [/^fit: the loss function must return a scalar Tensor/, /shape \[2, 1\]/],
  ],
  [
    "a penalty that returns a number",
    () => fitWith({ penalty: () => 1 }),
    "ArgumentError",
    [/^fit: penalty must return a scalar Tensor/],
  ],
  [
    "a schedule that returns a negative rate at epoch 2",
    () => fitWith({ schedule: (e: number) => 0.1 - 0.1 * e }),
    "ArgumentError",
    [/^fit: schedule\(1\) must return a learning rate > 0, got 0/],
  ],
  [
    "a schedule that returns NaN",
    () => fitWith({ schedule: () => NaN }),
    "ArgumentError",
    [/schedule\(0\) .* got NaN/],
  ],
  [
    "a schedule that returns a string",
    () => fitWith({ schedule: () => "0.1" }),
    "ArgumentError",
    [/schedule\(0\) .* got the string "0\.1"/],
  ],
];

describe("fit's options are checked by name", () => {
  it.each(cases)("%s", (_what, call, name, mentions) => expectNamed(call, name, mentions));

  it("valid options of every kind still train (the checks refuse only what is wrong)", () => {
    const model = net();
    const seen: number[] = [];
    const h = dl.train.fit(model, dl.data.xorGate(), {
      epochs: 3,
      batchSize: 2,
      rng: dl.rng(1),
      shuffle: true,
      loss: dl.nn.mse,
      optimizer: new dl.optim.SGD(model.parameters(), { lr: 0.1 }),
      penalty: () => dl.optim.l2Penalty(model.parameters(), 1e-4),
      schedule: dl.optim.stepDecay({ initial: 0.1, every: 2 }),
      metrics: ["accuracy", "mae"],
      validation: dl.data.xorGate(),
      earlyStopping: { monitor: "valMae", patience: 5, minDelta: 0, restoreBest: false },
      callbacks: { onEpochEnd: (info) => void seen.push(info.epoch) },
      recordSteps: true,
      display: "none",
    });
    expect(h.epochs).toBe(3);
    expect(seen).toEqual([1, 2, 3]);
    expect(h.stepLoss).toHaveLength(6);
  });

  it("evaluate: a loss that returns a number, and unknown metrics, are named errors", () => {
    const data = dl.data.xorGate();
    expectNamed(() => dl.train.evaluate(net(), data, { loss: (() => 1) as Any }), "ArgumentError", [
      /^evaluate: loss must return a scalar Tensor/,
    ]);
    expectNamed(
      () => dl.train.evaluate(net(), data, { loss: dl.nn.mse, metrics: ["f1" as Any] }),
      "ArgumentError",
      [/^evaluate: unknown metric "f1"/],
    );
    expectNamed(() => dl.train.evaluate(net(), data, null as Any), "ArgumentError", [
      /^evaluate: options/,
    ]);
  });
});
