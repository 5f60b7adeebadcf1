import { describe, expect, it } from "vitest";
import { ArgumentError, ShapeError } from "../../lib/errors";
import { Rng } from "../../lib/data/rng";
import {
  avgPool2dBackward,
  avgPool2dForward,
  maxPool2dBackward,
  maxPool2dForward,
  pool2dDims,
} from "../../lib/kernels/pool2d";
import { avgPool2dReference, maxPool2dReference } from "../../lib/kernels/pool2d-reference";
import { expectClose, randomArray } from "./helpers";

describe("pool2dDims", () => {
  it("pool2dDims defaults stride to size and computes OH = floor((H - size) / stride) + 1", () => {
    const table: [number[], { size: number; stride?: number }, number, number][] = [
      [[1, 1, 4, 4], { size: 2 }, 2, 2],
      [[1, 1, 5, 7], { size: 2 }, 2, 3],
      [[1, 1, 5, 7], { size: 3, stride: 1 }, 3, 5],
    ];
    for (const [xs, opts, oh, ow] of table) {
      const d = pool2dDims(xs, opts);
      expect([d.oh, d.ow]).toEqual([oh, ow]);
    }
  });

  it("pool2dDims throws named errors", () => {
    expect(() => pool2dDims([1, 1, 4], { size: 2 })).toThrow(ShapeError);
    expect(() => pool2dDims([1, 1, 1, 4], { size: 2 })).toThrow(
      /pool2d: window 2x2 larger .*\[1, 1, 1, 4\]/,
    );
    expect(() => pool2dDims([1, 1, 4, 4], { size: 0 })).toThrow(ArgumentError);
    expect(() => pool2dDims([1, 1, 4, 4], { size: 2, stride: 0.5 })).toThrow(
      /pool2d: stride .*0\.5/,
    );
  });
});

describe("maxPool2d", () => {
  it("reproduces the lecture: 2x2 max pool of the 4x4 layer gives [[8,9],[5,6]]", () => {
    const x = Float64Array.from([4, 1, 5, 0, 7, 8, 9, 8, 3, 5, 6, 5, 2, 4, 1, 0]);
    const d = pool2dDims([1, 1, 4, 4], { size: 2 });
    const { out, argmax } = maxPool2dForward(x, d);
    expect(Array.from(out)).toEqual([8, 9, 5, 6]);
    expect(Array.from(argmax)).toEqual([5, 6, 9, 10]);
    const dx = maxPool2dBackward(Float64Array.from([1, 2, 3, 4]), argmax, d);
    expect(Array.from(dx)).toEqual([0, 0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 0]);
  });

  it("fast max and average pooling match the reference on random shapes", () => {
    const rng = new Rng(7);
    for (let trial = 0; trial < 30; trial++) {
      const size = rng.int(1, 4);
      const d = pool2dDims([rng.int(1, 3), rng.int(1, 4), rng.int(size, 12), rng.int(size, 12)], {
        size,
        stride: rng.int(1, 4),
      });
      const x = randomArray(rng, d.n * d.c * d.h * d.w);
      const fast = maxPool2dForward(x, d);
      const ref = maxPool2dReference(x, d);
      expect(Array.from(fast.out)).toEqual(Array.from(ref.out));
      expect(Array.from(fast.argmax)).toEqual(Array.from(ref.argmax));
      expectClose(avgPool2dForward(x, d), avgPool2dReference(x, d), 1e-14);
    }
  });

  it("average pooling backward is the adjoint of forward: <avg(x), g> = <x, avgBack(g)>", () => {
    const rng = new Rng(9);
    const d = pool2dDims([2, 3, 7, 6], { size: 3, stride: 2 });
    const x = randomArray(rng, d.n * d.c * d.h * d.w);
    const g = randomArray(rng, d.n * d.c * d.oh * d.ow);
    const lhs = avgPool2dForward(x, d).reduce((s, v, i) => s + v * g[i], 0);
    const rhs = avgPool2dBackward(g, d).reduce((s, v, i) => s + v * x[i], 0);
    expect(lhs).toBeCloseTo(rhs, 12);
  });
});

describe("maxPool2dForward ties and NaN", () => {
  it("takes the first of equal values and skips NaN after the first element, like the reference", () => {
    const table = [
      [3, 3, 3, 3],
      [1, NaN, 2, 0],
      [NaN, 5, 6, 7],
      [-Infinity, -Infinity, -Infinity, -1],
    ];
    for (const size of [2, 3]) {
      for (const values of table) {
        const x = Float64Array.from({ length: 9 }, (_, i) => values[i % 4]);
        const d = pool2dDims([1, 1, 3, 3], { size, stride: 1 });
        const fast = maxPool2dForward(x, d);
        const ref = maxPool2dReference(x, d);
        expect(Array.from(fast.argmax)).toEqual(Array.from(ref.argmax));
        expect(Array.from(fast.out)).toEqual(Array.from(ref.out));
      }
    }
  });
});
