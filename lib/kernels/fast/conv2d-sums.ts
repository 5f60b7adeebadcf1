import type { Conv2dDims } from "../dims";
import { col2im, im2colPacked } from "./im2col";
import { active } from "./matmul";
import { packB } from "./matmul-pack";
import { withProductSums } from "./matmul-sums";

/**
 * One image of the convolution read straight off the matrix product's sums (./matmul-sums.ts),
 * saving the passes that adding them into an output array costs (a W3 profile spent ~10 % of a
 * step there). Each returns false, doing nothing, when the product does not fit one cache block
 * (or runs on the TypeScript micro-kernel): ./conv2d.ts then takes its usual path, same bits.
 */

/**
 * Forward, one image: outB[o, q] = bias[o] + Σ_p w[o, p] · cols[p, q] (0 + Σ without a bias),
 * written in one pass: the bits of the bias fill plus the packed product (b + Σ).
 * Shapes: x image at xOff [C, H, W], w [F, C·KH·KW], bias [F] or null → outB [F, OH·OW].
 * Example: if (!forwardFromSums(x, xOff, w, bias, d, outB)) … the usual path
 */
export function forwardFromSums(
  x: Float64Array,
  xOff: number,
  w: Float64Array,
  bias: Float64Array | null,
  d: Conv2dDims,
  outB: Float64Array,
): boolean {
  const { f, oh, ow } = d;
  const plane = oh * ow;
  const dims = { m: f, k: d.c * d.kh * d.kw, n: plane };
  const fill = (dst: Float64Array, width: number) => im2colPacked(x, xOff, d, dst, width);
  return withProductSums(active(), w, false, dims, fill, (sums, ld) => {
    for (let o = 0; o < f; o++) {
      const base = bias === null ? 0 : bias[o];
      for (let q = 0, to = o * plane, from = o * ld; q < plane; q++)
        outB[to + q] = base + sums[from + q];
    }
  });
}

/**
 * Backward to the input, one image: dx += col2im(wᵀ · g), col2im reading the sums (no dcols
 * array to zero, add into and read back). The bits of matmulInto into dcols, then col2im.
 * Shapes: w [F, C·KH·KW], g [F, OH·OW] → added into dx[dxOff …], one image [C, H, W].
 * Example: if (!inputGradFromSums(w, g, d, dx, dxOff)) … the usual path
 */
export function inputGradFromSums(
  w: Float64Array,
  g: Float64Array,
  d: Conv2dDims,
  dx: Float64Array,
  dxOff: number,
): boolean {
  const { f, oh, ow } = d;
  const plane = oh * ow;
  const dims = { m: d.c * d.kh * d.kw, k: f, n: plane };
  const fill = (dst: Float64Array) =>
    packB(g, false, dst, { k: f, n: plane, p0: 0, kc: f, j0: 0, nc: plane });
  return withProductSums(active(), w, true, dims, fill, (sums, ld) =>
    col2im(sums, d, dx, dxOff, ld),
  );
}
