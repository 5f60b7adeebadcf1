import { ArgumentError, ShapeError, formatShape } from "../errors";
import { Tensor } from "../tensor/tensor";
import { describeValue, expectTensor } from "../tensor/check";
import { reverseTopologicalOrder } from "./graph";
import { addGrad } from "./record";

/**
 * Reverse-mode differentiation: fills `.grad` of every tensor that `root` depends on and that
 * requires a gradient, with ∂root/∂t. `root` must have one element (a loss) unless `gradOut`
 * (same shape as root) is given. Leaf gradients ACCUMULATE across calls (call `zeroGrad` between
 * steps); gradients of intermediate results are recomputed from zero on each call. Throws
 * ArgumentError when nothing requires a gradient (a forgotten `requiresGrad: true`).
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
  for (const node of order) if (node.backwardFn !== null) node.grad = null;
  addGrad(root, gradOut ? gradOut.data : new Float64Array(1).fill(1));
  for (const node of order) {
    if (node.backwardFn !== null && node.grad !== null) node.backwardFn();
  }
}

/** Sets the gradients of the given tensors to zero (keeping their buffers). Example: dl.zeroGrad(params). */
export function zeroGrad(tensors: Tensor | Iterable<Tensor>): void {
  const list = tensors instanceof Tensor ? [tensors] : tensors;
  const iterable = list as { [Symbol.iterator]?: unknown } | null | undefined;
  if (typeof iterable !== "object" || typeof iterable?.[Symbol.iterator] !== "function") {
    throw new ArgumentError(
      `zeroGrad: expected a Tensor or an array of tensors, got ${describeValue(tensors)}`,
    );
  }
  for (const t of list) expectTensor("zeroGrad", "each tensor", t).grad?.data.fill(0);
}

/** The same numbers, cut from the graph: no gradient flows through it. Example: dl.detach(yHat). */
export function detach(t: Tensor): Tensor {
  expectTensor("detach", "t", t);
  return new Tensor(t.data, t.shape);
}
