import { describe, expect, it } from "vitest";
import * as dl from "../../lib/index";

const arr = (t: dl.Tensor) => t.toArray();

describe("elementwise ops (worked examples)", () => {
  const x = dl.tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  it("add([2, 3], [3]) broadcasts the row: [1+10, 2+20, 3+30], [4+10, 5+20, 6+30]", () => {
    expect(arr(dl.add(x, dl.tensor([10, 20, 30])))).toEqual([
      [11, 22, 33],
      [14, 25, 36],
    ]);
  });
  it("mul([2, 1], [1, 3]) is an outer product: [[1*3, 1*4, 1*5], [2*3, 2*4, 2*5]]", () => {
    expect(arr(dl.mul(dl.tensor([[1], [2]]), dl.tensor([[3, 4, 5]])))).toEqual([
      [3, 4, 5],
      [6, 8, 10],
    ]);
  });
  it("sub, div, pow with numbers: 6−1, 6/4, 3²", () => {
    expect(dl.sub(6, 1).item()).toBe(5);
    expect(dl.div(6, 4).item()).toBe(1.5);
    expect(dl.pow(dl.tensor([3]), 2).toArray()).toEqual([9]);
  });
  it("maximum, minimum, comparisons", () => {
    const a = dl.tensor([1, 5, 3]);
    expect(arr(dl.maximum(a, 3))).toEqual([3, 5, 3]);
    expect(arr(dl.minimum(a, 3))).toEqual([1, 3, 3]);
    expect(arr(dl.gt(a, 3))).toEqual([0, 1, 0]);
    expect(arr(dl.ge(a, 3))).toEqual([0, 1, 1]);
    expect(arr(dl.lt(a, 3))).toEqual([1, 0, 0]);
    expect(arr(dl.le(a, 3))).toEqual([1, 0, 1]);
    expect(arr(dl.eq(a, 3))).toEqual([0, 0, 1]);
    expect(dl.gt(dl.tensor([1], { requiresGrad: true }), 0).requiresGrad).toBe(false);
  });
  it("unary math: −x, eˣ, ln, √, |x|, x²", () => {
    const v = dl.tensor([-4, 1, 4]);
    expect(arr(dl.neg(v))).toEqual([4, -1, -4]);
    expect(arr(dl.abs(v))).toEqual([4, 1, 4]);
    expect(arr(dl.square(v))).toEqual([16, 1, 16]);
    expect(arr(dl.sqrt(dl.tensor([4, 9])))).toEqual([2, 3]);
    expect(dl.exp(dl.tensor(1)).item()).toBeCloseTo(Math.E, 12);
    expect(dl.log(dl.tensor(Math.E)).item()).toBeCloseTo(1, 12);
  });
  it("activations: σ(0) = 0.5, tanh(0) = 0, relu, leaky relu (0.1), elu, softplus(0) = ln 2", () => {
    const v = dl.tensor([-2, 0, 3]);
    expect(dl.sigmoid(v).get(1)).toBe(0.5);
    expect(dl.tanh(v).get(1)).toBe(0);
    expect(arr(dl.relu(v))).toEqual([0, 0, 3]);
    expect(arr(dl.leakyRelu(v))).toEqual([-0.2, 0, 3]);
    expect((arr(dl.elu(v)) as number[])[0]).toBeCloseTo(Math.exp(-2) - 1, 12);
    expect((arr(dl.softplus(v)) as number[])[1]).toBeCloseTo(Math.LN2, 12);
  });
  it("relu (branch-free) is exactly max(0, x): +0 for −0 and −∞, NaN for NaN, x itself for x > 0", () => {
    const edge = Array.from(
      dl.relu(dl.tensor([-0, -Infinity, NaN, Infinity, 5e-324, -1e308, 1e308])).data,
    );
    expect(edge.map((v) => Object.is(v, 0))).toEqual([
      true,
      true,
      false,
      false,
      false,
      true,
      false,
    ]);
    expect(edge.filter((v) => v !== 0)).toEqual([NaN, Infinity, 5e-324, 1e308]);
    // finite input takes the branch-free loop: −0 must still come out as +0
    expect(Object.is(dl.relu(dl.tensor([-0, 2, -3])).get(0), 0)).toBe(true);
    const rng = new dl.Rng(6);
    const x = dl.tensor(Array.from({ length: 2000 }, () => rng.normal()));
    const plain = Array.from(x.data, (v) => (v > 0 ? v : 0));
    expect(Array.from(dl.relu(x).data)).toEqual(plain);
  });
});

describe("reductions", () => {
  const x = dl.tensor([
    [1, 5, 3],
    [4, 2, 6],
  ]);
  it("sum: all = 21, axis 0 = [1+4, 5+2, 3+6], axis 1 = [9, 12]", () => {
    expect(dl.sum(x).item()).toBe(21);
    expect(dl.sum(x).shape).toEqual([]);
    expect(arr(dl.sum(x, 0))).toEqual([5, 7, 9]);
    expect(arr(dl.sum(x, -1, { keepDims: true }))).toEqual([[9], [12]]);
  });
  it("mean, max, min, argmax", () => {
    expect(dl.mean(x).item()).toBe(3.5);
    expect(arr(dl.mean(x, 1))).toEqual([3, 4]);
    expect(arr(dl.max(x, 1))).toEqual([5, 6]);
    expect(arr(dl.min(x, 0))).toEqual([1, 2, 3]);
    expect(dl.argmax(x).item()).toBe(5);
    expect(arr(dl.argmax(x, 1))).toEqual([1, 2]);
    expect(arr(dl.argmax(x, 0))).toEqual([1, 0, 1]);
  });
  it("sum(x, 2) throws ArgumentError for an axis out of range", () => {
    expect(() => dl.sum(x, 2)).toThrow(/sum: axis 2 is out of range for shape \[2, 3\]/);
  });
});

describe("matmul", () => {
  it("[[1, 2], [3, 4]] @ [[5, 6], [7, 8]] = [[1*5+2*7, 1*6+2*8], [3*5+4*7, 3*6+4*8]]", () => {
    const a = dl.tensor([
      [1, 2],
      [3, 4],
    ]);
    const b = dl.tensor([
      [5, 6],
      [7, 8],
    ]);
    expect(arr(dl.matmul(a, b))).toEqual([
      [19, 22],
      [43, 50],
    ]);
  });
  it("batched [2, 1, 2] @ [2, 2] broadcasts the matrix over the batch", () => {
    const a = dl.tensor([[[1, 0]], [[0, 1]]]);
    const b = dl.tensor([
      [5, 6],
      [7, 8],
    ]);
    expect(arr(dl.matmul(a, b))).toEqual([[[5, 6]], [[7, 8]]]);
  });
  it("matmul([2, 3], [4, 5]) throws ShapeError with both shapes", () => {
    expect(() => dl.matmul(dl.zeros([2, 3]), dl.zeros([4, 5]))).toThrow(dl.ShapeError);
    expect(() => dl.matmul(dl.zeros([2, 3]), dl.zeros([4, 5]))).toThrow(
      /^matmul: inner dimensions must match, got \[2, 3\] @ \[4, 5\]$/,
    );
  });
  it("add([2, 3], [2]) throws ShapeError naming the op and both shapes", () => {
    expect(() => dl.add(dl.zeros([2, 3]), dl.zeros([2]))).toThrow(
      /add: shapes cannot be broadcast together, got \[2, 3\] and \[2\]/,
    );
  });
});

describe("chainable methods", () => {
  it("x.matmul(w).add(b).sigmoid().sum() equals the function form", () => {
    const x = dl.tensor([[1, 2]]);
    const w = dl.tensor([[0.5], [-0.25]]);
    const b = dl.tensor([0.1]);
    const chained = x.matmul(w).add(b).sigmoid().sum().item();
    const plain = dl.sum(dl.sigmoid(dl.add(dl.matmul(x, w), b))).item();
    // 1*0.5 + 2*(−0.25) + 0.1 = 0.1
    expect(chained).toBe(plain);
    expect(chained).toBeCloseTo(1 / (1 + Math.exp(-0.1)), 12);
  });
});
