import { recycle, wrapCount } from "../kernels/buffer-pool";
import { Tensor } from "../tensor/tensor";
import { expectTensor } from "../tensor/check";
import { reverseTopologicalOrder } from "./graph";

/**
 * Ends a training step: gives the memory of every intermediate result in `root`'s graph back for
 * the next step's ops to reuse (lib/kernels/buffer-pool.ts), as tfjs's `tidy` or PyTorch's
 * freeing of the graph after `backward` do.
 *
 * Intermediate results are the tensors an op recorded for autograd (they have a backwardFn):
 * activations, the loss itself, and their gradients. Leaves (parameters, their gradients, the
 * input batch, the labels) are never touched. Each released tensor drops its numbers and graph
 * links; reading its `data` afterwards throws ReleasedTensorError, so a mistake is loud, not a
 * silent wrong number. A buffer that a tensor outside the graph also wraps (a `detach`ed or
 * reshaped alias) is left to the garbage collector instead of being reused.
 *
 * `fit` calls it after every step (lessons 6–8 train through fit). Returns the bytes handed back.
 * Example: const loss = lossFn(model.forward(x), y); const value = loss.item();
 *          dl.backward(loss); opt.step(); dl.releaseGraph(loss);
 */
export function releaseGraph(root: Tensor): number {
  expectTensor("releaseGraph", "root", root);
  const nodes = reverseTopologicalOrder(root).filter((t) => t.backwardFn !== null);
  // how many of the released tensors wrap each buffer: recycle only when that is all its wrappers
  const inGraph = new Map<Float64Array, number>();
  const count = (data: Float64Array) => inGraph.set(data, (inGraph.get(data) ?? 0) + 1);
  for (const t of nodes) {
    count(t.data);
    if (t.grad !== null) count(t.grad.data);
  }
  let bytes = 0;
  for (const [data, wrappedHere] of inGraph) {
    if (wrapCount(data) === wrappedHere && recycle(data)) bytes += data.byteLength;
  }
  for (const t of nodes) t.markReleased();
  return bytes;
}
