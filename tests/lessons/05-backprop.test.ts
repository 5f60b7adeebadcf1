// Lesson 5's numbers, pinned: the chain-rule factors for Alice (all weights 1, biases 0) equal the
// scalar autograd engine, mathjs's symbolic derivative and finite differences to 1e-6; accumulation;
// vanishing gradients; the exercises' references against autograd.
import { describe, expect, it } from "vitest";
import * as math from "mathjs";
import { Value, value } from "../../lib/autograd/value";
import { gradCheck } from "../../lib/autograd/grad-check";
import { backward } from "../../lib/autograd/backward";
import { tensor, randn } from "../../lib/tensor/creation";
import { sub } from "../../lib/tensor/elementwise";
import { Tensor } from "../../lib/tensor/tensor";
import { Linear } from "../../lib/nn/linear";
import { Sequential } from "../../lib/nn/layers";
import { ReLU, Sigmoid } from "../../lib/nn/activations";
import { mse } from "../../lib/nn/losses";
import { glorotNormal, heNormal } from "../../lib/nn/init";
import { Module } from "../../lib/nn/module";
import { Rng } from "../../lib/data/rng";
import * as solutions from "../../lib/exercises/solutions/lesson-05";

const NAMES = ["w1", "w2", "w3", "w4", "w5", "w6", "b1", "b2", "b3"] as const;
const ALL_ONES = [1, 1, 1, 1, 1, 1, 0, 0, 0];
const [x1, x2] = [-2, -1]; // Alice, centred; her target is y = 1
const f = (z: number): number => 1 / (1 + Math.exp(-z));
const fPrime = (z: number): number => f(z) * (1 - f(z));
const EXPR =
  "(1 - 1 / (1 + exp(-(w5 / (1 + exp(-(w1*x1 + w2*x2 + b1))) + w6 / (1 + exp(-(w3*x1 + w4*x2 + b2))) + b3))))^2";

/** Alice's loss as a graph of Values, as the notebook builds it; returns the nine parameter nodes. */
function aliceGraph(p: number[]) {
  const v = p.map((d, i) => value(d, NAMES[i]));
  const h1 = v[0].mul(x1).add(v[1].mul(x2)).add(v[6]).sigmoid();
  const h2 = v[2].mul(x1).add(v[3].mul(x2)).add(v[7]).sigmoid();
  const out = v[4].mul(h1).add(v[5].mul(h2)).add(v[8]).sigmoid();
  return { loss: value(1).sub(out).pow(2), params: v };
}
const scope = (p: number[]) => ({ ...Object.fromEntries(NAMES.map((n, i) => [n, p[i]])), x1, x2 });

describe("lesson 5: the chain rule for Alice, all weights 1 and biases 0", () => {
  const h1 = f(-3);
  const z3 = 2 * h1;
  const yPred = f(z3);
  const factors = {
    dLdyPred: -2 * (1 - yPred),
    dyPreddh1: 1 * fPrime(z3),
    dh1dw1: x1 * fPrime(-3),
  };
  const dLdw1 = factors.dLdyPred * factors.dyPreddh1 * factors.dh1dw1;

  it("forward: z1 = −3, h1 = 0.0474, y_pred = 0.5237, L = 0.2269", () => {
    expect(h1).toBeCloseTo(0.04742587317756678, 15);
    expect(yPred).toBeCloseTo(0.5236951740839997, 15);
    expect((1 - yPred) ** 2).toBeCloseTo(0.22686628719087137, 15);
  });

  it("the factors: −0.9526 · 0.2494 · (−0.0904) = 0.02147", () => {
    expect(factors.dLdyPred).toBeCloseTo(-0.9526096518320006, 14);
    expect(factors.dyPreddh1).toBeCloseTo(0.24943853872512894, 14);
    expect(factors.dh1dw1).toBeCloseTo(-0.09035331946182427, 14);
    expect(dLdw1).toBeCloseTo(0.02146953526581111, 14);
  });

  it("equals the scalar autograd engine, mathjs's derivative and a central difference to 1e-6", () => {
    const g = aliceGraph(ALL_ONES);
    g.loss.backward();
    const symbolic = math.derivative(EXPR, "w1").evaluate(scope(ALL_ONES)) as number;
    const eps = 1e-5;
    const lossAt = (w1: number) => math.evaluate(EXPR, { ...scope(ALL_ONES), w1 }) as number;
    const numeric = (lossAt(1 + eps) - lossAt(1 - eps)) / (2 * eps);
    for (const other of [g.params[0].grad, symbolic, numeric]) {
      expect(Math.abs(other - dLdw1)).toBeLessThan(1e-6);
    }
  });

  it.each(NAMES.map((n, i) => [n, i] as const))(
    "∂L/∂%s: dl.Value backward equals mathjs's symbolic derivative (lecture and random weights)",
    (name, i) => {
      const rng = new Rng(7);
      for (const p of [ALL_ONES, NAMES.map(() => rng.normal(0, 0.5))]) {
        const g = aliceGraph(p);
        g.loss.backward();
        const symbolic = math.derivative(EXPR, name).evaluate(scope(p)) as number;
        expect(Math.abs(g.params[i].grad - symbolic)).toBeLessThan(1e-12);
      }
    },
  );

  it("gradCheck on the tensor version of Alice's loss passes for all nine parameters", () => {
    const params = Object.fromEntries(NAMES.map((n, i) => [n, tensor([ALL_ONES[i]])]));
    const loss = (p: Record<string, Tensor>) => {
      const t1 = p.w1.mul(x1).add(p.w2.mul(x2)).add(p.b1).sigmoid();
      const t2 = p.w3.mul(x1).add(p.w4.mul(x2)).add(p.b2).sigmoid();
      return sub(1, p.w5.mul(t1).add(p.w6.mul(t2)).add(p.b3).sigmoid())
        .square()
        .sum();
    };
    const r = gradCheck(loss, params);
    expect(r.passed).toBe(true);
    expect(r.rows.map((row) => row.name)).toEqual([...NAMES]);
    expect(Math.max(...r.rows.map((row) => row.maxAbsError))).toBeLessThan(1e-6);
  });
});

describe("lesson 5: accumulation", () => {
  it("c = a·a with a = 3: one backward gives a.grad 6, two give 12 (predictedGradTwice)", () => {
    const a = value(3, "a");
    const c = a.mul(a);
    c.backward();
    expect(a.grad).toBe(6);
    c.backward();
    expect(a.grad).toBe(solutions.predictedGradTwice);
  });
});

describe("lesson 5: the exercises' references against autograd", () => {
  const rng = new Rng(11);
  const cases = [
    { x: [-2, -1], y: 1, p: ALL_ONES },
    ...[0, 1, 2].map(() => ({
      x: [rng.normal(0, 10), rng.normal(0, 3)],
      y: rng.int(0, 2),
      p: NAMES.map(() => rng.normal(0, 0.5)),
    })),
  ];
  it.each(cases)(
    "gradW5 and gradB3 equal Value's w5.grad and b3.grad ($x, y = $y)",
    ({ x, y: t, p }) => {
      const v = p.map((d) => value(d));
      const h1 = v[0].mul(x[0]).add(v[1].mul(x[1])).add(v[6]).sigmoid();
      const h2 = v[2].mul(x[0]).add(v[3].mul(x[1])).add(v[7]).sigmoid();
      value(t)
        .sub(v[4].mul(h1).add(v[5].mul(h2)).add(v[8]).sigmoid())
        .pow(2)
        .backward();
      const [w, b] = [p.slice(0, 6), p.slice(6)];
      expect(solutions.gradW5(x, t, w, b)).toBeCloseTo(v[4].grad, 12);
      expect(solutions.gradB3(x, t, w, b)).toBeCloseTo(v[8].grad, 12);
    },
  );

  it.each([-2, -0.5, 0, 0.7, 2])(
    "tanhOp at %d: forward tanh, backward = central difference",
    (x0) => {
      const x = value(x0);
      const out = solutions.tanhOp(x);
      out.backward();
      const h = 1e-6;
      const numeric = (Math.tanh(x0 + h) - Math.tanh(x0 - h)) / (2 * h);
      expect(out.data).toBe(Math.tanh(x0));
      expect(Math.abs(x.grad - numeric)).toBeLessThan(1e-8);
      expect(out).toBeInstanceOf(Value);
    },
  );
});

describe("lesson 5: vanishing gradients (10 layers of 32)", () => {
  function layerGradNorms(activation: "sigmoid" | "relu"): number[] {
    const rng = new Rng(0);
    const linears: Linear[] = [];
    const layers: Module[] = [];
    for (let i = 0; i < 10; i++) {
      const init = activation === "relu" ? heNormal : glorotNormal;
      linears.push(new Linear(32, 32, { rng, init }));
      layers.push(linears[i], activation === "relu" ? new ReLU() : new Sigmoid());
    }
    const model = new Sequential(layers);
    backward(mse(model.forward(randn([64, 32], new Rng(1))), randn([64, 32], new Rng(2))));
    return linears.map((l) => Math.sqrt(l.weight.grad!.data.reduce((s, g) => s + g * g, 0)));
  }
  it("sigmoid: the first layer's gradient is < 1e-4 of the last's; ReLU keeps it within 10x", () => {
    const s = layerGradNorms("sigmoid");
    const r = layerGradNorms("relu");
    expect(s[0] / s[9]).toBeLessThan(1e-4);
    expect(r[0] / r[9]).toBeGreaterThan(0.1);
    for (let i = 1; i < 10; i++) expect(s[i]).toBeGreaterThan(s[i - 1]); // shrinks toward the input
  });
});

/** The lesson's inline batch normalisation (no γ, β): (z − μ_B) / √(σ²_B + 1e−5) per unit. */
class Normalize extends Module {
  forward(z: Tensor): Tensor {
    const centred = z.sub(z.mean(0, { keepDims: true }));
    return centred.div(centred.square().mean(0, { keepDims: true }).add(1e-5).sqrt());
  }
}

describe("lesson 5: batch normalisation written inline", () => {
  it("gives every unit mean 0 and variance 1 over the batch (up to ε)", () => {
    const z = randn([64, 3], new Rng(3)).mul(5).add(2);
    const out = new Normalize().forward(z);
    for (const m of out.mean(0).data) expect(Math.abs(m)).toBeLessThan(1e-12);
    for (const v of out.square().mean(0).data) expect(v).toBeCloseTo(1, 5);
  });

  it("its gradient through the batch statistics passes gradCheck", () => {
    const z = randn([6, 2], new Rng(4));
    const w = randn([6, 2], new Rng(5));
    const r = gradCheck((t: Tensor) => new Normalize().forward(t).mul(w).sum(), [z]);
    expect(r.passed).toBe(true);
  });

  it("between each linear layer and its sigmoid, the first layer's gradient keeps its size (×0.5–2 of the last)", () => {
    const rng = new Rng(0);
    const linears: Linear[] = [];
    const layers: Module[] = [];
    for (let i = 0; i < 10; i++) {
      linears.push(new Linear(32, 32, { rng, init: glorotNormal }));
      layers.push(linears[i], new Normalize(), new Sigmoid());
    }
    const model = new Sequential(layers);
    backward(mse(model.forward(randn([64, 32], new Rng(1))), randn([64, 32], new Rng(2))));
    const norms = linears.map((l) => Math.sqrt(l.weight.grad!.data.reduce((s, g) => s + g * g, 0)));
    expect(norms[0] / norms[9]).toBeGreaterThan(0.5);
    expect(norms[0] / norms[9]).toBeLessThan(2);
  });
});
