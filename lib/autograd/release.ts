import { Tensor } from "../tensor/tensor";
import { expectTensor } from "../tensor/check";
import { reverseTopologicalOrder } from "./graph";

/**
 * Ends a training step: gives the memory of every intermediate result in `root`'s graph back for
 * the next step's ops to reuse (the fast kernels reuse it; the reference kernels leave it to the
 * garbage collector), as tfjs's `tidy` or PyTorch's freeing of the graph after `backward` do.
 *
 * Intermediate results are the tensors an op recorded for autograd (they have a backwardFn):
 * activations, the loss itself, and their gradients. Leaves (parameters, their gradients, the
 * input batch, the labels) are never touched. Each released tensor drops its numbers and graph
 * links; reading it afterwards, or calling backward through it, throws ReleasedTensorError, so a
 * mistake is loud, not a silent wrong number. Numbers read through `t.data` during the step (or
 * shared by `detach`) stay the reader's: the kernels never reuse them.
 *
 * `fit` calls it after every step (lessons 6–8 train through fit). Returns the number of tensors
 * released. Example: const loss = lossFn(model.forward(x), y); const value = loss.item();
 *          dl.backward(loss); opt.step(); dl.releaseGraph(loss);
 */
export function releaseGraph(root: Tensor): number {
  expectTensor("releaseGraph", "root", root);
  const nodes = reverseTopologicalOrder(root).filter((t) => t.backwardFn !== null);
  for (const t of nodes) {
    t.grad?.release();
    t.grad = null;
    t.release();
    t.parents = [];
    t.backwardFn = null;
  }
  return nodes.length;
}
