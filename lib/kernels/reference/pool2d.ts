import type { Pool2dDims } from "../dims";

/**
 * Max pooling the way lesson 7 explains it: each output is the largest value of its window.
 *
 *   out[n, c, i, j] = max_{u, v < size} x[n, c, i·stride + u, j·stride + v]
 *
 * Shapes: x [N, C, H, W] → out [N, C, OH, OW]; `argmax` holds, for each output, the flat index
 * into x of the winner, which the backward pass routes the gradient to: the first one on ties,
 * and the first NaN when the window holds one (NaN propagates, as in PyTorch).
 * Example (the lecture's 4x4 layer, 2x2 windows): [[4,1,5,0],[7,8,9,8],[3,5,6,5],[2,4,1,0]] → [[8,9],[5,6]].
 */
export function maxPool2dForward(
  x: Float64Array,
  d: Pool2dDims,
): { out: Float64Array; argmax: Int32Array } {
  const { n, c, h, w, size, stride, oh, ow } = d;
  const out = new Float64Array(n * c * oh * ow);
  const argmax = new Int32Array(n * c * oh * ow);
  for (let plane = 0; plane < n * c; plane++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        let best = -Infinity;
        let where = -1;
        for (let u = 0; u < size; u++) {
          for (let v = 0; v < size; v++) {
            const idx = (plane * h + i * stride + u) * w + j * stride + v;
            if (where < 0 || isLarger(x[idx], best)) {
              best = x[idx];
              where = idx;
            }
          }
        }
        const o = (plane * oh + i) * ow + j;
        out[o] = best;
        argmax[o] = where;
      }
    }
  }
  return { out, argmax };
}

/** Whether `value` beats the best so far: larger, or the first NaN (nothing beats a NaN). */
function isLarger(value: number, best: number): boolean {
  return value > best || (Number.isNaN(value) && !Number.isNaN(best));
}

/**
 * Max pooling backward: each window's gradient goes to its winner only.
 *
 *   dx[argmax[o]] += gradOut[o]
 *
 * Shapes: gradOut [N, C, OH, OW], argmax from the forward pass, dx [N, C, H, W].
 */
export function maxPool2dBackward(
  gradOut: Float64Array,
  argmax: Int32Array,
  dx: Float64Array,
): void {
  for (let o = 0; o < gradOut.length; o++) dx[argmax[o]] += gradOut[o];
}

/**
 * Average pooling, plain loops: each output is the mean of its window.
 *
 *   out[n, c, i, j] = (1 / size²) Σ_{u, v < size} x[n, c, i·stride + u, j·stride + v]
 *
 * Shapes: x [N, C, H, W] → out [N, C, OH, OW].
 * Example: avgPool2dForward(x, pool2dDims([1, 1, 4, 4], { size: 2 }));
 */
export function avgPool2dForward(x: Float64Array, d: Pool2dDims): Float64Array {
  const { n, c, h, w, size, stride, oh, ow } = d;
  const out = new Float64Array(n * c * oh * ow);
  const scale = 1 / (size * size);
  for (let plane = 0; plane < n * c; plane++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        let sum = 0;
        for (let u = 0; u < size; u++) {
          for (let v = 0; v < size; v++)
            sum += x[(plane * h + i * stride + u) * w + j * stride + v];
        }
        out[(plane * oh + i) * ow + j] = sum * scale;
      }
    }
  }
  return out;
}

/**
 * Average pooling backward: each window shares its gradient equally among its size² inputs.
 *
 *   dx[n, c, i·stride + u, j·stride + v] += gradOut[n, c, i, j] / size²
 *
 * Shapes: gradOut [N, C, OH, OW], dx [N, C, H, W].
 */
export function avgPool2dBackward(gradOut: Float64Array, d: Pool2dDims, dx: Float64Array): void {
  const { n, c, h, w, size, stride, oh, ow } = d;
  const scale = 1 / (size * size);
  for (let plane = 0; plane < n * c; plane++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        const g = gradOut[(plane * oh + i) * ow + j] * scale;
        for (let u = 0; u < size; u++) {
          for (let v = 0; v < size; v++) dx[(plane * h + i * stride + u) * w + j * stride + v] += g;
        }
      }
    }
  }
}
