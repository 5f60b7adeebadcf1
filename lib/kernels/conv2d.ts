import { ArgumentError, ShapeError, formatShape } from "../errors";
import { conv2dBackwardReference, conv2dReference } from "./conv2d-reference";

/** Every size a 2-d convolution needs, worked out once by `conv2dDims` (images are NCHW). */
export interface Conv2dDims {
  n: number;
  c: number;
  h: number;
  w: number;
  f: number;
  kh: number;
  kw: number;
  stride: number;
  padding: number;
  oh: number;
  ow: number;
}

function checkCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new ArgumentError(`conv2d: ${name} must be an integer ≥ ${min}, got ${String(value)}`);
  }
}

/**
 * Checks the shapes of a 2-d convolution and works out its output size (lesson 7).
 *
 *   OH = ⌊(H + 2·padding − KH) / stride⌋ + 1,   OW = ⌊(W + 2·padding − KW) / stride⌋ + 1
 *
 * Shapes: x [N, C, H, W], w [F, C, KH, KW]. Throws ShapeError naming conv2d and both shapes when
 * the channels differ or the kernel is larger than the padded input; ArgumentError for stride < 1,
 * padding < 0 or non-integers.
 * Example: conv2dDims([1, 1, 8, 8], [1, 1, 3, 3], {}).oh === 6
 */
export function conv2dDims(
  xShape: readonly number[],
  wShape: readonly number[],
  options: { stride?: number; padding?: number },
): Conv2dDims {
  const { stride = 1, padding = 0 } = options;
  checkCount("stride", stride, 1);
  checkCount("padding", padding, 0);
  const shapes = `x ${formatShape(xShape)}, w ${formatShape(wShape)}`;
  if (xShape.length !== 4 || wShape.length !== 4) {
    throw new ShapeError(`conv2d: expected x [N, C, H, W] and w [F, C, KH, KW], got ${shapes}`);
  }
  const [n, c, h, w] = xShape;
  const [f, wc, kh, kw] = wShape;
  if (wc !== c) {
    throw new ShapeError(
      `conv2d: input channels (${c}) must match kernel channels (${wc}), got ${shapes}`,
    );
  }
  if (kh > h + 2 * padding || kw > w + 2 * padding) {
    throw new ShapeError(
      `conv2d: kernel larger than the padded input (padding ${padding}), got ${shapes}`,
    );
  }
  const oh = Math.floor((h + 2 * padding - kh) / stride) + 1;
  const ow = Math.floor((w + 2 * padding - kw) / stride) + 1;
  return { n, c, h, w, f, kh, kw, stride, padding, oh, ow };
}

/**
 * 2-d convolution forward (cross-correlation, no kernel flip, as in the lecture; lesson 7).
 *
 *   out[n, f, i, j] = bias[f] + Σ_c Σ_u Σ_v x[n, c, i·s + u − p, j·s + v − p] · w[f, c, u, v]
 *
 * Shapes: x [N, C, H, W], w [F, C, KH, KW], bias [F] or null → a new [N, F, OH, OW] array.
 * Example: conv2dForward(x, w, null, conv2dDims([1, 1, 8, 8], [1, 1, 3, 3], {}));
 */
export function conv2dForward(
  x: Float64Array,
  w: Float64Array,
  bias: Float64Array | null,
  d: Conv2dDims,
): Float64Array {
  return conv2dReference(x, w, bias, d);
}

/**
 * 2-d convolution backward: the gradients of the loss with respect to x, w and the bias.
 *
 *   dx = gradOut ⋆ᵀ w,   dw[f, c, u, v] = Σ gradOut[n, f, i, j] · x[n, c, i·s+u−p, j·s+v−p],   db[f] = Σ gradOut[n, f, ·, ·]
 *
 * Shapes: gradOut [N, F, OH, OW] → dx [N, C, H, W], dw [F, C, KH, KW], db [F] (fresh arrays).
 * Example: const { dx, dw, db } = conv2dBackward(x, w, gradOut, d);
 */
export function conv2dBackward(
  x: Float64Array,
  w: Float64Array,
  gradOut: Float64Array,
  d: Conv2dDims,
): { dx: Float64Array; dw: Float64Array; db: Float64Array } {
  return conv2dBackwardReference(x, w, gradOut, d);
}
