/**
 * ReLU, forward and backward, as the lecture writes them (lesson 1):
 *
 *   relu(x) = max(0, x),   relu'(x) = 0 for x ≤ 0, else 1,   ∂L/∂x = ∂L/∂y · relu'(x)
 *
 * NaN propagates as in PyTorch: relu(NaN) is NaN, and a NaN input passes its gradient on (only
 * x ≤ 0 stops it). Like every op's backward, the product ∂L/∂y · relu'(x) is taken as it is, so an
 * infinite ∂L/∂y times a derivative of 0 gives NaN (0 · ∞ is undefined).
 * Example: reluForward(Float64Array.of(-1, 2)) is [0, 2].
 */
export function reluForward(x: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.max(0, x[i]);
  return out;
}

/** dx[i] += gradOut[i] · relu'(x[i]): the gradient flows where x > 0, stops where x ≤ 0. */
export function reluBackward(x: Float64Array, gradOut: Float64Array, dx: Float64Array): void {
  for (let i = 0; i < x.length; i++) dx[i] += gradOut[i] * (x[i] <= 0 ? 0 : 1);
}
