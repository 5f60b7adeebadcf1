import { describe, expect, it } from "vitest";
import {
  ArgumentError,
  ShapeError,
  Tensor,
  backward,
  logSoftmax,
  mul,
  rng,
  sum,
  tensor,
} from "../../lib";
import { oneHot } from "../../lib/data/split";
import { LeakyReLU, Maxout, ReLU, Softmax, Step, Tanh } from "../../lib/nn/activations";
import { Conv2d, conv2d } from "../../lib/nn/conv";
import { Dropout, Flatten, Sequential, dropout } from "../../lib/nn/layers";
import { Linear } from "../../lib/nn/linear";
import { binaryCrossEntropy, mse, softmaxCrossEntropy } from "../../lib/nn/losses";
import { MaxPool2d, maxPool2d } from "../../lib/nn/pool";
import { KERNEL, SOURCE } from "../lecture-convolution";

describe("conv2d and pooling: the lecture's worked examples", () => {
  it("conv2d of the lecture's 8x8 source and 3x3 kernel: first destination value is 5", () => {
    const out = conv2d(tensor([[SOURCE]]), tensor([[KERNEL]]), null);
    expect(out.shape).toEqual([1, 1, 6, 6]);
    // (-1*5)+(0*2)+(1*6)+(2*4)+(1*3)+(2*4)+(1*3)+(-2*9)+(0*2) = 5, no kernel flip.
    expect(out.get(0, 0, 0, 0)).toBe(5);
    // Second value, window shifted right by one: (-1*2)+(0*6)+(1*8)+(2*3)+(1*4)+(2*5)+(1*9)+(-2*2)+(0*4) = 31
    expect(out.get(0, 0, 0, 1)).toBe(31);
  });

  it("maxPool2d 2x2 of the lecture's 4x4 layer gives [[8, 9], [5, 6]]", () => {
    const x = tensor([
      [
        [
          [4, 1, 5, 0],
          [7, 8, 9, 8],
          [3, 5, 6, 5],
          [2, 4, 1, 0],
        ],
      ],
    ]);
    expect(maxPool2d(x, { size: 2 }).toArray()).toEqual([
      [
        [
          [8, 9],
          [5, 6],
        ],
      ],
    ]);
    expect(new MaxPool2d({ size: 2 }).forward(x).toArray()).toEqual([
      [
        [
          [8, 9],
          [5, 6],
        ],
      ],
    ]);
  });

  it("Conv2d layer: a delta kernel is the identity; shapes with stride 2 and padding 1", () => {
    const layer = new Conv2d(1, 1, { kernelSize: 3, padding: 1, seed: 0 });
    layer.weight.data.fill(0);
    layer.weight.data[4] = 1; // centre of the 3x3 kernel
    const x = tensor([[SOURCE]]);
    expect(layer.forward(x).toArray()).toEqual(x.toArray());
    const strided = new Conv2d(1, 4, { kernelSize: 3, stride: 2, padding: 1, seed: 0 });
    expect(strided.forward(x).shape).toEqual([1, 4, 4, 4]);
  });

  it("Conv2d throws ShapeError naming the layer and both shapes on wrong channels", () => {
    const layer = new Conv2d(3, 2, { kernelSize: 3, seed: 0 });
    expect(() => layer.forward(tensor([[SOURCE]]))).toThrow(ShapeError);
    expect(() => layer.forward(tensor([[SOURCE]]))).toThrow(
      /Conv2d\(3 → 2, 3x3, stride 1, padding 0\): expected input \[N, 3, H, W\].*, got \[1, 1, 8, 8\]/,
    );
  });
});

describe("Linear and Sequential", () => {
  it("Linear computes x·W + b with W stored [in, out]", () => {
    const layer = new Linear(2, 3, { seed: 1 });
    layer.weight.data.set([1, 2, 3, 4, 5, 6]);
    layer.bias!.data.set([0.5, 0, -1]);
    // [1, 1]·W = [1+4, 2+5, 3+6] = [5, 7, 9], plus b.
    expect(layer.forward(tensor([[1, 1]])).toArray()).toEqual([[5.5, 7, 8]]);
  });

  it("Linear throws ShapeError naming the layer and both shapes on a wrong input size", () => {
    const layer = new Linear(2, 4, { seed: 0 });
    expect(() => layer.forward(tensor([[1, 2, 3]]))).toThrow(ShapeError);
    expect(() => layer.forward(tensor([[1, 2, 3]]))).toThrow(
      /Linear\(2 → 4\): expected input \[N, 2\], got \[1, 3\] \(weight \[2, 4\], bias \[4\]\)/,
    );
  });

  it("Linear needs an rng or a seed", () => {
    expect(() => new Linear(2, 2)).toThrow(/Linear: expected \{ rng \} or \{ seed \}/);
  });

  it("Sequential names parameters by position, counts them, and summarises", () => {
    const r = rng(0);
    const net = new Sequential([
      new Linear(2, 4, { rng: r }),
      new ReLU(),
      new Linear(4, 1, { rng: r }),
    ]);
    expect(net.namedParameters().map(([name]) => name)).toEqual([
      "0.weight",
      "0.bias",
      "2.weight",
      "2.bias",
    ]);
    expect(net.parameterCount()).toBe(2 * 4 + 4 + 4 * 1 + 1);
    const text = net.summary();
    expect(text).toMatch(/0\s+Linear\(2 → 4\)\s+12/);
    expect(text).toMatch(/1\s+ReLU\s+0/);
    expect(text).toMatch(/total\s+17/);
  });

  it("train()/eval() propagate, zeroGrad clears, state/loadState round-trip", () => {
    const net = new Sequential([new Linear(2, 2, { seed: 0 }), new Dropout(0.5, { seed: 1 })]);
    net.eval();
    expect(net.layers.every((m) => !m.training)).toBe(true);
    net.train();
    expect(net.layers.every((m) => m.training)).toBe(true);
    const saved = net.state();
    backward(sum(net.forward(tensor([[1, 2]]))));
    expect(net.parameters()[0].grad).not.toBeNull();
    net.zeroGrad();
    expect(net.parameters().every((p) => p.grad === null)).toBe(true);
    net.parameters()[0].data.fill(9);
    net.loadState(saved);
    expect(net.parameters()[0].data).toEqual(saved[0]);
    expect(() => net.loadState(saved.slice(1))).toThrow(
      /loadState: expected 2 arrays of sizes \[4, 2\], got 1 of sizes \[2\]/,
    );
  });
});

describe("activation layers", () => {
  it.each([
    [new ReLU(), [-2, 0, 3], [0, 0, 3]],
    [new LeakyReLU(), [-2, 0, 3], [-0.2, 0, 3]],
    [new Step(), [-0.5, 0, 2], [0, 1, 1]],
    [new Tanh(), [0], [0]],
  ])("%s maps %j to %j", (layer, input, expected) => {
    const out = layer.forward(tensor([input]));
    (out.toArray() as number[][])[0].forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
  });

  it("Softmax rows sum to 1 and survive large logits", () => {
    const p = new Softmax().forward(
      tensor([
        [1000, 1000, 0],
        [1, 2, 3],
      ]),
    );
    expect(p.get(0, 0)).toBeCloseTo(0.5, 12);
    expect(p.get(1, 0) + p.get(1, 1) + p.get(1, 2)).toBeCloseTo(1, 12);
  });

  it("Maxout keeps the max of each group of pieces", () => {
    expect(new Maxout(2).forward(tensor([[1, 5, -3, -4]])).toArray()).toEqual([[5, -3]]);
    expect(() => new Maxout(2).forward(tensor([[1, 2, 3]]))).toThrow(ShapeError);
  });

  it("Flatten turns [N, C, H, W] into [N, C·H·W]", () => {
    expect(new Flatten().forward(new Tensor(new Float64Array(24), [2, 3, 2, 2])).shape).toEqual([
      2, 12,
    ]);
  });
});

describe("Dropout", () => {
  it("dropout keeps the expectation: the mean over many masks ≈ the input", () => {
    const x = tensor([[1, -2, 3, 0.5]]);
    const layer = new Dropout(0.4, { rng: rng(5) });
    const total = new Float64Array(4);
    const trials = 20000;
    for (let t = 0; t < trials; t++)
      layer.forward(x).data.forEach((v, i) => (total[i] += v / trials));
    total.forEach((v, i) => expect(v).toBeCloseTo(x.data[i], 1));
  });

  it("dropout zeroes about p of the elements and scales survivors by 1/(1 − p)", () => {
    const out = dropout(new Tensor(new Float64Array(10000).fill(1), [10000]), {
      p: 0.25,
      rng: rng(3),
    });
    const zeros = out.data.filter((v) => v === 0).length;
    expect(zeros / 10000).toBeCloseTo(0.25, 1);
    expect(out.data.every((v) => v === 0 || Math.abs(v - 4 / 3) < 1e-12)).toBe(true);
  });

  it("Dropout in eval mode is the identity", () => {
    const x = tensor([[1, 2, 3]]);
    expect(new Dropout(0.5, { seed: 1 }).eval().forward(x)).toBe(x);
  });

  it.each([-0.1, 1, 1.5, NaN])("Dropout(%s) throws ArgumentError", (p) => {
    expect(() => new Dropout(p, { seed: 0 })).toThrow(ArgumentError);
    expect(() => new Dropout(p, { seed: 0 })).toThrow(/Dropout: p must be in \[0, 1\)/);
  });
});

describe("losses", () => {
  it("softmaxCrossEntropy equals log-softmax + negative log-likelihood, value and gradient", () => {
    const z1 = tensor(
      [
        [2, 0, -1],
        [0.5, 0.5, 3],
        [-1, 4, 0],
      ],
      { requiresGrad: true },
    );
    const z2 = tensor(z1.toArray(), { requiresGrad: true });
    const labels = [0, 2, 1];
    const fused = softmaxCrossEntropy(z1, labels);
    const nll = mul(sum(mul(logSoftmax(z2), oneHot(labels, 3))), -1 / 3);
    expect(fused.item()).toBeCloseTo(nll.item(), 12);
    backward(fused);
    backward(nll);
    z1.grad!.data.forEach((g, i) => expect(g).toBeCloseTo(z2.grad!.data[i], 12));
  });

  it("softmaxCrossEntropy([[2, 0]], [0]) = log(1 + e⁻²) and is finite for huge logits", () => {
    expect(softmaxCrossEntropy(tensor([[2, 0]]), [0]).item()).toBeCloseTo(
      Math.log(1 + Math.exp(-2)),
      12,
    );
    expect(softmaxCrossEntropy(tensor([[1000, -1000]]), [1]).item()).toBeCloseTo(2000, 6);
  });

  it("mse of the lecture's style example: ((1−0)² + (0−0)²)/2 = 0.5", () => {
    expect(mse(tensor([[1], [0]]), tensor([[0], [0]])).item()).toBe(0.5);
  });

  it("binaryCrossEntropy clamps probabilities 0 and 1 so the loss stays finite", () => {
    expect(Number.isFinite(binaryCrossEntropy(tensor([[0], [1]]), tensor([[1], [0]])).item())).toBe(
      true,
    );
  });

  it("losses throw ShapeError on mismatched shapes and ArgumentError on bad labels", () => {
    expect(() => mse(tensor([[1, 2]]), tensor([[1], [2]]))).toThrow(
      /mse: predictions and targets must have the same non-empty shape, got \[1, 2\] and \[2, 1\]/,
    );
    expect(() => softmaxCrossEntropy(tensor([[1, 2]]), [2])).toThrow(ArgumentError);
    expect(() => softmaxCrossEntropy(tensor([[1, 2]]), [2])).toThrow(
      /softmaxCrossEntropy: label 2 at index 0 is not a class index in \[0, 2\)/,
    );
    expect(() => softmaxCrossEntropy(tensor([[1, 2]]), [0, 1])).toThrow(ShapeError);
  });
});
