// The fast convolution's packed paths (im2col written straight into the matmul's panels) give
// the bits of the plain path they replace: im2col, then the matmul, per image.
import { describe, expect, it } from "vitest";
import { conv2dDims } from "../../../lib/kernels/dims";
import { conv2dBackward, conv2dForward } from "../../../lib/kernels/fast/conv2d";
import { im2col } from "../../../lib/kernels/fast/im2col";
import { matmulInto, matmulIntoPackedB } from "../../../lib/kernels/fast/matmul";
import { Rng } from "../../../lib/rng";
import { randomArray } from "../helpers";

/** The forward pass as it was before the packed im2col: im2col, then matmulInto, per image. */
function unpackedForward(
  x: Float64Array,
  w: Float64Array,
  bias: Float64Array,
  d: ReturnType<typeof conv2dDims>,
) {
  const ckk = d.c * d.kh * d.kw;
  const plane = d.oh * d.ow;
  const out = new Float64Array(d.n * d.f * plane);
  const cols = new Float64Array(ckk * plane);
  for (let b = 0; b < d.n; b++) {
    im2col(x, b * d.c * d.h * d.w, d, cols);
    matmulInto(w, cols, out.subarray(b * d.f * plane), { m: d.f, k: ckk, n: plane });
  }
  for (let i = 0; i < out.length; i++) out[i] += bias[Math.floor(i / plane) % d.f];
  return out;
}

/** dw as it was computed before the packed colsᵀ: im2col, then g · colsᵀ accumulated per image. */
function unpackedWeightGrad(x: Float64Array, g: Float64Array, d: ReturnType<typeof conv2dDims>) {
  const ckk = d.c * d.kh * d.kw;
  const plane = d.oh * d.ow;
  const dw = new Float64Array(d.f * ckk);
  const cols = new Float64Array(ckk * plane);
  for (let b = 0; b < d.n; b++) {
    im2col(x, b * d.c * d.h * d.w, d, cols);
    const gb = g.subarray(b * d.f * plane, (b + 1) * d.f * plane);
    matmulInto(gb, cols, dw, { m: d.f, k: plane, n: ckk, transB: true, accumulate: true });
  }
  return dw;
}

// [n, c, h, w, f, k, stride, padding]: odd sizes, plane not a multiple of 4, strides, paddings
const cases: number[][] = [
  [2, 1, 28, 28, 8, 3, 1, 1],
  [3, 8, 14, 14, 16, 3, 1, 1],
  [1, 3, 9, 7, 5, 3, 2, 1],
  [2, 2, 11, 13, 7, 2, 3, 2],
  [1, 5, 5, 5, 33, 5, 1, 0],
  [2, 16, 10, 9, 32, 3, 1, 2],
];

describe("conv2dForward with im2col written into packed panels", () => {
  it.each(cases)(
    "equals im2col + matmulInto + bias bit for bit: x [%i, %i, %i, %i], %i filters %ix%i, stride %i, pad %i",
    (n, c, h, width, f, k, stride, padding) => {
      const rng = new Rng(n * 1000 + c * 100 + h);
      const d = conv2dDims([n, c, h, width], [f, c, k, k], { stride, padding });
      const x = randomArray(rng, n * c * h * width);
      const w = randomArray(rng, f * c * k * k);
      const zero = new Float64Array(f);
      expect(Array.from(conv2dForward(x, w, null, d))).toEqual(
        Array.from(unpackedForward(x, w, zero, d)),
      );
      const bias = randomArray(rng, f);
      expect(Array.from(conv2dForward(x, w, bias, d))).toEqual(
        Array.from(unpackedForward(x, w, bias, d)),
      );
    },
  );

  it.each(cases)(
    "dw with colsᵀ written into packed panels equals im2col + matmulInto bit for bit: x [%i, %i, %i, %i], %i filters %ix%i, stride %i, pad %i",
    (n, c, h, width, f, k, stride, padding) => {
      const rng = new Rng(n * 1000 + c * 100 + h + 7);
      const d = conv2dDims([n, c, h, width], [f, c, k, k], { stride, padding });
      const x = randomArray(rng, n * c * h * width);
      const w = randomArray(rng, f * c * k * k);
      const g = randomArray(rng, n * f * d.oh * d.ow);
      const dw = new Float64Array(f * c * k * k);
      conv2dBackward(x, w, g, d, { dx: null, dw, db: null });
      expect(Array.from(dw)).toEqual(Array.from(unpackedWeightGrad(x, g, d)));
    },
  );

  it("matmulIntoPackedB declines problems that are small or exceed one cache block", () => {
    const fill = () => {
      throw new Error("fillB must not be called");
    };
    const out = new Float64Array(4096);
    expect(matmulIntoPackedB(new Float64Array(4), out, { m: 2, k: 2, n: 2 }, fill)).toBe(false);
    const big = { m: 4, k: 300, n: 16 };
    expect(matmulIntoPackedB(new Float64Array(1200), out, big, fill)).toBe(false);
  });
});
