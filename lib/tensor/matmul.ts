import { ShapeError, formatShape } from "../errors";
import { kernels } from "../kernels/active";
import { attach, gradOf } from "./record";
import { Tensor } from "./tensor";
import { shapeSize } from "./shape";
import { expectTensor } from "./check";
import { checkSize } from "../limits";
import { broadcastIndex, broadcastShapes } from "./broadcast";

/**
 * Matrix product. 2-d: a [m, k] @ b [k, n] → [m, n], out[i][j] = Σₚ a[i][p]·b[p][j].
 * Batched: leading axes are batch axes and broadcast (a [B, m, k] @ b [k, n] → [B, m, n]).
 * Backward: ∂a = gradOut @ bᵀ, ∂b = aᵀ @ gradOut (summed over broadcast batches).
 * The arithmetic is the kernels' `matmul` (lib/kernels).
 *
 * Example: dl.matmul(x, w) for a layer's x [N, in] @ w [in, out]. Lesson 4.
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  expectTensor("matmul", "a", a);
  expectTensor("matmul", "b", b);
  if (a.rank < 2 || b.rank < 2) {
    throw new ShapeError(
      `matmul: both operands need at least 2 axes, got ${formatShape(a.shape)} @ ${formatShape(b.shape)}`,
    );
  }
  const [m, k] = a.shape.slice(-2);
  const [k2, n] = b.shape.slice(-2);
  if (k !== k2) {
    throw new ShapeError(
      `matmul: inner dimensions must match, got ${formatShape(a.shape)} @ ${formatShape(b.shape)}`,
    );
  }
  const aBatch = a.shape.slice(0, -2);
  const bBatch = b.shape.slice(0, -2);
  const batch = broadcastShapes(aBatch, bBatch, "matmul");
  const batches = shapeSize(batch);
  checkSize("matmul", [...batch, m, n]);
  // For batch t: the batch index within a and within b (0 when that side is a single matrix).
  const ai = broadcastIndex(aBatch, batch);
  const bi = broadcastIndex(bBatch, batch);
  const ad = a.values;
  const bd = b.values;
  const o = kernels.allocate(batches * m * n);
  for (let t = 0; t < batches; t++) {
    kernels.matmul(
      ad.subarray(ai[t] * m * k, (ai[t] + 1) * m * k),
      bd.subarray(bi[t] * k * n, (bi[t] + 1) * k * n),
      o.subarray(t * m * n, (t + 1) * m * n),
      { m, k, n },
    );
  }
  const out = new Tensor(o, [...batch, m, n]);
  return attach(out, "matmul", [a, b], (g) => {
    const ga = a.requiresGrad ? gradOf(a) : null;
    const gb = b.requiresGrad ? gradOf(b) : null;
    for (let t = 0; t < batches; t++) {
      const gt = g.subarray(t * m * n, (t + 1) * m * n);
      const aSlice = ad.subarray(ai[t] * m * k, (ai[t] + 1) * m * k);
      const bSlice = bd.subarray(bi[t] * k * n, (bi[t] + 1) * k * n);
      // ∂a [m, k] += gradOut [m, n] @ bᵀ [n, k]
      if (ga) {
        const dst = ga.subarray(ai[t] * m * k, (ai[t] + 1) * m * k);
        kernels.matmul(gt, bSlice, dst, { m, k: n, n: k, transB: true, accumulate: true });
      }
      // ∂b [k, n] += aᵀ [k, m] @ gradOut [m, n]
      if (gb) {
        const dst = gb.subarray(bi[t] * k * n, (bi[t] + 1) * k * n);
        kernels.matmul(aSlice, gt, dst, { m: k, k: m, n, transA: true, accumulate: true });
      }
    }
  });
}
