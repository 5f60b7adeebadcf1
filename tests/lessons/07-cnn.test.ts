// Lesson 7's numbers, pinned against the library: the lecture's convolution and pooling, output
// sizes, parameter counts, and the seeded CNN vs MLP on held-out digits.
import { describe, expect, it } from "vitest";
import { describeKernels } from "../each-kernels";
import { loadDigits } from "../../lib/data/digits";
import { Rng } from "../../lib/rng";
import { trainTestSplit } from "../../lib/data/split";
import { conv2dDims } from "../../lib/kernels/dims";
import { configureFast, fast } from "../../lib/kernels/fast";
import { reference } from "../../lib/kernels/reference";
import { Conv2d, conv2d } from "../../lib/nn/conv";
import { Flatten, Sequential } from "../../lib/nn/layers";
import { Linear } from "../../lib/nn/linear";
import { ReLU } from "../../lib/nn/activations";
import { softmaxCrossEntropy } from "../../lib/nn/losses";
import { MaxPool2d, avgPool2d, maxPool2d } from "../../lib/nn/pool";
import { Adam } from "../../lib/optim/adam";
import { tensor, randn } from "../../lib/tensor/creation";
import { evaluate } from "../../lib/train/evaluate";
import { fit } from "../../lib/train/fit";
import { DESTINATION, KERNEL, POOL, SOURCE } from "../lecture-convolution";

// Every suite below runs under both kernel implementations (tests/each-kernels.ts).
describeKernels("07-cnn", () => {
  describe("lesson 7: the lecture's convolution", () => {
    const out = conv2d(tensor([[SOURCE]]), tensor([[KERNEL]]), null);

    it("the first destination value is (−1×5)+(0×2)+(1×6)+(2×4)+(1×3)+(2×4)+(1×3)+(−2×9)+(0×2) = 5", () => {
      expect(-1 * 5 + 0 * 2 + 1 * 6 + 2 * 4 + 1 * 3 + 2 * 4 + 1 * 3 + -2 * 9 + 0 * 2).toBe(5);
      expect(out.data[0]).toBe(5);
    });

    it("the whole 6x6 destination layer", () => {
      expect(out.shape).toEqual([1, 1, 6, 6]);
      expect(out.toArray()).toEqual([[DESTINATION]]);
    });

    it.each([
      [{ padding: 0, stride: 1 }, 6],
      [{ padding: 1, stride: 1 }, 8],
      [{ padding: 1, stride: 2 }, 4],
      [{ padding: 0, stride: 2 }, 3],
    ])("with %j the output side is ⌊(8 + 2p − 3)/s⌋ + 1 = %i", (o, side) => {
      expect(conv2d(tensor([[SOURCE]]), tensor([[KERNEL]]), null, o).shape).toEqual([
        1,
        1,
        side,
        side,
      ]);
    });

    it("naive and fast convolution agree on the timing workload [64, 8, 8, 8] ⋆ [16, 8, 3, 3]", () => {
      const x = randn([64, 8, 8, 8], new Rng(3));
      const w = randn([16, 8, 3, 3], new Rng(4));
      const d = conv2dDims(x.shape, w.shape, { padding: 1 });
      const a = reference.conv2dForward(x.data, w.data, null, d);
      const b = fast.conv2dForward(x.data, w.data, null, d);
      expect(Math.max(...a.map((v, i) => Math.abs(v - b[i])))).toBeLessThan(1e-9);
      // the lesson's claim: the TypeScript micro-kernel gives the WebAssembly one's bits
      configureFast({ matmul: "js" });
      const bJs = fast.conv2dForward(x.data, w.data, null, d);
      configureFast({});
      expect(bJs).toEqual(b);
    });
  });

  describe("lesson 7: pooling", () => {
    it("2x2 max pooling of the lecture's 4x4 layer gives [[8, 9], [5, 6]]", () => {
      expect(maxPool2d(tensor([[POOL]]), { size: 2 }).toArray()).toEqual([
        [
          [
            [8, 9],
            [5, 6],
          ],
        ],
      ]);
    });

    it("2x2 average pooling gives [[5, 5.5], [3.5, 3]]", () => {
      expect(avgPool2d(tensor([[POOL]]), { size: 2 }).toArray()).toEqual([
        [
          [
            [5, 5.5],
            [3.5, 3],
          ],
        ],
      ]);
    });
  });

  function makeCnn(seed: number): Sequential {
    const rng = new Rng(seed);
    return new Sequential([
      new Conv2d(1, 8, { kernelSize: 3, padding: 1, rng }),
      new ReLU(),
      new MaxPool2d({ size: 2 }),
      new Conv2d(8, 16, { kernelSize: 3, padding: 1, rng }),
      new ReLU(),
      new MaxPool2d({ size: 2 }),
      new Flatten(),
      new Linear(64, 10, { rng }),
    ]);
  }
  function makeMlp(seed: number): Sequential {
    const rng = new Rng(seed);
    return new Sequential([
      new Flatten(),
      new Linear(64, 24, { rng }),
      new ReLU(),
      new Linear(24, 10, { rng }),
    ]);
  }

  describe("lesson 7: the small CNN on the digits (split seed 7, model seed 1, shuffle seed 2)", () => {
    it("parameter counts: CNN 80 + 1168 + 650 = 1898, MLP 1560 + 250 = 1810", () => {
      expect(makeCnn(1).parameterCount()).toBe(1898);
      expect(makeMlp(1).parameterCount()).toBe(1810);
    });

    it("AlexNet's layers sum to 60,965,224 parameters", () => {
      const conv = (f: number, c: number, k: number) => f * c * k * k + f;
      const dense = (i: number, o: number) => i * o + o;
      const total =
        conv(96, 3, 11) +
        conv(256, 48, 5) +
        conv(384, 256, 3) +
        conv(384, 192, 3) +
        conv(256, 192, 3) +
        dense(6 * 6 * 256, 4096) +
        dense(4096, 4096) +
        dense(4096, 1000);
      expect(total).toBe(60_965_224);
    });

    it("the CNN beats chance (0.1) by far on 449 held-out digits, and the MLP of similar size", () => {
      const { train, test } = trainTestSplit(loadDigits({ layout: "images" }), {
        testSize: 0.25,
        rng: new Rng(7),
      });
      expect(test.x.shape[0]).toBe(449);
      const accuracyOf = (model: Sequential) => {
        fit(model, train, {
          epochs: 8,
          batchSize: 32,
          rng: new Rng(2),
          display: "none",
          loss: softmaxCrossEntropy,
          optimizer: new Adam(model.parameters(), { lr: 0.01 }),
        });
        return evaluate(model, test, { loss: softmaxCrossEntropy, metrics: ["accuracy"] }).accuracy;
      };
      const cnn = accuracyOf(makeCnn(1));
      const mlp = accuracyOf(makeMlp(1));
      // The lesson states 0.978 (439 of 449) for the CNN and 0.976 for the MLP with these seeds.
      expect(cnn).toBeGreaterThan(0.95);
      expect(cnn).toBeCloseTo(439 / 449, 2);
      expect(cnn).toBeGreaterThan(mlp);
    }, 180_000); // the reference kernels' run takes ~30 s on a busy machine
  });
});
