import { ShapeError, formatShape } from "../errors";
import { matmulInto } from "../kernels/matmul";
import { addGrad, attach } from "../autograd/record";
import { Tensor, shapeSize } from "./tensor";
import { expectTensor } from "./check";
import { checkSize } from "./limits";
import { broadcastIndex, broadcastShapes } from "./broadcast";
import { allocate } from "../kernels/buffer-pool";

/**
 * Matrix product. 2-d: a [m, k] @ b [k, n] → [m, n], out[i][j] = Σₚ a[i][p]·b[p][j].
 * Batched: leading axes are batch axes and broadcast (a [B, m, k] @ b [k, n] → [B, m, n]).
 * Backward: ∂a = gradOut @ bᵀ, ∂b = aᵀ @ gradOut (summed over broadcast batches).
 * The arithmetic is lib/kernels/matmul.ts's `matmulInto`.
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
  const o = allocate(batches * m * n);
  for (let t = 0; t < batches; t++) {
    matmulInto(
      a.data.subarray(ai[t] * m * k, (ai[t] + 1) * m * k),
      b.data.subarray(bi[t] * k * n, (bi[t] + 1) * k * n),
      o.subarray(t * m * n, (t + 1) * m * n),
      { m, k, n },
    );
  }
  const out = new Tensor(o, [...batch, m, n]);
  return attach(out, "matmul", [a, b], () => {
    const g = out.grad!.data;
    const ga = a.requiresGrad ? allocate(a.size) : null;
    const gb = b.requiresGrad ? allocate(b.size) : null;
    for (let t = 0; t < batches; t++) {
      const gt = g.subarray(t * m * n, (t + 1) * m * n);
      const aSlice = a.data.subarray(ai[t] * m * k, (ai[t] + 1) * m * k);
      const bSlice = b.data.subarray(bi[t] * k * n, (bi[t] + 1) * k * n);
      // ∂a [m, k] += gradOut [m, n] @ bᵀ [n, k]
      if (ga) {
        const dst = ga.subarray(ai[t] * m * k, (ai[t] + 1) * m * k);
        matmulInto(gt, bSlice, dst, { m, k: n, n: k, transB: true, accumulate: true });
      }
      // ∂b [k, n] += aᵀ [k, m] @ gradOut [m, n]
      if (gb) {
        const dst = gb.subarray(bi[t] * k * n, (bi[t] + 1) * k * n);
        matmulInto(aSlice, gt, dst, { m: k, k: m, n, transA: true, accumulate: true });
      }
    }
    if (ga) addGrad(a, ga);
    if (gb) addGrad(b, gb);
  });
}
