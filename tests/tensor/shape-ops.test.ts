import { describe, expect, it } from "vitest";
import * as dl from "../../lib/index";

const x = dl.arange(6).reshape([2, 3]); // [[0, 1, 2], [3, 4, 5]]

describe("reshape / flatten", () => {
  it("reshape keeps row-major order and infers −1", () => {
    expect(dl.reshape(x, [3, -1]).toArray()).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    expect(dl.flatten(dl.zeros([2, 3, 4]), 1).shape).toEqual([2, 12]);
    expect(dl.flatten(x).shape).toEqual([6]);
  });
  it("reshape([2, 3], [4, 2]) throws ShapeError with both shapes", () => {
    expect(() => dl.reshape(x, [4, 2])).toThrow(
      /reshape: cannot reshape \[2, 3\] \(6 elements\) to \[4, 2\]/,
    );
  });
});

describe("transpose", () => {
  it("transpose swaps the last two axes by default: xᵀ[j][i] = x[i][j]", () => {
    expect(dl.transpose(x).toArray()).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
  });
  it("transpose(t, axes) permutes: [2, 3, 4] with [2, 0, 1] → [4, 2, 3]", () => {
    const t = dl.arange(24).reshape([2, 3, 4]);
    const p = dl.transpose(t, [2, 0, 1]);
    expect(p.shape).toEqual([4, 2, 3]);
    expect(p.get(3, 1, 2)).toBe(t.get(1, 2, 3));
  });
  it("transpose with a repeated axis throws ArgumentError", () => {
    expect(() => dl.transpose(x, [0, 0])).toThrow(
      /transpose: axes must be a permutation of 0…1, got \[0, 0\]/,
    );
  });
});

describe("concat / take", () => {
  it("concat along axis 1: [2, 3] and [2, 1] → [2, 4]", () => {
    const c = dl.concat([x, dl.tensor([[9], [8]])], 1);
    expect(c.toArray()).toEqual([
      [0, 1, 2, 9],
      [3, 4, 5, 8],
    ]);
    expect(dl.concat([x, x]).shape).toEqual([4, 3]);
  });
  it("concat of mismatched shapes throws ShapeError", () => {
    expect(() => dl.concat([x, dl.zeros([3, 2])], 0)).toThrow(
      /concat: shapes must match except on axis 0, got \[2, 3\] and \[3, 2\]/,
    );
  });
  it("take selects rows (repeats allowed) and columns", () => {
    expect(dl.take(x, [1, 1, 0]).toArray()).toEqual([
      [3, 4, 5],
      [3, 4, 5],
      [0, 1, 2],
    ]);
    expect(dl.take(x, dl.tensor([2]), 1).toArray()).toEqual([[2], [5]]);
    expect(() => dl.take(x, [2])).toThrow(/take: index 2 is out of range for axis 0 of size 2/);
  });
  it("take's gradient adds up over repeated rows", () => {
    const w = dl.tensor([[1], [2]], { requiresGrad: true });
    dl.take(w, [1, 1, 0]).sum().backward();
    expect(w.grad!.toArray()).toEqual([[1], [2]]);
  });
});

describe("softmax", () => {
  it("softmax([1, 2, 3]) = e^(i)/(e + e² + e³)", () => {
    const s = dl.softmax(dl.tensor([1, 2, 3]));
    const z = Math.E + Math.E ** 2 + Math.E ** 3;
    dl.assertClose(s, [Math.E / z, Math.E ** 2 / z, Math.E ** 3 / z], { rtol: 1e-12 });
  });
  it("is stable for large inputs, and logSoftmax = log(softmax)", () => {
    const big = dl.tensor([[1000, 1001, 1002]]);
    dl.assertClose(dl.softmax(big), dl.softmax(dl.tensor([[0, 1, 2]])));
    dl.assertClose(dl.logSoftmax(big), dl.log(dl.softmax(dl.tensor([[0, 1, 2]]))));
    expect(dl.logSumExp(big).item()).toBeCloseTo(
      1002 + Math.log(1 + Math.exp(-1) + Math.exp(-2)),
      10,
    );
  });
  it("logSumExp over an axis: shape and keepDims", () => {
    const t = dl.zeros([2, 3]);
    expect(dl.logSumExp(t, 1).shape).toEqual([2]);
    expect(dl.logSumExp(t, 1, { keepDims: true }).shape).toEqual([2, 1]);
    dl.assertClose(dl.logSumExp(t, 1), [Math.log(3), Math.log(3)]);
  });
});

describe("print", () => {
  it("prints numpy-like with the shape", () => {
    expect(
      String(
        dl.tensor([
          [1, 2],
          [3, 40],
        ]),
      ),
    ).toBe("tensor([[ 1,  2],\n        [ 3, 40]], shape=[2, 2])");
    expect(dl.tensor([0.5, -1]).toString()).toBe("tensor([ 0.5000, -1.0000], shape=[2])");
    expect(dl.tensor(3).toString()).toBe("tensor(3, shape=[])");
  });
  it("summarises big tensors and is what console.log shows", async () => {
    const { inspect } = await import("node:util");
    const big = dl.zeros([50, 50]);
    expect(inspect(big)).toBe(big.toString());
    expect(big.toString()).toMatch(/0, 0, 0, \.\.\., 0, 0, 0\]/);
    expect(big.toString().split("\n")).toHaveLength(7);
  });
});
