import { Tensor } from "../tensor/tensor";
import { allocate } from "../kernels/buffer-pool";
import { ArgumentError } from "../errors";
import { describeValue } from "../format-value";

/**
 * How ops record themselves for reverse-mode autograd. An op computes its output's data, then, if
 * any input requires a gradient (and we are not inside `noGrad`), attaches its parents and a
 * `backwardFn` that reads `out.grad` and ADDS each input's gradient with `addGrad`.
 *
 * Example (inside an op):
 *   const out = new Tensor(data, a.shape);
 *   return attach(out, "neg", [a], () => addGrad(a, negated(out.grad!.data)));
 */

let gradEnabled = true;

/** Runs `fn` without recording any op (evaluation, optimizer updates); returns its result. */
export function noGrad<T>(fn: () => T): T {
  if (typeof fn !== "function") {
    throw new ArgumentError(`noGrad: expected a function to run, got ${describeValue(fn)}`);
  }
  const previous = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = previous;
  }
}

/** True unless inside `noGrad`. */
export function isGradEnabled(): boolean {
  return gradEnabled;
}

/** Whether an op on these inputs must record itself. */
export function needsGrad(...inputs: readonly Tensor[]): boolean {
  return gradEnabled && inputs.some((t) => t.requiresGrad);
}

/** Records `out` as produced by `op` from `parents` when a gradient is needed; returns `out`. */
export function attach(
  out: Tensor,
  op: string,
  parents: readonly Tensor[],
  backwardFn: () => void,
): Tensor {
  out.op = op;
  if (!needsGrad(...parents)) return out;
  out.requiresGrad = true;
  out.parents = parents;
  out.backwardFn = backwardFn;
  return out;
}

/** Adds `g` (same size as `t`) into `t.grad`, creating it as zeros first; skips tensors without grad. */
export function addGrad(t: Tensor, g: Float64Array): void {
  if (!t.requiresGrad) return;
  if (t.grad === null) t.grad = new Tensor(allocate(t.size), t.shape);
  const acc = t.grad.data;
  for (let i = 0; i < acc.length; i++) acc[i] += g[i];
}

/**
 * `addGrad` for a gradient array the caller has just created and hands over: when `t` has no
 * gradient yet, `g` becomes it (no zero-filled copy, no second pass; 0 + g = g, so the values are
 * `addGrad`'s, up to the sign of a zero); otherwise it is added as `addGrad` does. The caller must not keep or
 * reuse `g` afterwards. Used by the conv, pooling, linear and ReLU backward passes (lessons 6–8),
 * where a fresh 1.6 MB array per step costs more in page faults than the arithmetic.
 *
 *   t.grad = t.grad ?? g   or   t.grad += g
 *
 * Shapes: g has t.size values. Example: adoptGrad(x, conv2dBackward(…).dx)
 */
export function adoptGrad(t: Tensor, g: Float64Array): void {
  if (!t.requiresGrad) return;
  if (t.grad === null && g.length === t.size) {
    t.grad = new Tensor(g, t.shape);
    return;
  }
  addGrad(t, g);
}
