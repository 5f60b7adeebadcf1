import type { Pool2dDims } from "../dims";
import { allocateToOverwrite } from "./buffer-pool";

/**
 * Max pooling forward (lesson 7): each output is the largest value of its window; `argmax` is the
 * flat index into x of each winner (the first on ties, the first NaN when there is one).
 *
 *   out[n, c, i, j] = max_{u, v < size} x[n, c, i·stride + u, j·stride + v]
 *
 * Shapes: x [N, C, H, W] → out [N, C, OH, OW], argmax [N, C, OH, OW].
 * Fast path: window offsets hoisted out of the inner loop, and the 2×2 window unrolled without
 * branches. Same bits as the reference loops, ties and NaN included.
 * Example: the lecture's [[4,1,5,0],[7,8,9,8],[3,5,6,5],[2,4,1,0]] with size 2 → [[8,9],[5,6]].
 */
export function maxPool2dForward(
  x: Float64Array,
  d: Pool2dDims,
): { out: Float64Array; argmax: Int32Array } {
  const { n, c, h, w, size, stride, oh, ow } = d;
  const out = allocateToOverwrite(n * c * oh * ow); // every window writes its entry
  const argmax = new Int32Array(n * c * oh * ow);
  let o = 0;
  for (let plane = 0; plane < n * c; plane++) {
    for (let i = 0; i < oh; i++) {
      const row = (plane * h + i * stride) * w; // top-left corner of the windows in this output row
      for (let j = 0; j < ow; j++, o++) {
        const corner = row + j * stride;
        let where = corner;
        if (size === 2) {
          // without branches: the winner's index moves by step·[candidate beats it] (random
          // activations make an if mispredict often, ~3× slower here). A candidate beats the
          // winner when it is larger, or NaN while the winner is not: !(c <= b) & (b === b).
          let b = x[where];
          let step = +!(x[corner + 1] <= b) & +(b === b);
          where += step;
          b = x[where];
          step = +!(x[corner + w] <= b) & +(b === b);
          where += step * (corner + w - where);
          b = x[where];
          step = +!(x[corner + w + 1] <= b) & +(b === b);
          where += step * (corner + w + 1 - where);
        } else {
          for (let u = 0; u < size; u++) {
            for (let idx = corner + u * w, end = idx + size; idx < end; idx++) {
              const b = x[where];
              if (!(x[idx] <= b) && b === b) where = idx;
            }
          }
        }
        out[o] = x[where];
        argmax[o] = where;
      }
    }
  }
  return { out, argmax };
}

/** Max pooling backward: dx[argmax[o]] += gradOut[o] (each window's gradient to its winner). */
export function maxPool2dBackward(
  gradOut: Float64Array,
  argmax: Int32Array,
  dx: Float64Array,
): void {
  for (let o = 0; o < gradOut.length; o++) dx[argmax[o]] += gradOut[o];
}

/**
 * Average pooling forward (lesson 7): each output is the mean of its window, summed in the
 * reference's order (same bits) into pooled memory.
 *
 *   out[n, c, i, j] = (1 / size²) Σ_{u, v < size} x[n, c, i·stride + u, j·stride + v]
 *
 * Shapes: x [N, C, H, W] → out [N, C, OH, OW].
 */
export function avgPool2dForward(x: Float64Array, d: Pool2dDims): Float64Array {
  const { n, c, h, w, size, stride, oh, ow } = d;
  const out = allocateToOverwrite(n * c * oh * ow); // every window writes its mean
  const scale = 1 / (size * size);
  let o = 0;
  for (let plane = 0; plane < n * c; plane++) {
    for (let i = 0; i < oh; i++) {
      const row = (plane * h + i * stride) * w;
      for (let j = 0; j < ow; j++, o++) {
        let sum = 0;
        for (let u = 0; u < size; u++) {
          for (let idx = row + u * w + j * stride, end = idx + size; idx < end; idx++)
            sum += x[idx];
        }
        out[o] = sum * scale;
      }
    }
  }
  return out;
}

/**
 * Average pooling backward: each window shares its gradient equally among its size² inputs.
 *
 *   dx[n, c, i·stride + u, j·stride + v] += gradOut[n, c, i, j] / size²
 */
export function avgPool2dBackward(gradOut: Float64Array, d: Pool2dDims, dx: Float64Array): void {
  const { n, c, h, w, size, stride, oh, ow } = d;
  const scale = 1 / (size * size);
  let o = 0;
  for (let plane = 0; plane < n * c; plane++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++, o++) {
        const g = gradOut[o] * scale;
        for (let u = 0; u < size; u++) {
          const row = (plane * h + i * stride + u) * w + j * stride;
          for (let v = 0; v < size; v++) dx[row + v] += g;
        }
      }
    }
  }
}
