import { ArgumentError, ReleasedTensorError, ShapeError, formatShape } from "../errors";
import { Tensor } from "../tensor/tensor";
import { gradOf } from "../tensor/record";
import { describeValue, expectTensor } from "../tensor/check";
import { reverseTopologicalOrder } from "./graph";

/**
 * Reverse-mode differentiation: fills `.grad` of every tensor that `root` depends on and that
 * requires a gradient, with ∂root/∂t. `root` must have one element (a loss) unless `gradOut`
 * (same shape as root) is given. Leaf gradients ACCUMULATE across calls (call `zeroGrad` between
 * steps); gradients of intermediate results are recomputed from zero on each call. Throws
 * ArgumentError when nothing requires a gradient (a forgotten `requiresGrad: true`), and
 * ReleasedTensorError when the graph was released (`releaseGraph`, after a `fit` step): its
 * intermediate results are gone, so no gradient could reach the parameters.
 *
 * Example: const loss = dl.mean(dl.square(dl.sub(yHat, y))); dl.backward(loss); w.grad. Lesson 5.
 */
export function backward(root: Tensor, gradOut?: Tensor): void {
  expectTensor("backward", "root", root);
  if (gradOut !== undefined) expectTensor("backward", "gradOut", gradOut);
  if (gradOut === undefined && root.size !== 1) {
    throw new ShapeError(
      `backward: the root must have one element (a loss) unless gradOut is given, got shape ${formatShape(root.shape)}`,
    );
  }
  if (gradOut !== undefined && gradOut.size !== root.size) {
    throw new ShapeError(
      `backward: gradOut must have the root's shape, got ${formatShape(gradOut.shape)} for root ${formatShape(root.shape)}`,
    );
  }
  if (!root.requiresGrad) {
    throw new ArgumentError(
      "backward: nothing to differentiate: the root was not computed from a tensor with requiresGrad: true (or it was computed inside noGrad)",
    );
  }
  const order = reverseTopologicalOrder(root);
  const released = order.find((node) => node.released);
  if (released !== undefined) {
    throw new ReleasedTensorError(
      `backward: the graph was released (releaseGraph, which fit calls after each step): the ${released.op} result (shape ${formatShape(released.shape)}) on the way has no numbers left; compute the loss again and call backward before releaseGraph`,
    );
  }
  for (const node of order) if (node.backwardFn !== null) node.grad = null;
  const seed = gradOf(root);
  if (gradOut === undefined) seed[0] += 1;
  else for (let i = 0; i < seed.length; i++) seed[i] += gradOut.values[i];
  for (const node of order) {
    if (node.backwardFn !== null && node.grad !== null) node.backwardFn(node.grad.values);
  }
}

/**
 * Clears the gradients of the given tensors: `grad` becomes null, as PyTorch's `zero_grad`
 * does, and the next backward starts them from zero. The one way to reset gradients (an
 * optimizer's and a module's `zeroGrad` call it). Example: dl.zeroGrad(params).
 */
export function zeroGrad(tensors: Tensor | Iterable<Tensor>): void {
  const list = tensors instanceof Tensor ? [tensors] : tensors;
  const iterable = list as { [Symbol.iterator]?: unknown } | null | undefined;
  if (typeof iterable !== "object" || typeof iterable?.[Symbol.iterator] !== "function") {
    throw new ArgumentError(
      `zeroGrad: expected a Tensor or an array of tensors, got ${describeValue(tensors)}`,
    );
  }
  for (const t of list) expectTensor("zeroGrad", "each tensor", t).grad = null;
}

/**
 * The same numbers, cut from the graph: no gradient flows through it. It shares the numbers
 * (no copy), so they stay yours after `releaseGraph`. Example: dl.detach(yHat).
 */
export function detach(t: Tensor): Tensor {
  expectTensor("detach", "t", t);
  return new Tensor(t.data, t.shape);
}
