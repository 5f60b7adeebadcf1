import { describe, expect, it, vi } from "vitest";
import { ArgumentError, NonFiniteError, ReleasedTensorError, Tensor, rng, train } from "../../lib";
import { Module } from "../../lib/nn/module";
import { xorGate } from "../../lib/data/gates";
import { trainTestSplit } from "../../lib/data/split";
import { blobs } from "../../lib/data/toy";
import { Sigmoid, Tanh } from "../../lib/nn/activations";
import { Sequential } from "../../lib/nn/layers";
import { Linear } from "../../lib/nn/linear";
import { binaryCrossEntropy, mse, softmaxCrossEntropy } from "../../lib/nn/losses";
import { Adam } from "../../lib/optim/adam";
import { SGD } from "../../lib/optim/sgd";
import { l2Penalty } from "../../lib/optim/penalties";
import { predict } from "../../lib/train/evaluate";
import { fit } from "../../lib/train/fit";
import { accuracy } from "../../lib/train/metrics";

function xorNet(seed: number) {
  const r = rng(seed);
  return new Sequential([
    new Linear(2, 4, { rng: r }),
    new Tanh(),
    new Linear(4, 1, { rng: r }),
    new Sigmoid(),
  ]);
}

describe("fit", () => {
  it("fit trains a 2-4-1 tanh/sigmoid MLP to 100% accuracy on XOR (seed 1, SGD lr 0.5, batch GD, 500 epochs)", () => {
    const data = xorGate();
    const model = xorNet(1);
    const h = fit(model, data, {
      epochs: 500,
      batchSize: 4,
      loss: binaryCrossEntropy,
      optimizer: new SGD(model.parameters(), { lr: 0.5 }),
      metrics: ["accuracy"],
      display: "none",
    });
    expect(h.epochs).toBe(500);
    expect(accuracy(predict(model, data.x), data.y)).toBe(1);
    expect(h.loss[h.epochs - 1]).toBeLessThan(0.05);
    expect(h.metrics.accuracy[h.epochs - 1]).toBe(1);
  });

  it("fit releases each step's intermediates: a kept activation throws ReleasedTensorError, the model is intact", () => {
    class Spy extends Module {
      kept: Tensor | null = null;
      constructor(private readonly inner: Module) {
        super();
        this.addModule("inner", inner);
      }
      forward(x: Tensor): Tensor {
        this.kept = this.inner.forward(x);
        return this.kept;
      }
    }
    const data = xorGate();
    const model = new Spy(xorNet(1));
    fit(model, data, {
      epochs: 3,
      batchSize: 4,
      loss: binaryCrossEntropy,
      optimizer: new SGD(model.parameters(), { lr: 0.5 }),
      display: "none",
    });
    expect(model.kept!.released).toBe(true);
    expect(() => model.kept!.data).toThrow(ReleasedTensorError);
    expect(model.parameters().every((p) => !p.released && p.data.length > 0)).toBe(true);
    expect(predict(model, data.x).shape).toEqual([4, 1]);
  });

  it("fit with mse and Adam also solves XOR (seed 2)", () => {
    const data = xorGate();
    const model = xorNet(2);
    fit(model, data, {
      epochs: 500,
      batchSize: 4,
      loss: mse,
      optimizer: new Adam(model.parameters(), { lr: 0.05 }),
      display: "none",
    });
    expect(accuracy(predict(model, data.x), data.y)).toBe(1);
  });

  it('fit stops on a callback\'s "stop" and returns the partial History', () => {
    const model = xorNet(1);
    const h = fit(model, xorGate(), {
      epochs: 50,
      batchSize: 1,
      loss: mse,
      optimizer: new SGD(model.parameters(), { lr: 0.1 }),
      recordSteps: true,
      callbacks: {
        onStepEnd: ({ epoch, step }) => (epoch === 3 && step === 2 ? "stop" : undefined),
      },
      display: "none",
    });
    expect(h.epochs).toBe(3);
    expect(h.stoppedEarly).toBe(true);
    expect(h.stepLoss).toHaveLength(4 + 4 + 2);
    expect(h.loss).toHaveLength(3);
  });

  it("fit stops via info.stop() in onEpochEnd", () => {
    const model = xorNet(1);
    const h = fit(model, xorGate(), {
      epochs: 50,
      loss: mse,
      optimizer: new SGD(model.parameters(), { lr: 0.1 }),
      callbacks: { onEpochEnd: (info) => (info.epoch === 5 ? info.stop() : undefined) },
      display: "none",
    });
    expect(h.epochs).toBe(5);
    expect(h.stoppedEarly).toBe(true);
  });

  it("fit throws NonFiniteError naming the epoch, the step and the last finite loss", () => {
    const model = xorNet(1);
    let calls = 0;
    const badLoss = (p: Tensor, y: Tensor) => {
      calls++;
      const l = mse(p, y);
      if (calls === 7) l.data[0] = NaN;
      return l;
    };
    const run = () => {
      calls = 0;
      return fit(model, xorGate(), {
        epochs: 5,
        batchSize: 2,
        loss: badLoss,
        optimizer: new SGD(model.parameters(), { lr: 0.1 }),
        display: "none",
      });
    };
    expect(run).toThrow(NonFiniteError);
    expect(run).toThrow(/fit: the loss is NaN at epoch 4, step 1 \(last finite loss: 0\.\d+/);
  });

  it("fit early-stops on a validation plateau and restores the best weights", () => {
    const r = rng(3);
    const { train, test } = trainTestSplit(blobs({ n: 120, noise: 1.5, rng: r }), {
      testSize: 0.5,
      rng: r,
    });
    const model = new Sequential([
      new Linear(2, 32, { rng: r }),
      new Tanh(),
      new Linear(32, 3, { rng: r }),
    ]);
    const h = fit(model, train, {
      epochs: 300,
      batchSize: 8,
      rng: r,
      loss: softmaxCrossEntropy,
      optimizer: new Adam(model.parameters(), { lr: 0.05 }),
      validation: test,
      metrics: ["accuracy"],
      earlyStopping: { monitor: "valLoss", patience: 5 },
      display: "none",
    });
    expect(h.stoppedEarly).toBe(true);
    expect(h.epochs).toBe(h.bestEpoch + 1 + 5);
    const best = Math.min(...h.valLoss);
    expect(h.valLoss[h.bestEpoch]).toBe(best);
    expect(h.valMetrics.accuracy).toHaveLength(h.epochs);
    const now = softmaxCrossEntropy(predict(model, test.x), test.y).item();
    expect(now).toBeCloseTo(best, 10);
  });

  it("fit's penalty option (λΣw² added to the loss) trains like SGD weightDecay 2λ", () => {
    const run = (withPenalty: boolean) => {
      const model = xorNet(4);
      const params = model.parameters();
      fit(model, xorGate(), {
        epochs: 20,
        batchSize: 2,
        loss: mse,
        optimizer: new SGD(params, { lr: 0.3, ...(withPenalty ? {} : { weightDecay: 0.02 }) }),
        penalty: withPenalty ? () => l2Penalty(params, 0.01) : undefined,
        display: "none",
      });
      return model.state();
    };
    const a = run(true);
    const b = run(false);
    a.forEach((w, i) => w.forEach((v, j) => expect(v).toBeCloseTo(b[i][j], 12)));
  });

  it("dl.train.fit's default display prints one text line per epoch outside a kernel, with that epoch's loss", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const model = xorNet(1);
      const h = train.fit(model, xorGate(), {
        epochs: 3,
        batchSize: 2,
        loss: mse,
        optimizer: new SGD(model.parameters(), { lr: 0.1 }),
        metrics: ["accuracy"],
      });
      const lines = log.mock.calls.map((c) => String(c[0]));
      expect(lines).toHaveLength(3);
      expect(lines[2]).toMatch(/epoch 3\/3/);
      const shown = Number(/ loss ([\d.e-]+)/.exec(lines[2])?.[1]);
      expect(Math.abs(shown - h.loss[2]) / h.loss[2]).toBeLessThan(0.01);
    } finally {
      log.mockRestore();
    }
  });

  it.each([
    [{ epochs: 0 }, /fit: epochs must be an integer ≥ 1, got 0/],
    [{ epochs: 1, batchSize: 0 }, /fit: batchSize must be an integer ≥ 1, got 0/],
    [{ epochs: 1, shuffle: true }, /fit: shuffle needs an rng/],
  ])("fit(%o) throws ArgumentError", (extra, message) => {
    const model = xorNet(1);
    const run = () =>
      fit(model, xorGate(), {
        loss: mse,
        optimizer: new SGD(model.parameters(), { lr: 0.1 }),
        display: "none",
        ...extra,
      });
    expect(run).toThrow(ArgumentError);
    expect(run).toThrow(message);
  });
});
