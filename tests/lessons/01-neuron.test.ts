// Lesson 1's numbers, pinned against the library: the neuron by hand, the M–P truth tables, the
// ReLU layer's zero fraction (seed 0), the sigmoid's vanishing slopes, the 2-2-1 feedforward.
import { describe, expect, it } from "vitest";
import { describeKernels } from "../each-kernels";
import { rng } from "../../lib/rng";
import { Linear } from "../../lib/nn/linear";
import { MP_GATES, mcCullochPitts, truthTable } from "../../lib/nn/mcculloch-pitts";
import { relu, sigmoid } from "../../lib/tensor/activations";
import { randn, tensor } from "../../lib/tensor/creation";

const ys = (unit: { weights: readonly number[]; threshold: number }, n = 2) =>
  truthTable(mcCullochPitts(unit), n).map((r) => r.y);

// Every suite below runs under both kernel implementations (tests/each-kernels.ts).
describeKernels("01-neuron", () => {
  describe("lesson 01-neuron", () => {
    it("y = σ(2·0 + 3·1 + 4) = σ(7) = 0.9991", () => {
      const y = sigmoid(
        tensor([[2, 3]])
          .matmul(tensor([[0], [1]]))
          .add(4),
      ).item();
      expect(y).toBeCloseTo(1 / (1 + Math.exp(-7)), 12);
      expect(y.toFixed(4)).toBe("0.9991");
    });

    it.each([
      ["AND (1, 1; θ 2)", MP_GATES.and, 2, [0, 0, 0, 1]],
      ["OR (1, 1; θ 1)", MP_GATES.or, 2, [0, 1, 1, 1]],
      ["NOT (−1; θ 0)", MP_GATES.not, 1, [1, 0]],
      ["NAND (−1, −1; θ −1)", { weights: [-1, -1], threshold: -1 }, 2, [1, 1, 1, 0]],
    ] as const)("McCulloch–Pitts %s truth table", (_, unit, n, expected) => {
      expect(ys(unit, n)).toEqual(expected);
    });

    it("a random ReLU layer (seed 0: 256×100 inputs, Linear(100, 512)) is 0.4995 zeros", () => {
      const r = rng(0);
      const x = randn([256, 100], r);
      const h = relu(new Linear(100, 512, { rng: r }).forward(x));
      const fraction = h.data.filter((v) => v === 0).length / h.size;
      expect(fraction.toFixed(4)).toBe("0.4995");
    });

    it("σ′ at z = 0, 2, 5, 10 is 0.25, 0.105, 0.00665, 4.54e-5 (vanishing)", () => {
      const z = tensor([0, 2, 5, 10], { requiresGrad: true });
      sigmoid(z).sum().backward();
      const g = Array.from(z.grad!.data);
      expect(g[0]).toBe(0.25);
      expect(g[1]).toBeCloseTo(0.104994, 6);
      expect(g[2]).toBeCloseTo(0.0066481, 7);
      expect(g[3]).toBeCloseTo(4.5396e-5, 9);
    });

    it("the 2-2-1 network with weights (0, 1), bias 0 on x = (2, 3): h = 0.9526, o1 = 0.7216", () => {
      const hidden = sigmoid(
        tensor([[2, 3]]).matmul(
          tensor([
            [0, 0],
            [1, 1],
          ]),
        ),
      );
      const out = sigmoid(hidden.matmul(tensor([[0], [1]]))).item();
      expect(Array.from(hidden.data).map((v) => v.toFixed(4))).toEqual(["0.9526", "0.9526"]);
      expect(out.toFixed(4)).toBe("0.7216");
    });
  });
});
