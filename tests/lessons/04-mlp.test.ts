// Lesson 4's numbers, pinned against the library: the lecture's centred table, the 2-2-1 network's
// equations (by hand = dl.nn), training on the table, universal approximation, the exercises' answers.
import { describe, expect, it } from "vitest";
import { describeKernels } from "../each-kernels";
import { genderTable } from "../../lib/data/gender";
import { sampleFunction } from "../../lib/data/toy";
import { Linear } from "../../lib/nn/linear";
import { Sequential } from "../../lib/nn/layers";
import { Sigmoid, Tanh } from "../../lib/nn/activations";
import { mse } from "../../lib/nn/losses";
import { SGD } from "../../lib/optim/sgd";
import { Adam } from "../../lib/optim/adam";
import { fit } from "../../lib/train/fit";
import { predict } from "../../lib/train/evaluate";
import { full } from "../../lib/tensor/creation";
import { tensor } from "../../lib/tensor/creation";
import { Rng } from "../../lib/rng";
import * as solutions from "../../lib/exercises/solutions/lesson-04";

const f = (z: number): number => 1 / (1 + Math.exp(-z));
/** h1 = f(w1 x1 + w2 x2 + b1), h2 = f(w3 x1 + w4 x2 + b2), o1 = f(w5 h1 + w6 h2 + b3). */
function forward221(x: number[], w: number[], b: number[]) {
  const h1 = f(w[0] * x[0] + w[1] * x[1] + b[0]);
  const h2 = f(w[2] * x[0] + w[3] * x[1] + b[1]);
  return { h1, h2, o1: f(w[4] * h1 + w[5] * h2 + b[2]) };
}
/** The same network from dl.nn, as the notebook builds it (W[i][j]: input i → neuron j). */
function lectureNet(w: number[], b: number[]): Sequential {
  const l1 = new Linear(2, 2, { seed: 0 });
  const l2 = new Linear(2, 1, { seed: 0 });
  l1.weight.data.set([w[0], w[2], w[1], w[3]]);
  l1.bias!.data.set([b[0], b[1]]);
  l2.weight.data.set([w[4], w[5]]);
  l2.bias!.data.set([b[2]]);
  return new Sequential([l1, new Sigmoid(), l2, new Sigmoid()]);
}

// The lecture's table itself (rows, centring, F = 1 / M = 0) is pinned in tests/data/data.test.ts.

// Every suite below runs under both kernel implementations (tests/each-kernels.ts).
describeKernels("04-mlp", () => {
  describe("lesson 4: the 2-2-1 network's equations", () => {
    it("all weights 1, biases 0: Alice gives h1 = h2 = f(−3) = 0.0474, o1 = f(0.0949) = 0.524", () => {
      const { h1, h2, o1 } = forward221([-2, -1], [1, 1, 1, 1, 1, 1], [0, 0, 0]);
      expect(h1).toBeCloseTo(0.0474258731775668, 15);
      expect(h2).toBe(h1);
      expect(o1).toBeCloseTo(0.5236951740839997, 15);
    });

    const weights: [string, number[], number[]][] = [
      ["all ones", [1, 1, 1, 1, 1, 1], [0, 0, 0]],
      ["exercise 1's weights", [1, -1, -0.5, 1, 2, -1], [0, 0.5, -0.5]],
      ["asymmetric", [0.3, -0.7, 1.1, 0.2, -1.5, 0.8], [0.1, -0.2, 0.3]],
    ];
    it.each(weights)("dl.nn (Linear, Sigmoid) computes the same equations (%s)", (_, w, b) => {
      const out = predict(lectureNet(w, b), genderTable().x).data;
      genderTable().rows.forEach((r, i) => {
        expect(out[i]).toBeCloseTo(forward221([r.weight - 135, r.height - 66], w, b).o1, 12);
      });
    });

    it("untrained (all ones): Bob 0.8808 and Diana 0.5000; MSE 0.5071", () => {
      const out = predict(lectureNet([1, 1, 1, 1, 1, 1], [0, 0, 0]), genderTable().x);
      expect(Array.from(out.data).map((v) => +v.toFixed(4))).toEqual([0.5237, 0.8808, 0.8808, 0.5]);
      expect(mse(out, genderTable().y).item()).toBeCloseTo(0.5071183179199986, 12);
    });
  });

  describe("lesson 4: training on the table (seeded as in the notebook)", () => {
    it("SGD, lr 0.1, 1000 epochs: the MSE falls from 0.4467 to 0.0015; F near 1, M near 0, Emily F, Frank M", () => {
      const { x, y } = genderTable();
      const net = new Sequential([
        new Linear(2, 2, { rng: new Rng(0) }),
        new Sigmoid(),
        new Linear(2, 1, { rng: new Rng(0) }),
        new Sigmoid(),
      ]);
      const h = fit(
        net,
        { x, y },
        {
          epochs: 1000,
          batchSize: 1,
          rng: new Rng(1),
          loss: mse,
          optimizer: new SGD(net.parameters(), { lr: 0.1 }),
          display: "none",
        },
      );
      expect(h.loss[0].toFixed(4)).toBe("0.4467");
      expect(h.loss[999].toFixed(4)).toBe("0.0015");
      const p = predict(
        net,
        tensor([
          [-2, -1],
          [25, 6],
          [17, 4],
          [-15, -6],
          [-7, -3],
          [20, 2],
        ]),
      ).data;
      expect(Array.from(p).map((v) => (v > 0.5 ? "F" : "M"))).toEqual([
        "F",
        "M",
        "M",
        "F",
        "F",
        "M",
      ]);
      expect(Math.min(p[0], p[3], p[4])).toBeGreaterThan(0.9);
      expect(Math.max(p[1], p[2], p[5])).toBeLessThan(0.1);
    }, 60_000);
  });

  describe("lesson 4: universal approximation (exercise 2's answer)", () => {
    const g = (x: number): number => Math.sin(3 * x) * Math.exp(-0.1 * x * x) + 0.3 * x;
    const curve = sampleFunction({ n: 120, f: g, low: -3, high: 3 });
    const finalMse = (n: number): number => {
      const rng = new Rng(0);
      const model = new Sequential([
        new Linear(1, n, { rng }),
        new Tanh(),
        new Linear(n, 1, { rng }),
      ]);
      const h = fit(model, curve, {
        epochs: 2000,
        batchSize: 120,
        loss: mse,
        display: "none",
        optimizer: new Adam(model.parameters(), { lr: 0.03 }),
      });
      return h.loss[h.epochs - 1];
    };
    it("N = 2 stays above 0.01, N = 4 is the first below it: hiddenUnits = 4", () => {
      const [m1, m2, m4] = [1, 2, 4].map(finalMse);
      expect(m1).toBeGreaterThan(m2);
      expect(m2).toBeGreaterThan(0.01);
      expect(m4).toBeLessThan(0.01);
      expect(solutions.hiddenUnits).toBe(4);
    }, 60_000);
  });

  describe("lesson 4: exercise answers", () => {
    it("aliceOutput = f(2 f(−1) − f(0.5) − 0.5) = 0.35788, the network with the given weights", () => {
      const o1 = forward221([-2, -1], [1, -1, -0.5, 1, 2, -1], [0, 0.5, -0.5]).o1;
      expect(solutions.aliceOutput).toBeCloseTo(o1, 15);
      expect(solutions.aliceOutput).toBeCloseTo(0.35788022496919225, 15);
    });
    it("predictedConstantMse = mse(0.5 for all, [1, 0, 0, 1]) = 0.25", () => {
      expect(mse(full([4, 1], 0.5), genderTable().y).item()).toBe(solutions.predictedConstantMse);
    });
  });
});
