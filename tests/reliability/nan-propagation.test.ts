// NaN propagates as in PyTorch: an op whose result depends on a NaN gives NaN, wherever the NaN
// sits (first, middle or last of a window, a row, a pair). argmax (and the gradient of max, min and
// max pooling) counts a NaN as the largest value: the first NaN wins, as in PyTorch and numpy.
// Every case runs under both kernel implementations, whose answers must be the same.
import { expect, it } from "vitest";
import { describeKernels } from "../each-kernels";
import fc from "fast-check";
import * as dl from "../../lib/index";

/** A tensor of `n` distinct finite values with a NaN at flat index `at`. */
function withNaN(shape: number[], at: number): dl.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = Float64Array.from({ length: n }, (_, i) => ((i * 7) % n) - n / 2 + 0.5);
  data[at] = NaN;
  return new dl.Tensor(data, shape);
}

const isNaNs = (t: dl.Tensor) => Array.from(t.data, (v) => Number.isNaN(v));

describeKernels("NaN propagation", () => {
  it("relu(NaN) is NaN, relu(Infinity) is Infinity, relu(−Infinity) is 0, small and pooled sizes", () => {
    expect(dl.relu(dl.tensor([NaN, -1, 2, Infinity, -Infinity])).toArray()).toEqual([
      NaN,
      0,
      2,
      Infinity,
      0,
    ]);
    for (const n of [3, 1024, 5000]) {
      for (const at of [0, Math.floor(n / 2), n - 1]) {
        const out = dl.relu(withNaN([n], at));
        expect(isNaNs(out).indexOf(true), `n ${n}, NaN at ${at}`).toBe(at);
        expect(isNaNs(out).lastIndexOf(true)).toBe(at);
      }
    }
  });

  it("every other activation and elementwise op keeps a NaN", () => {
    const x = dl.tensor([NaN, -2, 3]);
    const ops: [string, (t: dl.Tensor) => dl.Tensor][] = [
      ["leakyRelu", (t) => dl.leakyRelu(t)],
      ["elu", (t) => dl.elu(t)],
      ["softplus", dl.softplus],
      ["sigmoid", dl.sigmoid],
      ["tanh", dl.tanh],
      ["abs", dl.abs],
      ["square", dl.square],
      ["exp", dl.exp],
      ["neg", dl.neg],
      ["Step (threshold unit)", (t) => new dl.nn.Step().forward(t)],
      ["dropout in training", (t) => dl.nn.dropout(t, { p: 0.5, rng: dl.rng(1) })],
    ];
    for (const [op, f] of ops) expect(Number.isNaN(f(x).data[0]), op).toBe(true);
  });

  it.each([
    ["maximum", dl.maximum],
    ["minimum", dl.minimum],
  ])("%s(a, b) is NaN when either side is NaN, whichever side it is", (_, f) => {
    const a = dl.tensor([NaN, 1, NaN, 2]);
    const b = dl.tensor([1, NaN, NaN, 3]);
    expect(isNaNs(f(a, b))).toEqual([true, true, true, false]);
    expect(isNaNs(f(b, a))).toEqual([true, true, true, false]);
    expect(isNaNs(f(dl.tensor([[1], [NaN]]), dl.tensor([0, 5])))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it("maximum and minimum send the gradient to the NaN side", () => {
    const a = dl.tensor([1, NaN], { requiresGrad: true });
    const b = dl.tensor([NaN, 2], { requiresGrad: true });
    dl.backward(dl.sum(dl.maximum(a, b)));
    expect(a.grad!.toArray()).toEqual([0, 1]);
    expect(b.grad!.toArray()).toEqual([1, 0]);
  });

  it.each([
    ["max", dl.max],
    ["min", dl.min],
  ])("%s over every axis is NaN for a slice holding a NaN, wherever it is", (_, f) => {
    const shape = [3, 4];
    for (let at = 0; at < 12; at++) {
      const x = withNaN(shape, at);
      expect(Number.isNaN(f(x).item()), `all, NaN at ${at}`).toBe(true);
      const rows = isNaNs(f(x, 1));
      expect(rows, `axis 1, NaN at ${at}`).toEqual([0, 1, 2].map((r) => r === Math.floor(at / 4)));
      const cols = isNaNs(f(x, 0, { keepDims: true }));
      expect(cols, `axis 0, NaN at ${at}`).toEqual([0, 1, 2, 3].map((c) => c === at % 4));
    }
  });

  it("max's gradient goes to the first NaN; argmax is the index of the first NaN", () => {
    for (let at = 0; at < 5; at++) {
      const x = withNaN([5], at);
      x.data[4 - at] = NaN; // a second NaN (the same one when at = 2)
      const first = Math.min(at, 4 - at);
      expect(dl.argmax(x).item(), `NaN at ${at} and ${4 - at}`).toBe(first);
      const w = new dl.Tensor(x.data.slice(), [5], true);
      dl.backward(dl.max(w));
      expect(Array.from(w.grad!.data).indexOf(1)).toBe(first);
    }
    expect(
      dl
        .argmax(
          dl.tensor([
            [1, NaN, 3],
            [4, 5, NaN],
          ]),
          1,
        )
        .toArray(),
    ).toEqual([1, 2]);
  });

  it("logSumExp, softmax and logSoftmax of a row with a NaN are NaN on that row only", () => {
    const x = dl.tensor([
      [1, NaN, 2],
      [0, 1, 2],
    ]);
    expect(isNaNs(dl.logSumExp(x, 1))).toEqual([true, false]);
    expect(isNaNs(dl.softmax(x))).toEqual([true, true, true, false, false, false]);
    expect(isNaNs(dl.logSoftmax(x))).toEqual([true, true, true, false, false, false]);
  });

  it.each([2, 3])("max pooling %ix%i: a window with a NaN anywhere gives NaN", (size) => {
    const side = size * 2;
    for (let at = 0; at < side * side; at++) {
      const x = withNaN([1, 1, side, side], at);
      const out = dl.nn.maxPool2d(x, { size });
      const row = Math.floor(Math.floor(at / side) / size);
      const col = Math.floor((at % side) / size);
      expect(isNaNs(out), `NaN at ${at}`).toEqual([0, 1, 2, 3].map((o) => o === row * 2 + col));
      const xg = new dl.Tensor(x.data.slice(), x.shape, true);
      dl.backward(dl.sum(dl.nn.maxPool2d(xg, { size })));
      expect(xg.grad!.data[at], `gradient to the NaN at ${at}`).toBe(1);
    }
  });

  it("max pooling with overlapping windows (size 3, stride 1) and average pooling keep NaN", () => {
    const x = withNaN([1, 1, 4, 4], 5); // row 1, column 1: inside every 3x3 window
    expect(isNaNs(dl.nn.maxPool2d(x, { size: 3, stride: 1 }))).toEqual([true, true, true, true]);
    expect(isNaNs(dl.nn.avgPool2d(x, { size: 2 }))).toEqual([true, false, false, false]);
  });

  it("Maxout: a group holding a NaN gives NaN, wherever in the group", () => {
    for (let at = 0; at < 3; at++) {
      const x = withNaN([2, 3], at);
      expect(isNaNs(new dl.nn.Maxout(3).forward(x)), `NaN at ${at}`).toEqual([true, false]);
    }
  });

  it("matmul and conv2d keep a NaN, also past the small-problem sizes", () => {
    for (const n of [4, 40]) {
      const a = withNaN([n, n], n + 1);
      const out = dl.matmul(a, dl.ones([n, n]));
      expect(isNaNs(out).slice(n, 2 * n)).toEqual(new Array(n).fill(true));
    }
    const x = withNaN([2, 3, 10, 10], 0);
    const conv = dl.nn.conv2d(x, dl.ones([4, 3, 3, 3]), null, { padding: 1 });
    expect(Number.isNaN(conv.data[0])).toBe(true);
    expect(Number.isNaN(conv.data[conv.size - 1])).toBe(false);
  });

  it("a network with NaN weights behind a ReLU stops with NonFiniteError and predicts NaN", () => {
    const rng = dl.rng(0);
    const model = new dl.nn.Sequential([
      new dl.nn.Linear(2, 4, { rng }),
      new dl.nn.ReLU(),
      new dl.nn.Linear(4, 1, { rng }),
    ]);
    model.parameters()[0].data[0] = NaN;
    const data = dl.data.xorGate();
    expect(Number.isNaN(dl.train.predict(model, data.x).data[1])).toBe(true);
    expect(() =>
      dl.train.fit(model, data, {
        epochs: 2,
        loss: dl.nn.mse,
        optimizer: new dl.optim.SGD(model.parameters(), { lr: 0.1 }),
        display: "none",
      }),
    ).toThrow(dl.NonFiniteError);
  });

  it("a NaN anywhere in a random tensor reaches relu, max, max pooling and maximum alike", () => {
    const case_ = fc.record({
      n: fc.integer({ min: 1, max: 6 }),
      seed: fc.integer({ min: 0, max: 1000 }),
      at: fc.nat(),
    });
    fc.assert(
      fc.property(case_, ({ n, seed, at }) => {
        const size = 4 * n * n;
        const x = dl.randn([1, 1, 2 * n, 2 * n], dl.rng(seed));
        x.data[at % size] = NaN;
        expect(Number.isNaN(dl.max(x).item())).toBe(true);
        expect(Number.isNaN(dl.max(dl.nn.maxPool2d(x, { size: 2 })).item())).toBe(true);
        expect(Number.isNaN(dl.max(dl.relu(x)).item())).toBe(true);
        expect(Number.isNaN(dl.max(dl.maximum(x, 0)).item())).toBe(true);
        expect(dl.argmax(x).item()).toBe(at % size);
      }),
      { numRuns: 60 },
    );
  });
});
