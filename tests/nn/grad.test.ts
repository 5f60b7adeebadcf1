import { describe, expect, it } from "vitest";
import { describeKernels } from "../each-kernels";
import { Tensor, gradCheck, randn, rng, tanh } from "../../lib";
import { Maxout, Softmax, Step } from "../../lib/nn/activations";
import { conv2d } from "../../lib/nn/conv";
import { Flatten, dropout } from "../../lib/nn/layers";
import { linear } from "../../lib/nn/linear";
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  mae,
  mse,
  softmaxCrossEntropy,
} from "../../lib/nn/losses";
import { avgPool2d, maxPool2d } from "../../lib/nn/pool";
import { l1Penalty, l2Penalty } from "../../lib/optim/penalties";

const r = rng(2024);
const gauss = (...shape: number[]) => randn(shape, r);
/** Uniform values in [low, high): probabilities, targets. */
const uniform = (shape: number[], low: number, high: number) =>
  new Tensor(
    Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => r.uniform(low, high)),
    shape,
  );
/** Distinct values (a shuffled ramp), so max pooling has no ties. */
const distinct = (...shape: number[]) => {
  const n = shape.reduce((a, b) => a * b, 1);
  return new Tensor(
    Float64Array.from(r.permutation(n), (v) => v * 0.37 - 3),
    shape,
  );
};
/** Values at least 0.2 away from 0 (the kink of |x| and of the step). */
const awayFromZero = (...shape: number[]) =>
  new Tensor(
    Float64Array.from(gauss(...shape).data, (v) => (v >= 0 ? v + 0.2 : v - 0.2)),
    shape,
  );

const labels = new Tensor(Float64Array.of(2, 0, 1, 2), [4]);
const target = gauss(3, 2);
const probs = uniform([5, 1], 0, 1);
/** t ± d, alternating: predictions that are never equal to the target. */
const shifted = (t: Tensor, d: number) =>
  new Tensor(
    t.data.map((v, i) => v + (i % 2 ? d : -d)),
    t.shape,
  );

// One table drives every gradient check: name, function, inputs.
const cases: [string, (...t: Tensor[]) => Tensor, Tensor[]][] = [
  ["linear x·W + b", (x, w, b) => linear(x, w, b), [gauss(3, 4), gauss(4, 2), gauss(2)]],
  ["linear without bias", (x, w) => linear(x, w, null), [gauss(3, 4), gauss(4, 2)]],
  [
    "two-layer MLP",
    (w1, b1, w2) => linear(tanh(linear(target, w1, b1)), w2, null),
    [gauss(2, 3), gauss(3), gauss(3, 2)],
  ],
  [
    "conv2d stride 2 padding 1",
    (x, w, b) => conv2d(x, w, b, { stride: 2, padding: 1 }),
    [gauss(2, 2, 5, 5), gauss(3, 2, 3, 3), gauss(3)],
  ],
  ["conv2d stride 1 no bias", (x, w) => conv2d(x, w, null), [gauss(1, 1, 4, 4), gauss(2, 1, 2, 2)]],
  ["maxPool2d 2x2 (no ties)", (x) => maxPool2d(x, { size: 2 }), [distinct(2, 2, 4, 4)]],
  ["maxPool2d 3x3 stride 1", (x) => maxPool2d(x, { size: 3, stride: 1 }), [distinct(1, 1, 5, 5)]],
  ["avgPool2d 2x2", (x) => avgPool2d(x, { size: 2 }), [gauss(2, 3, 4, 4)]],
  ["flatten", (x) => new Flatten().forward(x), [gauss(2, 3, 2, 2)]],
  [
    "dropout p 0.3 (fixed mask: same seed)",
    (x) => dropout(x, { p: 0.3, rng: rng(7) }),
    [gauss(4, 5)],
  ],
  ["softmax", (z) => new Softmax().forward(z), [gauss(3, 4)]],
  ["maxout 3 pieces (no ties)", (x) => new Maxout(3).forward(x), [distinct(2, 6)]],
  ["step (zero gradient)", (x) => new Step().forward(x), [awayFromZero(2, 3)]],
  ["mse", (p) => mse(p, target), [gauss(3, 2)]],
  ["mae (away from the kink)", (p) => mae(p, target), [shifted(target, 0.5)]],
  ["binaryCrossEntropy", (p) => binaryCrossEntropy(p, probs), [uniform([5, 1], 0.05, 0.95)]],
  ["binaryCrossEntropyWithLogits", (z) => binaryCrossEntropyWithLogits(z, probs), [gauss(5, 1)]],
  ["softmaxCrossEntropy", (z) => softmaxCrossEntropy(z, labels), [gauss(4, 3)]],
  ["l2Penalty", (a, b) => l2Penalty([a, b], 0.3), [gauss(2, 2), gauss(3)]],
  ["l1Penalty (away from 0)", (a) => l1Penalty([a], 0.3), [awayFromZero(2, 3)]],
];

// Every suite below runs under both kernel implementations (tests/each-kernels.ts).
describeKernels("grad", () => {
  describe("gradCheck over every layer and loss", () => {
    it.each(cases)("%s: analytic gradient matches central differences", (_, f, inputs) => {
      const result = gradCheck(f, inputs, { eps: 1e-6, tol: 1e-6 });
      expect(result.toString()).toMatch(/gradient check passed/);
      expect(result.passed).toBe(true);
    });

    it("a wrong gradient is caught (negative control: dropout with a fresh mask per call)", () => {
      const shared = rng(9);
      const result = gradCheck((x) => dropout(x, { p: 0.5, rng: shared }), [gauss(4, 4)]);
      expect(result.passed).toBe(false);
    });
  });
});
