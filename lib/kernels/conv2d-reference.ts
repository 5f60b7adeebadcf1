import type { Conv2dDims } from "./conv2d";

/**
 * 2-d convolution the way lesson 7 explains it: slide each kernel over the (zero-padded) input and
 * take the sum of products. Cross-correlation, the kernel is NOT flipped (as in the lecture).
 *
 *   out[n, f, i, j] = bias[f] + Σ_c Σ_u Σ_v x[n, c, i·s + u − p, j·s + v − p] · w[f, c, u, v]
 *
 * Shapes: x [N, C, H, W], w [F, C, KH, KW], bias [F] or null → out [N, F, OH, OW].
 * Plain loops, kept readable on purpose: lesson 7 times it against the fast `conv2dForward`.
 * Example: conv2dReference(x, w, null, conv2dDims([1, 1, 8, 8], [1, 1, 3, 3], {}));
 */
export function conv2dReference(
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
          let sum = bias === null ? 0 : bias[o];
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
          out[((b * f + o) * oh + i) * ow + j] = sum;
        }
      }
    }
  }
  return out;
}

/**
 * Backward pass of `conv2dReference`, plain loops: every product x·w of the forward sum sends
 * gradOut back to both factors.
 *
 *   dx[n, c, y, x] += gradOut[n, f, i, j] · w[f, c, u, v]   (where y = i·s + u − p, x = j·s + v − p)
 *   dw[f, c, u, v] += gradOut[n, f, i, j] · x[n, c, y, x]
 *   db[f]          += gradOut[n, f, i, j]
 *
 * Shapes: gradOut [N, F, OH, OW] → dx [N, C, H, W], dw [F, C, KH, KW], db [F].
 * Example: const { dx, dw, db } = conv2dBackwardReference(x, w, gradOut, d);
 */
export function conv2dBackwardReference(
  x: Float64Array,
  w: Float64Array,
  gradOut: Float64Array,
  d: Conv2dDims,
): { dx: Float64Array; dw: Float64Array; db: Float64Array } {
  const { n, c, h, w: width, f, kh, kw, stride, padding, oh, ow } = d;
  const dx = new Float64Array(n * c * h * width);
  const dw = new Float64Array(f * c * kh * kw);
  const db = new Float64Array(f);
  for (let b = 0; b < n; b++) {
    for (let o = 0; o < f; o++) {
      for (let i = 0; i < oh; i++) {
        for (let j = 0; j < ow; j++) {
          const g = gradOut[((b * f + o) * oh + i) * ow + j];
          db[o] += g;
          for (let ch = 0; ch < c; ch++) {
            for (let u = 0; u < kh; u++) {
              for (let v = 0; v < kw; v++) {
                const y = i * stride + u - padding;
                const xx = j * stride + v - padding;
                if (y < 0 || y >= h || xx < 0 || xx >= width) continue;
                const xi = ((b * c + ch) * h + y) * width + xx;
                const wi = ((o * c + ch) * kh + u) * kw + v;
                dx[xi] += g * w[wi];
                dw[wi] += g * x[xi];
              }
            }
          }
        }
      }
    }
  }
  return { dx, dw, db };
}
