import { describe, expect, it } from "vitest";
import { compile } from "vega-lite";
import { ShapeError } from "../../lib/errors";
import { clipLine, linearBoundaries } from "../../lib/plot/linear-boundaries";
import { renderSvg } from "../../lib/show/render-svg";

const pts = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const ys = [0, 0, 0, 1];
const history = {
  weights: [
    [1, 0],
    [1, 1],
  ],
  bias: [-0.5, -1.5],
};

describe("linearBoundaries", () => {
  it("clipLine: x1 + x2 − 1 = 0 in the unit box ends at (0, 1) and (1, 0)", () => {
    const ends = clipLine([1, 1], -1, [0, 0], [1, 1]);
    expect(ends).toHaveLength(2);
    expect(ends).toEqual(
      expect.arrayContaining([
        [0, 1],
        [1, 0],
      ]),
    );
  });

  it("clipLine: no line when w = 0 or when the line misses the box", () => {
    expect(clipLine([0, 0], 1, [0, 0], [1, 1])).toEqual([]);
    expect(clipLine([1, 0], -5, [0, 0], [1, 1])).toEqual([]);
  });

  it.each(["panels", "slider"] as const)(
    "mode %s compiles and renders rects, a line and points",
    (mode) => {
      const spec = linearBoundaries(pts, ys, history, { mode });
      expect(() => compile(spec as never)).not.toThrow();
      const svg = renderSvg(spec);
      expect(svg).toMatch(/<svg/);
      expect(svg).toMatch(/path/);
      expect(spec.description).toMatch(/after each of 2 epochs/);
    },
  );

  it("panels: one facet per epoch, each with the 4 points", () => {
    const spec = linearBoundaries(pts, ys, history);
    const values = (spec.data as { values: { kind: string; epoch: number }[] }).values;
    expect(new Set(values.map((v) => v.epoch))).toEqual(new Set([1, 2]));
    expect(values.filter((v) => v.kind === "point" && v.epoch === 2)).toHaveLength(4);
    expect(values.filter((v) => v.kind === "line" && v.epoch === 1)).toHaveLength(2);
  });

  it("throws ShapeError when weights and biases disagree", () => {
    expect(() => linearBoundaries(pts, ys, { weights: [[1, 1]], bias: [] })).toThrow(ShapeError);
    expect(() => linearBoundaries(pts, ys, { weights: [], bias: [] })).toThrow(
      /linearBoundaries: expected weights/,
    );
  });
});
