import { describe, expect, it } from "vitest";
import { describeKernels } from "../each-kernels";
import * as dl from "../../lib/index";
import { attach, gradOf } from "../../lib/tensor/record";

// Inputs away from kinks (relu at 0, abs at 0, max ties) and inside domains (log, sqrt > 0).
const r = dl.rng(7);
const t = (shape: number[], low = -2, high = 2) => dl.rand(shape, r, { low, high });
const pos = (shape: number[]) => dl.rand(shape, r, { low: 0.5, high: 2 });
const awayFromZero = (shape: number[]) =>
  dl.mul(dl.rand(shape, r, { low: 0.3, high: 2 }), dl.sub(dl.mul(dl.gt(t(shape), 0), 2), 1));

type Case = [string, (...xs: dl.Tensor[]) => dl.Tensor, dl.Tensor[]];

/** The ONE table of differentiable ops, each checked by central differences. */
const table: Case[] = [
  ["add [2,3]+[2,3]", dl.add, [t([2, 3]), t([2, 3])]],
  ["add [2,3]+[3]", dl.add, [t([2, 3]), t([3])]],
  ["add [2,3]+scalar", dl.add, [t([2, 3]), t([])]],
  ["sub [2,1]-[1,3]", dl.sub, [t([2, 1]), t([1, 3])]],
  ["mul [2,1]*[1,3]", dl.mul, [t([2, 1]), t([1, 3])]],
  ["mul [4,2,3]*[2,1]", dl.mul, [t([4, 2, 3]), t([2, 1])]],
  ["div [2,3]/[3]", dl.div, [t([2, 3]), pos([3])]],
  ["pow [2,3]^[3]", dl.pow, [pos([2, 3]), t([3])]],
  ["maximum", dl.maximum, [t([2, 3]), dl.add(t([2, 3]), 0.05)]],
  ["minimum [2,3],[3]", dl.minimum, [t([2, 3]), t([3])]],
  ["neg", dl.neg, [t([2, 3])]],
  ["exp", dl.exp, [t([2, 3])]],
  ["log", dl.log, [pos([2, 3])]],
  ["sqrt", dl.sqrt, [pos([2, 3])]],
  ["abs", dl.abs, [awayFromZero([2, 3])]],
  ["square", dl.square, [t([2, 3])]],
  ["sigmoid", dl.sigmoid, [t([2, 3])]],
  ["tanh", dl.tanh, [t([2, 3])]],
  ["relu", dl.relu, [awayFromZero([2, 3])]],
  ["leakyRelu", (x) => dl.leakyRelu(x), [awayFromZero([2, 3])]],
  ["elu", (x) => dl.elu(x, 1.5), [awayFromZero([2, 3])]],
  ["softplus", dl.softplus, [t([2, 3])]],
  ["sum all", (x) => dl.sum(x), [t([2, 3, 2])]],
  ["sum axis 1", (x) => dl.sum(x, 1), [t([2, 3, 2])]],
  ["sum axes [0,2] keepDims", (x) => dl.sum(x, [0, 2], { keepDims: true }), [t([2, 3, 2])]],
  ["mean all", (x) => dl.mean(x), [t([2, 3])]],
  ["mean axis -1", (x) => dl.mean(x, -1), [t([2, 3])]],
  ["max all", (x) => dl.max(x), [t([2, 3])]],
  ["max axis 0", (x) => dl.max(x, 0), [t([2, 3])]],
  ["min all", (x) => dl.min(x), [t([2, 3])]],
  ["min axis 1 keepDims", (x) => dl.min(x, 1, { keepDims: true }), [t([2, 3])]],
  ["matmul [2,3]@[3,4]", dl.matmul, [t([2, 3]), t([3, 4])]],
  ["matmul [2,2,3]@[2,3,4]", dl.matmul, [t([2, 2, 3]), t([2, 3, 4])]],
  ["matmul [2,2,3]@[3,4]", dl.matmul, [t([2, 2, 3]), t([3, 4])]],
  ["reshape", (x) => dl.reshape(x, [3, 2]), [t([2, 3])]],
  ["transpose default", (x) => dl.transpose(x), [t([2, 3])]],
  ["transpose [2,0,1]", (x) => dl.transpose(x, [2, 0, 1]), [t([2, 3, 4])]],
  ["flatten from 1", (x) => dl.flatten(x, 1), [t([2, 3, 2])]],
  ["concat axis 1", (a, b) => dl.concat([a, b], 1), [t([2, 3]), t([2, 1])]],
  ["take rows with repeats", (x) => dl.take(x, [2, 0, 2]), [t([3, 2])]],
  ["take axis 1", (x) => dl.take(x, [1], 1), [t([2, 3])]],
  ["softmax last axis", (x) => dl.softmax(x), [t([2, 4])]],
  ["softmax axis 0", (x) => dl.softmax(x, 0), [t([3, 2])]],
  ["logSoftmax axis 1", (x) => dl.logSoftmax(x, 1), [t([2, 3, 2])]],
  ["logSumExp all", (x) => dl.logSumExp(x), [t([2, 3])]],
  ["logSumExp axis 1", (x) => dl.logSumExp(x, 1), [t([2, 3])]],
  [
    "chain x@w+b sigmoid mean",
    (x, w, b) => x.matmul(w).add(b).sigmoid().mean(),
    [t([4, 3]), t([3, 2]), t([2])],
  ],
];

// Every suite below runs under both kernel implementations (tests/each-kernels.ts).
describeKernels("grad-check", () => {
  describe("gradCheck table", () => {
    it.each(table)("%s", (_, f, inputs) => {
      const result = dl.gradCheck(f, inputs);
      expect(result.passed, result.toString()).toBe(true);
      expect(result.rows).toHaveLength(inputs.length);
    });
  });

  describe("gradCheck", () => {
    it("catches a deliberately wrong backward (negative control)", () => {
      // A "square" whose backward forgets the factor 2.
      const badSquare = (x: dl.Tensor) => {
        const out = new dl.Tensor(
          x.data.map((v) => v * v),
          x.shape,
        );
        return attach(out, "badSquare", [x], (g) => {
          const gx = gradOf(x);
          for (let i = 0; i < gx.length; i++) gx[i] += x.data[i] * g[i];
        });
      };
      const result = dl.gradCheck(badSquare, [dl.tensor([1, 2, 3])]);
      expect(result.passed).toBe(false);
      expect(result.rows[0].maxRelError).toBeCloseTo(1 / 3, 6); // |x − 2x| / (|x| + |2x|)
      expect(result.toString()).toMatch(/gradient check FAILED/);
    });

    it("accepts named inputs and prints a table with one row per name", () => {
      const w1 = dl.tensor([[0.5, -1]]);
      const b = dl.tensor([0.2]);
      const result = dl.gradCheck(({ w1, b }) => dl.sum(dl.tanh(dl.add(w1, b))), { w1, b });
      expect(result.passed).toBe(true);
      expect(result.rows.map((row) => row.name)).toEqual(["w1", "b"]);
      expect(result.toString()).toMatch(
        /^input\s+max abs error\s+max rel error\s+worst index\s+passed\nw1 /,
      );
      expect(w1.grad).toBeNull(); // the caller's tensors are left alone
    });
  });
});
