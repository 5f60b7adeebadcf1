// Lesson 3's numbers: the perceptron never reaches zero errors on XOR in 100 epochs (in order, and
// from small weights shuffled with seed 0), its weights cycle; the 2-2-1 MLP (seed 1, SGD 0.5, BCE, 1000 epochs) reaches 100%.
import { describe, expect, it } from "vitest";
import { describeKernels } from "../each-kernels";
import { xorGate } from "../../lib/data/gates";
import { rng } from "../../lib/rng";
import { Sigmoid, Tanh } from "../../lib/nn/activations";
import { Sequential } from "../../lib/nn/layers";
import { Linear } from "../../lib/nn/linear";
import { binaryCrossEntropy } from "../../lib/nn/losses";
import { mcCullochPitts, truthTable } from "../../lib/nn/mcculloch-pitts";
import { Perceptron } from "../../lib/nn/perceptron";
import { SGD } from "../../lib/optim/sgd";
import { predict } from "../../lib/train/evaluate";
import { fit } from "../../lib/train/fit";
import { accuracy } from "../../lib/train/metrics";

// Every suite below runs under both kernel implementations (tests/each-kernels.ts).
describeKernels("03-xor", () => {
  describe("lesson 03-xor", () => {
    it("the perceptron never reaches zero errors in 100 epochs (in order: 2 every epoch)", () => {
      const h = new Perceptron(2).fit(xorGate(), { epochs: 100 });
      expect(h.convergedEpoch).toBeNull();
      expect(h.epochs).toBe(100);
      expect(new Set(h.errors)).toEqual(new Set([2]));
    });

    it("from w (0.3, 0.2), b −0.25, η 0.05, shuffled (seed 0): never zero, fewest errors 1", () => {
      const p = new Perceptron(2, { weights: [0.3, 0.2], bias: -0.25 });
      const h = p.fit(xorGate(), { epochs: 100, lr: 0.05, rng: rng(0) });
      expect(h.convergedEpoch).toBeNull();
      expect(h.epochs).toBe(100);
      expect(Math.min(...h.errors)).toBe(1);
      expect(h.errors.slice(0, 10)).toEqual([2, 1, 3, 2, 1, 3, 2, 1, 1, 2]);
    });

    it("in order, the weights cycle: epochs 2, 3, … all end at w (−1, 0), b 0", () => {
      const h = new Perceptron(2).fit(xorGate(), { epochs: 10 });
      for (let e = 1; e < 10; e++) expect([h.weights[e], h.bias[e]]).toEqual([[-1, 0], 0]);
    });

    it("XOR from three threshold units: OR (θ 0.5), AND (θ 1.5), out (1, −1; θ 0.5)", () => {
      const or = mcCullochPitts({ weights: [1, 1], threshold: 0.5 });
      const and = mcCullochPitts({ weights: [1, 1], threshold: 1.5 });
      const out = mcCullochPitts({ weights: [1, -1], threshold: 0.5 });
      expect(truthTable((x) => out([or(x), and(x)]), 2).map((r) => r.y)).toEqual([0, 1, 1, 0]);
    });

    it("the 2-2-1 tanh/sigmoid MLP (seed 1, SGD 0.5, batch 4, 1000 epochs) reaches 100%", () => {
      const init = rng(1);
      const net = new Sequential([
        new Linear(2, 2, { rng: init }),
        new Tanh(),
        new Linear(2, 1, { rng: init }),
        new Sigmoid(),
      ]);
      const data = xorGate();
      const h = fit(net, data, {
        epochs: 1000,
        batchSize: 4,
        loss: binaryCrossEntropy,
        optimizer: new SGD(net.parameters(), { lr: 0.5 }),
        metrics: ["accuracy"],
        display: "none",
      });
      expect(accuracy(predict(net, data.x), data.y)).toBe(1);
      expect(h.metrics.accuracy.indexOf(1) + 1).toBe(162);
      expect(h.loss[h.epochs - 1].toFixed(4)).toBe("0.0080");
    });
  });
});
