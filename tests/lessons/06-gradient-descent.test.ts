// Lesson 6's numbers, pinned: batch GD's loss is monotone on the convex problem, updates per epoch,
// the batch sizes from smoothest to noisiest, gradient variance against batch size, the learning rates on the line fit
// (too small / right / diverging, threshold 2/λmax), fit's divergence error, and sgdEpoch = fit.
import { describe, expect, it } from "vitest";
import { backward, zeroGrad } from "../../lib/autograd/backward";
import { Rng } from "../../lib/data/rng";
import { NonFiniteError } from "../../lib/errors";
import { Linear } from "../../lib/nn/linear";
import { mse } from "../../lib/nn/losses";
import { SGD } from "../../lib/optim/sgd";
import { fit } from "../../lib/train/fit";
import { randn, tensor } from "../../lib/tensor/creation";
import { matmul } from "../../lib/tensor/matmul";
import { take } from "../../lib/tensor/shape-ops";
import * as solutions from "../../lib/exercises/solutions/lesson-06";

const x = randn([64, 2], new Rng(0));
const y = matmul(x, tensor([[2], [-3]]))
  .add(1)
  .add(randn([64, 1], new Rng(1), { std: 0.5 }));

function trainWith(batchSize: number, lr = 0.05, epochs = 20) {
  const model = new Linear(2, 1, { seed: 0 });
  const h = fit(
    model,
    { x, y },
    {
      epochs,
      batchSize,
      rng: new Rng(2),
      loss: mse,
      recordSteps: true,
      display: "none",
      optimizer: new SGD(model.parameters(), { lr }),
    },
  );
  return { epochLoss: h.loss, stepLoss: h.stepLoss! };
}
const shareOfIncreases = (l: number[]) =>
  l.slice(1).filter((v, i) => v > l[i]).length / (l.length - 1);

describe("lesson 6: batch GD vs SGD vs mini-batch on the convex problem", () => {
  const runs = [1, 8, 64].map((bs) => ({ bs, ...trainWith(bs) }));

  it("one epoch is 64, 8 and 1 updates for batch sizes 1, 8, 64", () => {
    expect(runs.map((r) => r.stepLoss.length / 20)).toEqual([64, 8, 1]);
  });

  it("batch GD's loss decreases at every update (monotone); SGD and mini-batch go up often", () => {
    const batch = runs[2].stepLoss;
    for (let i = 1; i < batch.length; i++) expect(batch[i]).toBeLessThan(batch[i - 1]);
    expect(shareOfIncreases(runs[0].stepLoss)).toBeGreaterThan(0.3);
    expect(shareOfIncreases(runs[1].stepLoss)).toBeGreaterThan(0.3);
  });

  it("from smoothest to noisiest: 64, 8, 1 (0%, 44.7%, 49.7% of updates went up), the prediction's answer", () => {
    const rough = runs.map((r) => shareOfIncreases(r.stepLoss));
    expect(rough.map((r) => +(100 * r).toFixed(1))).toEqual([49.7, 44.7, 0]);
    const order = [...runs].sort(
      (a, b) => shareOfIncreases(a.stepLoss) - shareOfIncreases(b.stepLoss),
    );
    expect(order.map((r) => r.bs)).toEqual(solutions.predictedSmoothOrder);
  });

  it("per epoch, SGD and mini-batch are ahead after epoch 1 (2.84, 13.2 vs 26.4); all near the 0.25 floor or falling", () => {
    expect(runs.map((r) => +r.epochLoss[0].toFixed(2))).toEqual([2.84, 13.21, 26.41]);
    expect(runs[1].epochLoss[19]).toBeLessThan(0.3);
    expect(runs[2].epochLoss[19]).toBeLessThan(runs[2].epochLoss[18]);
  });

  it("batch GD stays monotone over 100 epochs at lr 0.1 too", () => {
    const l = trainWith(64, 0.1, 100).stepLoss;
    expect(l.every((v, i) => i === 0 || v <= l[i - 1])).toBe(true);
  });
});

describe("lesson 6: gradient noise against batch size", () => {
  function gradientVariance(batchSize: number, draws = 300): number {
    const model = new Linear(2, 1, { seed: 0 });
    const params = model.parameters();
    const gradOn = (bx: typeof x, by: typeof y): number[] => {
      zeroGrad(params);
      backward(mse(model.forward(bx), by));
      return params.flatMap((p) => Array.from(p.grad!.data));
    };
    const full = gradOn(x, y);
    const rng = new Rng(3);
    let total = 0;
    for (let d = 0; d < draws; d++) {
      const rows = rng.permutation(64).slice(0, batchSize);
      total += gradOn(take(x, rows), take(y, rows)).reduce((s, g, i) => s + (g - full[i]) ** 2, 0);
    }
    return total / draws;
  }
  it("falls with every doubling of B (about 1/B), and is 0 for the full batch", () => {
    const v = [1, 2, 4, 8, 16, 32, 64].map((b) => gradientVariance(b));
    for (let i = 1; i < v.length; i++) expect(v[i]).toBeLessThan(v[i - 1]);
    expect(v[1] / v[0]).toBeGreaterThan(0.35);
    expect(v[1] / v[0]).toBeLessThan(0.65);
    expect(v[6]).toBeLessThan(1e-20);
  });
});

describe("lesson 6: the learning rate on the line fit y = 2x + 1", () => {
  const xs = [-1, 0, 1, 2];
  const ys = xs.map((v) => 2 * v + 1);
  const lineLoss = (w: number, b: number) =>
    xs.reduce((s, v, i) => s + (w * v + b - ys[i]) ** 2, 0) / 4;
  function gdPath(lr: number, steps = 25): number[][] {
    const path = [[-1, 3]];
    for (let t = 0; t < steps; t++) {
      const [w, b] = path[path.length - 1];
      const r = xs.map((v, i) => w * v + b - ys[i]);
      const gw = (2 / 4) * r.reduce((s, ri, i) => s + ri * xs[i], 0);
      const gb = (2 / 4) * r.reduce((s, ri) => s + ri, 0);
      path.push([w - lr * gw, b - lr * gb]);
    }
    return path;
  }
  const lossesOf = (lr: number) => gdPath(lr).map(([w, b]) => lineLoss(w, b));

  it("starts at L(−1, 3) = 11.5; the minimum is L(2, 1) = 0", () => {
    expect(lineLoss(-1, 3)).toBe(11.5);
    expect(lineLoss(2, 1)).toBe(0);
  });
  it("too small (0.02): decreasing but still above 1 after 25 steps", () => {
    const l = lossesOf(0.02);
    expect(l.every((v, i) => i === 0 || v < l[i - 1])).toBe(true);
    expect(l[25]).toBeGreaterThan(1);
  });
  it("right (0.3): below 1e-10 after 25 steps", () => {
    expect(lossesOf(0.3)[25]).toBeLessThan(1e-10);
  });
  it("too large (0.6): diverges, the loss grows past 1e4", () => {
    const l = lossesOf(0.6);
    expect(l[25]).toBeGreaterThan(1e4);
    expect(l[25]).toBeGreaterThan(l[20]);
  });
  it("the threshold is 2/λmax ≈ 0.553 (λmax = 2 + √1.25 of the Hessian): 0.54 converges, 0.57 diverges", () => {
    const lambdaMax = 2 * ((2.5 + Math.sqrt(1.25)) / 2);
    expect(2 / lambdaMax).toBeCloseTo(0.5528, 4);
    expect(gdPath(0.54, 400).map(([w, b]) => lineLoss(w, b))[400]).toBeLessThan(1e-6);
    expect(gdPath(0.57, 400).map(([w, b]) => lineLoss(w, b))[400]).toBeGreaterThan(1e3);
  });
});

describe("lesson 6: divergence in fit and the hand-written epoch", () => {
  it("batch GD at lr 20 makes fit throw NonFiniteError naming the epoch", () => {
    const model = new Linear(2, 1, { seed: 0 });
    const run = () =>
      fit(
        model,
        { x, y },
        {
          epochs: 200,
          batchSize: 64,
          loss: mse,
          display: "none",
          optimizer: new SGD(model.parameters(), { lr: 20 }),
        },
      );
    expect(run).toThrow(NonFiniteError);
    expect(run).toThrow(/epoch \d+, step 1/);
  });

  it.each([1, 8, 64])(
    "sgdEpoch (batch %d) equals one epoch of dl.train.fit without shuffling",
    (bs) => {
      const model = new Linear(2, 1, { seed: 0 });
      const start = { w: tensor(model.weight.toArray()), b: tensor(model.bias!.toArray()) };
      const before = start.w.toArray();
      const mine = solutions.sgdEpoch(start, { x, y }, { batchSize: bs, lr: 0.05 });
      fit(
        model,
        { x, y },
        {
          epochs: 1,
          batchSize: bs,
          loss: mse,
          display: "none",
          optimizer: new SGD(model.parameters(), { lr: 0.05 }),
        },
      );
      mine.w.data.forEach((v, i) => expect(v).toBeCloseTo(model.weight.data[i], 12));
      expect(mine.b.data[0]).toBeCloseTo(model.bias!.data[0], 12);
      expect(start.w.toArray()).toEqual(before); // params unchanged: the epoch moved copies
    },
  );
});

describe("lesson 6: mini-batch noise out of a local minimum (ℓ_i(w) = (w² − 1)² + w + ε_i w)", () => {
  const tiltRng = new Rng(11);
  const raw = Array.from({ length: 64 }, () => tiltRng.normal(0, 8));
  const mean = raw.reduce((a, e) => a + e, 0) / 64;
  const tilts = raw.map((e) => e - mean);
  const slope = (w: number) => 4 * w * (w * w - 1) + 1;

  /** w after 30 epochs from w = 1, learning rate 0.035, as the lesson's valleyDescent. */
  function finalW(batchSize: number, seed: number): number {
    const rng = new Rng(seed);
    let w = 1;
    for (let e = 0; e < 30; e++) {
      const order = rng.permutation(64);
      for (let start = 0; start < 64; start += batchSize) {
        const batch = order.slice(start, start + batchSize);
        w -= 0.035 * (slope(w) + batch.reduce((a, i) => a + tilts[i], 0) / batch.length);
      }
    }
    return w;
  }

  it("the tilts sum to 0, so the mean loss is L(w) = (w² − 1)² + w, with valleys at −1.107 and 0.838", () => {
    expect(Math.abs(tilts.reduce((a, e) => a + e, 0))).toBeLessThan(1e-12);
    expect(slope(-1.107)).toBeCloseTo(0, 1);
    expect(slope(0.838)).toBeCloseTo(0, 1);
    expect(slope(0.27)).toBeCloseTo(0, 1);
  });

  it("runs of 100 that end past the ridge (w < 0.270): 89, 100, 58, 0, 0, 0 for batch sizes 1, 2, 4, 8, 16, 64", () => {
    const counts = [1, 2, 4, 8, 16, 64].map(
      (b) =>
        Array.from({ length: 100 }, (_, seed) => finalW(b, seed)).filter((w) => w < 0.27).length,
    );
    expect(counts).toEqual([89, 100, 58, 0, 0, 0]);
    expect(finalW(64, 0)).toBeCloseTo(0.8383, 4); // batch GD settles in the shallow valley
  });
});
