import { ArgumentError } from "../errors";
import { describeValue } from "../format-value";
import { kernels } from "../kernels/active";
import { Tensor } from "./tensor";

/**
 * How ops record themselves for reverse-mode autograd (lib/autograd runs the records backwards).
 * An op computes its output's numbers, then, if any input requires a gradient (and we are not
 * inside `noGrad`), `attach` links the output to its inputs with a `backwardFn`. In backward,
 * that function receives ∂L/∂out (`gradOut`) and ADDS each input's share into `gradOf(input)`:
 * a tensor used twice collects both shares (the chain rule's sum over paths).
 *
 * Example (inside an op, y = −x):
 *   const out = new Tensor(negated, x.shape);
 *   return attach(out, "neg", [x], (gradOut) => {
 *     const gx = gradOf(x);
 *     for (let i = 0; i < gx.length; i++) gx[i] -= gradOut[i];
 *   });
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
  backwardFn: (gradOut: Float64Array) => void,
): Tensor {
  out.op = op;
  if (!needsGrad(...parents)) return out;
  out.requiresGrad = true;
  out.parents = parents;
  out.backwardFn = backwardFn;
  return out;
}

/**
 * The array that `t`'s gradient accumulates in, the ONE way gradients are added: backward passes
 * write `gradOf(x)[i] += …`. Created as zeros on first use (`t.grad`, same shape as t).
 * Example: const gx = gradOf(x); for (…) gx[i] += gradOut[i] * yd[i];
 */
export function gradOf(t: Tensor): Float64Array {
  if (t.grad === null) t.grad = new Tensor(kernels.allocate(t.size), t.shape);
  return t.grad.values;
}
