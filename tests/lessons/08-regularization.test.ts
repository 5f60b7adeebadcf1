// Lesson 8's numbers, pinned against the library: the same seeded experiment as the notebook
// (100 training digits, 400 validation, 64-64-64-10 ReLU net, 60 epochs of SGD with momentum).
// Regularization must narrow the train–validation gap in these numbers.
import { beforeAll, describe, expect, it } from "vitest";
import { describeKernels } from "../each-kernels";
import { loadDigits } from "../../lib/data/digits";
import { Rng } from "../../lib/rng";
import { takeRows, trainTestSplit } from "../../lib/data/split";
import type { Dataset } from "../../lib/tensor/dataset";
import { ReLU } from "../../lib/nn/activations";
import { Dropout, Flatten, Sequential, dropout } from "../../lib/nn/layers";
import { Linear } from "../../lib/nn/linear";
import { softmaxCrossEntropy } from "../../lib/nn/losses";
import { l1Penalty, l2Penalty } from "../../lib/optim/penalties";
import { SGD } from "../../lib/optim/sgd";
import { ones } from "../../lib/tensor/creation";
import type { Tensor } from "../../lib/tensor/tensor";
import { evaluate } from "../../lib/train/evaluate";
import { fit } from "../../lib/train/fit";
import type { EarlyStoppingOptions } from "../../lib/train/history";

const split = trainTestSplit(loadDigits({ layout: "images" }), { testSize: 400, rng: new Rng(8) });
const first100 = Array.from({ length: 100 }, (_, i) => i);
const small: Dataset = {
  x: takeRows(split.train.x, first100),
  y: takeRows(split.train.y, first100),
};
const validation = split.test;

function makeNet(dropoutP = 0, maskSeed = 11): Sequential {
  const rng = new Rng(1);
  const drop = (seed: number) => (dropoutP > 0 ? [new Dropout(dropoutP, { seed })] : []);
  return new Sequential([
    new Flatten(),
    new Linear(64, 64, { rng }),
    new ReLU(),
    ...drop(maskSeed),
    new Linear(64, 64, { rng }),
    new ReLU(),
    ...drop(maskSeed + 1),
    new Linear(64, 10, { rng }),
  ]);
}

interface Options {
  net?: Sequential;
  penalty?: (weights: Tensor[]) => Tensor;
  earlyStopping?: EarlyStoppingOptions;
}
function run(o: Options = {}) {
  const net = o.net ?? makeNet();
  const weights = net.parameters().filter((p) => p.rank === 2);
  const history = fit(net, small, {
    epochs: 60,
    batchSize: 25,
    rng: new Rng(2),
    display: "none",
    loss: softmaxCrossEntropy,
    metrics: ["accuracy"],
    validation,
    optimizer: new SGD(net.parameters(), { lr: 0.05, momentum: 0.9 }),
    penalty: o.penalty ? () => o.penalty!(weights) : undefined,
    earlyStopping: o.earlyStopping,
  });
  const measure = { loss: softmaxCrossEntropy, metrics: ["accuracy" as const] };
  const tr = evaluate(net, small, measure);
  const va = evaluate(net, validation, measure);
  return {
    history,
    weights,
    valAccuracy: va.accuracy,
    valLoss: va.loss,
    accuracyGap: tr.accuracy - va.accuracy,
    lossGap: va.loss - tr.loss,
  };
}

// Every suite below runs under both kernel implementations (tests/each-kernels.ts).
describeKernels("08-regularization", () => {
  describe("lesson 8: regularization narrows the train–validation gap (seeds 8, 1, 2)", () => {
    let none: ReturnType<typeof run>;
    let l2: ReturnType<typeof run>;
    let l1: ReturnType<typeof run>;
    let early: ReturnType<typeof run>;
    beforeAll(() => {
      none = run();
      l2 = run({ penalty: (w) => l2Penalty(w, 3e-3) });
      l1 = run({ penalty: (w) => l1Penalty(w, 1e-3) });
      early = run({ earlyStopping: { patience: 10, restoreBest: true } });
    }, 120_000);

    it("without regularization the net overfits: train accuracy 1, validation 0.8625, validation loss turns up after epoch 16", () => {
      expect(none.valAccuracy).toBeCloseTo(0.8625, 3);
      expect(none.accuracyGap).toBeCloseTo(0.1375, 3);
      const best = none.history.valLoss.indexOf(Math.min(...none.history.valLoss));
      expect(best + 1).toBe(16);
      expect(none.history.valLoss[59]).toBeGreaterThan(none.history.valLoss[best] * 1.2);
      expect(none.history.loss[59]).toBeLessThan(none.history.loss[best] / 10);
    });

    it.each([
      ["L2 (p = 0.003)", () => l2],
      ["L1 (p = 0.001)", () => l1],
      ["early stopping (patience 10)", () => early],
    ])("%s cuts the loss gap by at least 20% and narrows the accuracy gap", (_, get) => {
      const r = get();
      expect(r.lossGap).toBeLessThan(0.8 * none.lossGap);
      expect(r.accuracyGap).toBeLessThan(none.accuracyGap);
      expect(r.valAccuracy).toBeGreaterThan(none.valAccuracy);
    });

    it("L1 makes the first layer sparse: about half its weights below 0.01, ten times fewer without", () => {
      const nearZero = (w: Tensor) => w.data.filter((v) => Math.abs(v) < 0.01).length / w.size;
      expect(nearZero(l1.weights[0])).toBeGreaterThan(0.4);
      expect(nearZero(none.weights[0])).toBeLessThan(0.1);
    });

    it("early stopping with patience 10 stops after 26 epochs (best 16) and restores the best weights", () => {
      expect(early.history.epochs).toBe(26);
      expect(early.history.bestEpoch + 1).toBe(16);
      expect(early.history.stoppedEarly).toBe(true);
      // The restored weights are the best epoch's: their validation loss is the curve's minimum.
      expect(early.valLoss).toBeCloseTo(Math.min(...early.history.valLoss), 10);
      expect(early.valLoss).toBeLessThan(none.valLoss);
    });
  });

  describe("lesson 8: dropout keeps the expectation", () => {
    it.each([0.1, 0.3, 0.5, 0.8])(
      "dropout(ones(100000), p = %d) has mean ≈ 1 and drops ≈ p",
      (p) => {
        const out = dropout(ones([100000]), { p, rng: new Rng(5) });
        expect(out.data.reduce((s, v) => s + v, 0) / out.size).toBeCloseTo(1, 1);
        expect(out.data.filter((v) => v === 0).length / out.size).toBeCloseTo(p, 1);
      },
    );

    it("the lesson's dropout run (p = 0.2, mask seeds 11, 12) narrows the accuracy gap", () => {
      const none = run();
      const d = run({ net: makeNet(0.2, 11) });
      expect(d.valAccuracy).toBeCloseTo(0.8825, 3);
      expect(d.accuracyGap).toBeLessThan(none.accuracyGap);
    }, 180_000);
  });
});
