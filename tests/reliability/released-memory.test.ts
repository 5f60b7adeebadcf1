// After a training step gives its memory back (releaseGraph, which fit calls every step), numbers a
// student kept stay theirs, whatever way they kept them, or reading them is a ReleasedTensorError;
// never another step's numbers. And backward through a released graph is an error, not a silent
// "no gradient". Every case runs under both kernel implementations.
import { afterAll, describe, expect, it } from "vitest";
import { describeKernels } from "../each-kernels";
import * as dl from "../../lib/index";

/** Large enough for the fast kernels to reuse the memory (8 KiB and up). */
const WIDTH = 2048;

/** The ways a student might hold on to an activation's numbers: each gives back what it kept. */
const WAYS: Record<string, (h: dl.Tensor) => () => number[]> = {
  "h.data": (h) => {
    const data = h.data;
    return () => Array.from(data);
  },
  "a view, h.data.subarray": (h) => {
    const view = h.data.subarray(0, 20);
    return () => Array.from(view);
  },
  "dl.detach(h)": (h) => {
    const d = dl.detach(h);
    return () => Array.from(d.data);
  },
  "dl.reshape(h, [-1])": (h) => {
    const r = dl.reshape(h, [-1]);
    return () => Array.from(r.data);
  },
  "h.flatten()": (h) => {
    const f = h.flatten();
    return () => Array.from(f.data);
  },
  "new dl.Tensor(h.data, shape)": (h) => {
    const t = new dl.Tensor(h.data, h.shape);
    return () => Array.from(t.data);
  },
};

/** A layer that keeps its first forward's activation one way, with a copy to compare. */
class Keeper extends dl.nn.Module {
  read: (() => number[]) | null = null;
  copy: number[] = [];
  tensor: dl.Tensor | null = null;
  constructor(readonly keep: (h: dl.Tensor) => () => number[]) {
    super();
  }
  forward(x: dl.Tensor): dl.Tensor {
    const h = dl.relu(x);
    if (this.read === null) {
      this.copy = Array.from(h.data);
      this.read = this.keep(h);
      this.tensor = h;
    }
    return h;
  }
}

function train(keeper: dl.nn.Module, steps: number): void {
  const rng = dl.rng(1);
  const model = new dl.nn.Sequential([new dl.nn.Linear(4, WIDTH, { rng }), keeper]);
  const x = dl.randn([steps, 4], rng);
  const y = dl.randn([steps, WIDTH], rng);
  dl.train.fit(
    model,
    { x, y },
    {
      epochs: 1,
      batchSize: 1,
      loss: dl.nn.mse,
      optimizer: new dl.optim.SGD(model.parameters(), { lr: 0.01 }),
      display: "none",
    },
  );
}

describeKernels("released memory", () => {
  it.each(Object.keys(WAYS))("an activation kept during fit as %s keeps its own numbers", (way) => {
    const keeper = new Keeper(WAYS[way]);
    train(keeper, 6);
    const want = way.includes("subarray") ? keeper.copy.slice(0, 20) : keeper.copy;
    expect(keeper.read!()).toEqual(want);
  });

  it("the kept tensor itself: its numbers as they were, or ReleasedTensorError, never others", () => {
    const keeper = new Keeper(() => () => []);
    train(keeper, 6);
    const tensor = keeper.tensor!;
    const copy = keeper.copy;
    const reads: [string, () => unknown][] = [
      ["data", () => Array.from(tensor.data)],
      ["toArray", () => tensor.toArray()],
      ["get", () => tensor.get(0, 5)],
      ["item of a sum", () => dl.sum(tensor).item()],
    ];
    const want: unknown[] = [copy, [copy], copy[5], copy.reduce((s, v) => s + v, 0)];
    reads.forEach(([way, read], i) => {
      let got: unknown;
      try {
        got = read();
      } catch (e) {
        expect(e, way).toBeInstanceOf(dl.ReleasedTensorError);
        return;
      }
      if (way === "item of a sum") expect(got as number, way).toBeCloseTo(want[i] as number, 9);
      else expect(got, way).toEqual(want[i]);
    });
  });

  it("a gradient kept in a hand-written loop (grad.data) keeps its numbers after release", () => {
    const rng = dl.rng(2);
    const w = dl.randn([WIDTH], rng);
    w.requiresGrad = true;
    const step = (seed: number) => {
      const h = dl.relu(dl.mul(w, dl.randn([WIDTH], dl.rng(seed))));
      const loss = dl.mean(dl.square(h));
      dl.backward(loss);
      return { h, loss };
    };
    const first = step(3);
    const kept = first.h.grad!.data;
    const copy = Array.from(kept);
    const gradTensor = step(9).h.grad!; // the gradient tensor itself, its numbers never read
    dl.releaseGraph(first.loss);
    for (let s = 4; s < 8; s++) dl.releaseGraph(step(s).loss);
    expect(Array.from(kept)).toEqual(copy);
    expect(() => gradTensor.data).not.toThrow(); // its step was not released
    expect(gradTensor.released).toBe(false);
  });

  it("a gradient tensor kept without reading it is released with its step: ReleasedTensorError", () => {
    const w = dl.randn([WIDTH], dl.rng(8));
    w.requiresGrad = true;
    const h = dl.relu(w);
    const loss = dl.mean(h);
    dl.backward(loss);
    const g = h.grad!;
    dl.releaseGraph(loss);
    for (let s = 0; s < 3; s++) dl.mean(dl.relu(dl.mul(w, s))); // the next steps' ops
    expect(() => g.data).toThrow(dl.ReleasedTensorError);
    expect(() => g.toArray()).toThrow(dl.ReleasedTensorError);
  });

  it("backward after releaseGraph is a ReleasedTensorError naming the released tensor", () => {
    const w = dl.randn([WIDTH], dl.rng(4));
    w.requiresGrad = true;
    const loss = dl.mean(dl.relu(w));
    dl.backward(loss);
    dl.releaseGraph(loss);
    w.grad = null;
    expect(() => loss.backward()).toThrow(dl.ReleasedTensorError);
    expect(() => dl.backward(loss)).toThrow(/released .*the mean result \(shape \[\]\)/);
    expect(w.grad).toBeNull();
  });

  it("backward of a second loss through a released intermediate is an error, not a lost gradient", () => {
    const w = dl.randn([WIDTH], dl.rng(5));
    w.requiresGrad = true;
    const h = dl.relu(w);
    const first = dl.mean(h);
    const second = dl.sum(h);
    dl.backward(first);
    dl.releaseGraph(first);
    w.grad = null;
    expect(() => dl.backward(second)).toThrow(dl.ReleasedTensorError);
    expect(() => dl.backward(second)).toThrow(/relu result/);
  });

  it("releaseGraph twice, or of a leaf, changes nothing; ops on kept leaves still work", () => {
    const w = dl.randn([WIDTH], dl.rng(6));
    w.requiresGrad = true;
    const loss = dl.mean(dl.relu(w));
    dl.backward(loss);
    const grad = Array.from(w.grad!.data);
    dl.releaseGraph(loss);
    dl.releaseGraph(loss);
    dl.releaseGraph(w);
    expect(Array.from(w.grad!.data)).toEqual(grad);
    expect(dl.mean(dl.relu(w)).item()).toBeGreaterThan(0);
  });
});

describe("switching kernels between steps", () => {
  afterAll(() => dl.kernels.use("fast"));

  it("memory made under one implementation and released under the other stays correct", () => {
    const w = dl.randn([WIDTH], dl.rng(7));
    w.requiresGrad = true;
    const losses: number[] = [];
    const kept: { data: Float64Array; copy: number[] }[] = [];
    for (let s = 0; s < 8; s++) {
      dl.kernels.use(s % 2 === 0 ? "fast" : "reference");
      const h = dl.relu(dl.mul(w, 2));
      if (s % 3 === 0) kept.push({ data: h.data, copy: Array.from(h.data) });
      const loss = dl.mean(h);
      dl.kernels.use(s % 2 === 0 ? "reference" : "fast");
      dl.backward(loss);
      losses.push(loss.item());
      dl.releaseGraph(loss);
    }
    for (const k of kept) expect(Array.from(k.data)).toEqual(k.copy);
    expect(new Set(losses).size).toBe(1);
  });
});
