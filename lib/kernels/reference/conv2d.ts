import type { Conv2dDims } from "../dims";
import type { Conv2dGrads } from "../kernels";

/**
 * 2-d convolution the way lesson 7 explains it: slide each kernel over the (zero-padded) input and
 * take the sum of products. Cross-correlation, the kernel is NOT flipped (as in the lecture).
 *
 *   out[n, f, i, j] = bias[f] + Σ_c Σ_u Σ_v x[n, c, i·s + u − p, j·s + v − p] · w[f, c, u, v]
 *
 * Shapes: x [N, C, H, W], w [F, C, KH, KW], bias [F] or null → out [N, F, OH, OW].
 * Plain loops, kept readable on purpose; the sum is taken first and the bias added last, as the
 * fast kernel does (so both give the same bits while C·KH·KW ≤ 256).
 * Example: conv2dForward(x, w, null, conv2dDims([1, 1, 8, 8], [1, 1, 3, 3], {}));
 */
export function conv2dForward(
  x: Float64Array,
  w: Float64Array,
  bias: Float64Array | null,
  d: Conv2dDims,
): Float64Array {
  const { n, c, h, w: width, f, kh, kw, stride, padding, oh, ow } = d;
  const out = new Float64Array(n * f * oh * ow);
  for (let b = 0; b < n; b++) {
    for (let o = 0; o < f; o++) {
      for (let i = 0; i < oh; i++) {
        for (let j = 0; j < ow; j++) {
          let sum = 0;
          for (let ch = 0; ch < c; ch++) {
            for (let u = 0; u < kh; u++) {
              for (let v = 0; v < kw; v++) {
                const y = i * stride + u - padding;
                const xx = j * stride + v - padding;
                if (y < 0 || y >= h || xx < 0 || xx >= width) continue; // zero padding
                sum += x[((b * c + ch) * h + y) * width + xx] * w[((o * c + ch) * kh + u) * kw + v];
              }
            }
          }
          out[((b * f + o) * oh + i) * ow + j] = (bias === null ? 0 : bias[o]) + sum;
        }
      }
    }
  }
  return out;
}

/**
 * Backward pass of `conv2dForward`, plain loops: every product x·w of the forward sum sends
 * gradOut back to both factors, added into the gradients given (a null one is skipped).
 *
 *   dx[n, c, y, x] += gradOut[n, f, i, j] · w[f, c, u, v]   (where y = i·s + u − p, x = j·s + v − p)
 *   dw[f, c, u, v] += gradOut[n, f, i, j] · x[n, c, y, x]
 *   db[f]          += gradOut[n, f, i, j]
 *
 * Shapes: gradOut [N, F, OH, OW]; dx [N, C, H, W], dw [F, C, KH, KW], db [F].
 * Example: conv2dBackward(x, w, gradOut, d, { dx, dw, db });
 */
export function conv2dBackward(
  x: Float64Array,
  w: Float64Array,
  gradOut: Float64Array,
  d: Conv2dDims,
  grads: Conv2dGrads,
): void {
  const { n, c, h, w: width, f, kh, kw, stride, padding, oh, ow } = d;
  const { dx, dw, db } = grads;
  for (let b = 0; b < n; b++) {
    for (let o = 0; o < f; o++) {
      for (let i = 0; i < oh; i++) {
        for (let j = 0; j < ow; j++) {
          const g = gradOut[((b * f + o) * oh + i) * ow + j];
          if (db !== null) db[o] += g;
          for (let ch = 0; ch < c; ch++) {
            for (let u = 0; u < kh; u++) {
              for (let v = 0; v < kw; v++) {
                const y = i * stride + u - padding;
                const xx = j * stride + v - padding;
                if (y < 0 || y >= h || xx < 0 || xx >= width) continue;
                const xi = ((b * c + ch) * h + y) * width + xx;
                const wi = ((o * c + ch) * kh + u) * kw + v;
                if (dx !== null) dx[xi] += g * w[wi];
                if (dw !== null) dw[wi] += g * x[xi];
              }
            }
          }
        }
      }
    }
  }
}
