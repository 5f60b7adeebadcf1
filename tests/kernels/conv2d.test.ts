import { describe, expect, it } from "vitest";
import { ArgumentError, ShapeError } from "../../lib/errors";
import { conv2dBackward, conv2dDims, conv2dForward } from "../../lib/kernels/conv2d";
import { conv2dBackwardReference, conv2dReference } from "../../lib/kernels/conv2d-reference";
import { Rng } from "../../lib/data/rng";
import { expectClose, randomArray } from "./helpers";

// The top-left 3x3 window of the lecture's 8x8 source layer: the first destination value
// depends on it only.
const window3x3 = [5, 2, 6, 4, 3, 4, 3, 9, 2];
const kernel = [-1, 0, 1, 2, 1, 2, 1, -2, 0];

describe("conv2dDims", () => {
  it("conv2dDims computes OH = floor((H + 2p - KH) / s) + 1", () => {
    const table: [number[], number[], { stride?: number; padding?: number }, number, number][] = [
      [[1, 1, 8, 8], [1, 1, 3, 3], {}, 6, 6],
      [[2, 3, 28, 28], [8, 3, 3, 3], { padding: 1 }, 28, 28],
      [[1, 1, 7, 9], [1, 1, 3, 2], { stride: 2, padding: 2 }, 5, 6],
      [[1, 1, 1, 1], [1, 1, 1, 1], { stride: 3 }, 1, 1],
    ];
    for (const [xs, ws, opts, oh, ow] of table) {
      const d = conv2dDims(xs, ws, opts);
      expect([d.oh, d.ow]).toEqual([oh, ow]);
    }
  });

  it("conv2dDims throws ShapeError naming both shapes", () => {
    expect(() => conv2dDims([1, 3, 8, 8], [4, 2, 3, 3], {})).toThrow(ShapeError);
    expect(() => conv2dDims([1, 3, 8, 8], [4, 2, 3, 3], {})).toThrow(
      /conv2d: .*channels.*\[1, 3, 8, 8\].*\[4, 2, 3, 3\]/,
    );
    expect(() => conv2dDims([1, 1, 2, 2], [1, 1, 5, 5], { padding: 1 })).toThrow(
      /conv2d: kernel larger/,
    );
    expect(() => conv2dDims([1, 8, 8], [1, 1, 3, 3], {})).toThrow(
      /conv2d: expected x \[N, C, H, W\]/,
    );
  });

  it("conv2dDims throws ArgumentError for a bad stride or padding", () => {
    expect(() => conv2dDims([1, 1, 8, 8], [1, 1, 3, 3], { stride: 0 })).toThrow(ArgumentError);
    expect(() => conv2dDims([1, 1, 8, 8], [1, 1, 3, 3], { stride: 1.5 })).toThrow(/conv2d: stride/);
    expect(() => conv2dDims([1, 1, 8, 8], [1, 1, 3, 3], { padding: -1 })).toThrow(
      /conv2d: padding .*-1/,
    );
  });
});

describe("conv2dForward", () => {
  it("reproduces the lecture: first destination value is 5 (no kernel flip)", () => {
    const d = conv2dDims([1, 1, 3, 3], [1, 1, 3, 3], {});
    const x = Float64Array.from(window3x3);
    const w = Float64Array.from(kernel);
    // (-1*5)+(0*2)+(1*6)+(2*4)+(1*3)+(2*4)+(1*3)+(-2*9)+(0*2) = 5
    expect(conv2dForward(x, w, null, d)[0]).toBe(5);
    expect(conv2dReference(x, w, null, d)[0]).toBe(5);
  });

  it("a delta kernel convolves to the identity", () => {
    const rng = new Rng(3);
    const d = conv2dDims([2, 1, 5, 6], [1, 1, 3, 3], { padding: 1 });
    const x = randomArray(rng, 60);
    const delta = Float64Array.from([0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(Array.from(conv2dForward(x, delta, null, d))).toEqual(Array.from(x));
  });

  it("matches the reference on random shapes, strides 1-3 and paddings 0-2 (rel. error < 1e-12)", () => {
    const rng = new Rng(11);
    for (let trial = 0; trial < 40; trial++) {
      const c = rng.int(1, 5);
      const kh = rng.int(1, 4);
      const kw = rng.int(1, 4);
      const xShape = [rng.int(1, 4), c, rng.int(kh, 12), rng.int(kw, 12)];
      const wShape = [rng.int(1, 6), c, kh, kw];
      const d = conv2dDims(xShape, wShape, { stride: rng.int(1, 4), padding: rng.int(0, 3) });
      const x = randomArray(rng, d.n * c * d.h * d.w);
      const w = randomArray(rng, d.f * c * kh * kw);
      const bias = trial % 2 === 0 ? randomArray(rng, d.f) : null;
      expectClose(conv2dForward(x, w, bias, d), conv2dReference(x, w, bias, d), 1e-12);
      const gradOut = randomArray(rng, d.n * d.f * d.oh * d.ow);
      const fast = conv2dBackward(x, w, gradOut, d);
      const ref = conv2dBackwardReference(x, w, gradOut, d);
      expectClose(fast.dx, ref.dx, 1e-12);
      expectClose(fast.dw, ref.dw, 1e-12);
      expectClose(fast.db, ref.db, 1e-12);
    }
  });

  it("conv2dBackward with inputGrad: false skips dx and gives the same dw and db", () => {
    const rng = new Rng(6);
    const d = conv2dDims([3, 2, 9, 7], [4, 2, 3, 3], { padding: 1 });
    const x = randomArray(rng, 3 * 2 * 9 * 7);
    const w = randomArray(rng, 4 * 2 * 9);
    const g = randomArray(rng, d.n * d.f * d.oh * d.ow);
    const full = conv2dBackward(x, w, g, d);
    const partial = conv2dBackward(x, w, g, d, { inputGrad: false });
    expect(partial.dx).toHaveLength(0);
    expect(Array.from(partial.dw)).toEqual(Array.from(full.dw));
    expect(Array.from(partial.db)).toEqual(Array.from(full.db));
  });

  it("backward matches central differences of sum(out · g)", () => {
    const rng = new Rng(5);
    const d = conv2dDims([1, 2, 5, 4], [3, 2, 3, 2], { stride: 2, padding: 1 });
    const x = randomArray(rng, 40);
    const w = randomArray(rng, 36);
    const g = randomArray(rng, d.n * d.f * d.oh * d.ow);
    const loss = (): number => conv2dForward(x, w, null, d).reduce((s, v, i) => s + v * g[i], 0);
    const { dx, dw } = conv2dBackward(x, w, g, d);
    const eps = 1e-6;
    for (const [arr, grad] of [
      [x, dx],
      [w, dw],
    ] as const) {
      for (let i = 0; i < arr.length; i += 3) {
        const old = arr[i];
        arr[i] = old + eps;
        const up = loss();
        arr[i] = old - eps;
        const down = loss();
        arr[i] = old;
        expect(grad[i]).toBeCloseTo((up - down) / (2 * eps), 6);
      }
    }
  });
});
