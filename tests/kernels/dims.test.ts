// The sizes of a convolution and a pooling (lesson 7's output-size formula) and their named errors.
import { describe, expect, it } from "vitest";
import { ArgumentError, ShapeError } from "../../lib/errors";
import { conv2dDims, pool2dDims } from "../../lib/kernels/dims";

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
