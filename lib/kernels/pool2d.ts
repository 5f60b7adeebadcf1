import { ArgumentError, ShapeError, formatShape } from "../errors";
import { avgPool2dReference } from "./pool2d-reference";
import { allocate } from "./buffer-pool";

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

/**
 * Max pooling forward (lesson 7): each output is the largest value of its window; `argmax` is the
 * flat index into x of each winner (first on ties), kept for the backward pass.
 *
 *   out[n, c, i, j] = max_{u, v < size} x[n, c, i·stride + u, j·stride + v]
 *
 * Shapes: x [N, C, H, W] → out [N, C, OH, OW], argmax [N, C, OH, OW].
 * Fast path: window offsets hoisted out of the inner loop, and the 2×2 window unrolled without
 * branches. Same result as `maxPool2dReference` (the plain loops), ties and NaN included.
 * Example: the lecture's [[4,1,5,0],[7,8,9,8],[3,5,6,5],[2,4,1,0]] with size 2 → [[8,9],[5,6]].
 */
export function maxPool2dForward(
  x: Float64Array,
  d: Pool2dDims,
): { out: Float64Array; argmax: Int32Array } {
  const { n, c, h, w, size, stride, oh, ow } = d;
  const out = allocate(n * c * oh * ow);
  const argmax = new Int32Array(n * c * oh * ow);
  let o = 0;
  for (let plane = 0; plane < n * c; plane++) {
    for (let i = 0; i < oh; i++) {
      const row = (plane * h + i * stride) * w; // top-left corner of the windows in this output row
      for (let j = 0; j < ow; j++, o++) {
        const corner = row + j * stride;
        let where = corner;
        let best = x[corner];
        if (size === 2) {
          // without branches: the winner's index moves by step·[candidate > best] (random
          // activations make an if mispredict often, ~3× slower here); same ties, same NaN rule
          let step = +(x[corner + 1] > best);
          where += step;
          step = +(x[corner + w] > x[where]);
          where += step * (corner + w - where);
          step = +(x[corner + w + 1] > x[where]);
          where += step * (corner + w + 1 - where);
          best = x[where];
        } else {
          for (let u = 0; u < size; u++) {
            for (let idx = corner + u * w, end = idx + size; idx < end; idx++) {
              if (x[idx] > best) best = x[(where = idx)];
            }
          }
        }
        out[o] = best;
        argmax[o] = where;
      }
    }
  }
  return { out, argmax };
}

/**
 * Max pooling backward: each window's gradient goes to its winner only.
 *
 *   dx[argmax[o]] += gradOut[o]
 *
 * Shapes: gradOut [N, C, OH, OW], argmax from the forward pass → a new dx [N, C, H, W].
 * Example: const dx = maxPool2dBackward(gradOut, argmax, d);
 */
export function maxPool2dBackward(
  gradOut: Float64Array,
  argmax: Int32Array,
  d: Pool2dDims,
): Float64Array {
  const dx = allocate(d.n * d.c * d.h * d.w);
  const count = d.n * d.c * d.oh * d.ow;
  for (let o = 0; o < count; o++) dx[argmax[o]] += gradOut[o];
  return dx;
}

/**
 * Average pooling forward (lesson 7): each output is the mean of its window.
 *
 *   out[n, c, i, j] = (1 / size²) Σ_{u, v < size} x[n, c, i·stride + u, j·stride + v]
 *
 * Shapes: x [N, C, H, W] → out [N, C, OH, OW].
 * Example: avgPool2dForward(x, pool2dDims([1, 1, 4, 4], { size: 2 }));
 */
export function avgPool2dForward(x: Float64Array, d: Pool2dDims): Float64Array {
  return avgPool2dReference(x, d);
}

/**
 * Average pooling backward: each window shares its gradient equally among its size² inputs.
 *
 *   dx[n, c, i·stride + u, j·stride + v] += gradOut[n, c, i, j] / size²
 *
 * Shapes: gradOut [N, C, OH, OW] → a new dx [N, C, H, W].
 * Example: const dx = avgPool2dBackward(gradOut, d);
 */
export function avgPool2dBackward(gradOut: Float64Array, d: Pool2dDims): Float64Array {
  const { n, c, h, w, size, stride, oh, ow } = d;
  const dx = allocate(n * c * h * w);
  const scale = 1 / (size * size);
  for (let plane = 0; plane < n * c; plane++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        const g = gradOut[(plane * oh + i) * ow + j] * scale;
        for (let u = 0; u < size; u++) {
          const row = (plane * h + i * stride + u) * w + j * stride;
          for (let v = 0; v < size; v++) dx[row + v] += g;
        }
      }
    }
  }
  return dx;
}
