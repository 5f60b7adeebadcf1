import { ArgumentError, ShapeError, formatShape } from "../errors";

/**
 * The sizes of a convolution and of a pooling, checked and worked out once from the shapes (lesson
 * 7's output-size formula), for the ops in lib/nn and for both kernel implementations.
 */

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

/** Every size a 2-d pooling needs, worked out once by `pool2dDims` (square windows, NCHW). */
export interface Pool2dDims {
  n: number;
  c: number;
  h: number;
  w: number;
  size: number;
  stride: number;
  oh: number;
  ow: number;
}

/**
 * Checks the shape of a 2-d pooling and works out its output size (lesson 7). No padding.
 *
 *   OH = ⌊(H − size) / stride⌋ + 1,   OW = ⌊(W − size) / stride⌋ + 1   (stride defaults to size)
 *
 * Shapes: x [N, C, H, W]. Throws ShapeError when x is not 4-d or smaller than the window,
 * ArgumentError when size or stride is not an integer ≥ 1.
 * Example: pool2dDims([1, 1, 4, 4], { size: 2 }).oh === 2
 */
export function pool2dDims(
  xShape: readonly number[],
  options: { size: number; stride?: number },
): Pool2dDims {
  const { size, stride = size } = options;
  for (const [name, value] of [
    ["size", size],
    ["stride", stride],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new ArgumentError(`pool2d: ${name} must be an integer ≥ 1, got ${String(value)}`);
    }
  }
  if (xShape.length !== 4) {
    throw new ShapeError(`pool2d: expected x [N, C, H, W], got ${formatShape(xShape)}`);
  }
  const [n, c, h, w] = xShape;
  if (size > h || size > w) {
    throw new ShapeError(
      `pool2d: window ${size}x${size} larger than the input, got x ${formatShape(xShape)}`,
    );
  }
  const oh = Math.floor((h - size) / stride) + 1;
  const ow = Math.floor((w - size) / stride) + 1;
  return { n, c, h, w, size, stride, oh, ow };
}
