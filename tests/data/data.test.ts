import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArgumentError, ShapeError, Tensor, rng, tensor } from "../../lib";
import { randomCrop, randomFlip, randomRotate, rotate } from "../../lib/data/augment";
import { loadDigits } from "../../lib/data/digits";
import { andGate, orGate, xorGate } from "../../lib/data/gates";
import { genderTable } from "../../lib/data/gender";
import { batches, oneHot, shuffle, standardize, trainTestSplit } from "../../lib/data/split";
import {
  blobs,
  circles,
  linearlySeparable,
  moons,
  sampleFunction,
  spirals,
} from "../../lib/data/toy";

describe("genderTable", () => {
  it("genderTable() has the lecture's exact rows, centring and F = 1, M = 0", () => {
    const t = genderTable();
    expect(t.names).toEqual(["Alice", "Bob", "Charlie", "Diana"]);
    expect(t.raw.toArray()).toEqual([
      [133, 65],
      [160, 72],
      [152, 70],
      [120, 60],
    ]);
    expect(t.x.toArray()).toEqual([
      [-2, -1],
      [25, 6],
      [17, 4],
      [-15, -6],
    ]);
    expect(t.y.toArray()).toEqual([[1], [0], [0], [1]]);
    expect(t.shift).toEqual([135, 66]);
  });
});

describe("logic gates", () => {
  it.each([
    ["andGate", andGate, [0, 0, 0, 1]],
    ["orGate", orGate, [0, 1, 1, 1]],
    ["xorGate", xorGate, [0, 1, 1, 0]],
  ])("%s() gives the truth table over 00, 01, 10, 11", (_, gate, outputs) => {
    const { x, y } = gate();
    expect(x.toArray()).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    expect(Array.from(y.data)).toEqual(outputs);
  });
});

describe("toy generators share one signature", () => {
  it.each([
    ["blobs", blobs, [50], 3],
    ["spirals", spirals, [50], 3],
    ["moons", moons, [50, 1], 2],
    ["circles", circles, [50, 1], 2],
    ["linearlySeparable", linearlySeparable, [50, 1], 2],
  ] as const)(
    "%s({ n: 50, rng }) gives x [50, 2], y %j, classes balanced, seeded",
    (_, gen, yShape, classes) => {
      const a = gen({ n: 50, noise: 0.1, rng: rng(1) });
      const b = gen({ n: 50, noise: 0.1, rng: rng(1) });
      expect(a.x.shape).toEqual([50, 2]);
      expect(a.y.shape).toEqual(yShape);
      expect(new Set(a.y.data).size).toBe(classes);
      expect(a.x.data).toEqual(b.x.data);
      expect(() => gen({ n: 0, rng: rng(1) })).toThrow(/n must be an integer ≥ 1, got 0/);
    },
  );

  it("linearlySeparable labels follow the line x2 > 0.5·x1 + 0.1 when noise is 0", () => {
    const { x, y } = linearlySeparable({ n: 100, rng: rng(2) });
    for (let i = 0; i < 100; i++) {
      expect(y.data[i]).toBe(x.data[2 * i + 1] > 0.5 * x.data[2 * i] + 0.1 ? 1 : 0);
    }
  });

  it("sampleFunction samples f on an even grid", () => {
    const { x, y } = sampleFunction({ n: 5, f: (v) => v * v, low: -2, high: 2 });
    expect(Array.from(x.data)).toEqual([-2, -1, 0, 1, 2]);
    expect(Array.from(y.data)).toEqual([4, 1, 0, 1, 4]);
    expect(() => sampleFunction({ n: 5, noise: 0.1 })).toThrow(/noise > 0 needs an rng/);
  });
});

describe("loadDigits", () => {
  it("loads 1797 images, flat [N, 64] or [N, 1, 8, 8], pixels in [0, 1], labels 0..9", () => {
    const flat = loadDigits();
    expect(flat.x.shape).toEqual([1797, 64]);
    expect(flat.y.shape).toEqual([1797]);
    expect(Math.max(...flat.x.data)).toBe(1);
    expect(new Set(flat.y.data)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const images = loadDigits({ layout: "images", scale: false, limit: 10 });
    expect(images.x.shape).toEqual([10, 1, 8, 8]);
    expect(images.x.data[2]).toBe(5); // first row of the file: 0,0,5,13,…
    expect(images.y.data[0]).toBe(0);
  });
});

describe("split, shuffle, batches, standardize, oneHot", () => {
  const data = {
    x: tensor([[0], [1], [2], [3], [4], [5], [6], [7], [8], [9]]),
    y: tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
  };

  it("trainTestSplit partitions the rows, keeping x and y paired", () => {
    const { train, test } = trainTestSplit(data, { testSize: 0.3, rng: rng(0) });
    expect(test.x.shape).toEqual([3, 1]);
    expect(train.x.shape).toEqual([7, 1]);
    const all = [...train.x.data, ...test.x.data].sort((a, b) => a - b);
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(train.x.data).toEqual(train.y.data);
    expect(() => trainTestSplit(data, { testSize: 1.5, rng: rng(0) })).toThrow(ArgumentError);
  });

  it("shuffle is a permutation that keeps pairs (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
        const s = shuffle(data, rng(seed));
        expect([...s.x.data].sort((a, b) => a - b)).toEqual([...data.x.data]);
        expect(s.x.data).toEqual(s.y.data);
      }),
      { numRuns: 50 },
    );
  });

  it("batches: sizes 4, 4, 2; batchSize 1 gives N batches; bad sizes throw", () => {
    expect(batches(data, { batchSize: 4 }).map((b) => b.x.shape[0])).toEqual([4, 4, 2]);
    expect(batches(data, { batchSize: 1, rng: rng(1) })).toHaveLength(10);
    expect(() => batches(data, { batchSize: 0 })).toThrow(
      /batches: batchSize must be an integer ≥ 1, got 0/,
    );
    expect(() => batches({ x: tensor([[1]]), y: tensor([1, 2]) }, { batchSize: 1 })).toThrow(
      ShapeError,
    );
    expect(() =>
      batches({ x: new Tensor(new Float64Array(0), [0, 2]), y: tensor([]) }, { batchSize: 1 }),
    ).toThrow(/data is empty/);
  });

  it("standardize fits on train and applies the same statistics to test", () => {
    const s = standardize(
      tensor([
        [1, 10],
        [3, 10],
      ]),
    );
    expect(
      s
        .apply(
          tensor([
            [1, 10],
            [3, 10],
          ]),
        )
        .toArray(),
    ).toEqual([
      [-1, 0],
      [1, 0],
    ]);
    expect(s.apply(tensor([[5, 11]])).toArray()).toEqual([[3, 1]]);
    expect(() => s.apply(tensor([[1, 2, 3]]))).toThrow(ShapeError);
  });

  it("oneHot encodes labels and rejects out-of-range ones", () => {
    expect(oneHot(tensor([2, 0]), 3).toArray()).toEqual([
      [0, 0, 1],
      [1, 0, 0],
    ]);
    expect(() => oneHot([3], 3)).toThrow(
      /oneHot: label 3 at index 0 is not an integer in \[0, 3\)/,
    );
  });
});

describe("augmentation", () => {
  const image = tensor([
    [
      [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
    ],
  ]);

  it("randomFlip with p = 1 mirrors left–right; twice is the identity", () => {
    const flipped = randomFlip(image, { rng: rng(0), p: 1 });
    expect(flipped.toArray()).toEqual([
      [
        [
          [3, 2, 1],
          [6, 5, 4],
          [9, 8, 7],
        ],
      ],
    ]);
    expect(randomFlip(flipped, { rng: rng(0), p: 1 }).toArray()).toEqual(image.toArray());
  });

  it("randomCrop shifts by at most padding and fills with zeros; padding 0 is the identity", () => {
    expect(randomCrop(image, { rng: rng(0), padding: 0 }).toArray()).toEqual(image.toArray());
    // Every output is the image shifted by some (dy, dx) in {−1, 0, 1}², zeros coming in.
    const shifted = (dy: number, dx: number) =>
      [0, 1, 2].map((i) =>
        [0, 1, 2].map((j) =>
          i + dy >= 0 && i + dy < 3 && j + dx >= 0 && j + dx < 3
            ? image.get(0, 0, i + dy, j + dx)
            : 0,
        ),
      );
    const shifts = [-1, 0, 1].flatMap((dy) =>
      [-1, 0, 1].map((dx) => JSON.stringify(shifted(dy, dx))),
    );
    const seen = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const out = JSON.stringify(
        (randomCrop(image, { rng: rng(seed), padding: 1 }).toArray() as number[][][][])[0][0],
      );
      expect(shifts).toContain(out);
      seen.add(out);
    }
    expect(seen.size).toBeGreaterThan(4);
  });

  it("rotate by 0 is the identity; by 90° turns the image counter-clockwise", () => {
    rotate(image, 0).data.forEach((v, i) => expect(v).toBeCloseTo(image.data[i], 12));
    const turned = rotate(image, 90).toArray() as number[][][][];
    const expected = [
      [3, 6, 9],
      [2, 5, 8],
      [1, 4, 7],
    ];
    turned[0][0].forEach((row, i) =>
      row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 12)),
    );
  });

  it("randomRotate is seeded; augmentation needs images [N, C, H, W]", () => {
    const a = randomRotate(image, { rng: rng(5), maxDegrees: 15 });
    const b = randomRotate(image, { rng: rng(5), maxDegrees: 15 });
    expect(a.data).toEqual(b.data);
    expect(() => randomFlip(tensor([[1, 2]]), { rng: rng(0) })).toThrow(
      /randomFlip: expected images \[N, C, H, W\], got \[1, 2\]/,
    );
  });
});
