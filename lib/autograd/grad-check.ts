import { ArgumentError } from "../errors";
import { Rng } from "../rng";
import { textTable } from "../text-table";
import { Tensor } from "../tensor/tensor";
import { strides } from "../tensor/shape";
import { backward } from "./backward";
import { noGrad } from "../tensor/record";
import { describeValue, expectFunction, expectOptions, expectTensor } from "../tensor/check";

/** Options of `gradCheck`: the finite-difference step and the tolerance on each element. */
export interface GradCheckOptions {
  eps?: number;
  tol?: number;
}

/** One input's result: the largest errors over its elements and where the worst one is. */
export interface GradCheckRow {
  name: string;
  maxAbsError: number;
  maxRelError: number;
  /** Multi-index (one per axis) of the element with the largest relative error. */
  worstIndex: number[];
  passed: boolean;
}

/** The result of `gradCheck`; `toString()` prints a table (shown as text in a notebook). */
export interface GradCheckResult {
  passed: boolean;
  rows: GradCheckRow[];
  toString(): string;
}

type Inputs = readonly Tensor[] | Readonly<Record<string, Tensor>>;

/**
 * Checks autograd against central differences, in float64: for every element x of every input,
 * numeric = (f(x + eps) − f(x − eps)) / (2·eps), compared with the analytic ∂f/∂x by the relative
 * error |a − n| / max(1e-8, |a| + |n|). An element passes when that is ≤ tol, or when |a − n| ≤ tol
 * (relative error means nothing for gradients near 0). When f's output has several elements, the
 * check uses the scalar Σ w·f(…) with fixed pseudo-random weights w, so every output counts.
 *
 * Inputs are an array (f gets them as arguments) or named (f gets the object). They are copied:
 * the caller's tensors are not modified.
 * Example: dl.gradCheck((w, x) => dl.matmul(x, w), [w, x]).passed. Lesson 5.
 */
export function gradCheck(
  f: (...inputs: Tensor[]) => Tensor,
  inputs: readonly Tensor[],
  options?: GradCheckOptions,
): GradCheckResult;
export function gradCheck<K extends string>(
  f: (inputs: Record<K, Tensor>) => Tensor,
  inputs: Readonly<Record<K, Tensor>>,
  options?: GradCheckOptions,
): GradCheckResult;
export function gradCheck(
  f: (...args: never[]) => Tensor,
  inputs: Inputs,
  options: GradCheckOptions = {},
): GradCheckResult {
  expectFunction("gradCheck", "f", f);
  const { eps = 1e-6, tol = 1e-5 } = expectOptions("gradCheck", options);
  if (!(typeof eps === "number" && eps > 0 && eps < Infinity)) {
    throw new ArgumentError(
      `gradCheck: eps must be a finite number > 0, got ${describeValue(eps)}`,
    );
  }
  if (!(typeof tol === "number" && tol >= 0)) {
    throw new ArgumentError(`gradCheck: tol must be a number ≥ 0, got ${describeValue(tol)}`);
  }
  if (typeof inputs !== "object" || inputs === null) {
    throw new ArgumentError(
      `gradCheck: inputs must be an array or an object of tensors, got ${describeValue(inputs)}`,
    );
  }
  const names = Array.isArray(inputs) ? inputs.map((_, i) => `input ${i}`) : Object.keys(inputs);
  const originals: Tensor[] = Object.values(inputs);
  originals.forEach((t, i) => expectTensor("gradCheck", names[i], t));
  const copies = originals.map((t) => new Tensor(t.values.slice(), t.shape, true));
  const call = (): Tensor => {
    const fn = f as (...args: unknown[]) => unknown;
    const out = Array.isArray(inputs)
      ? fn(...copies)
      : fn(Object.fromEntries(names.map((name, i) => [name, copies[i]])));
    return expectTensor("gradCheck", "the result of f", out);
  };
  const weights = projection(noGrad(call));
  const loss = (): number => scalarOf(call(), weights);
  // Analytic gradients.
  const out = call();
  const grad = new Tensor(weights ?? Float64Array.of(1), out.shape);
  if (out.requiresGrad) backward(out, grad);
  const rows = copies.map((t, i) => checkInput(names[i], t, () => noGrad(loss), eps, tol));
  return withTable({ passed: rows.every((r) => r.passed), rows });
}

/** Fixed weights for a non-scalar output (null for a scalar). */
function projection(out: Tensor): Float64Array | null {
  if (out.size === 1) return null;
  const rng = new Rng(12345);
  const w = new Float64Array(out.size);
  for (let i = 0; i < w.length; i++) w[i] = rng.uniform(0.5, 1.5) * (i % 2 === 0 ? 1 : -1);
  return w;
}

function scalarOf(out: Tensor, weights: Float64Array | null): number {
  const o = out.values;
  if (weights === null) return o[0];
  let s = 0;
  for (let i = 0; i < weights.length; i++) s += weights[i] * o[i];
  return s;
}

function checkInput(name: string, t: Tensor, loss: () => number, eps: number, tol: number) {
  const analytic = t.grad?.values ?? new Float64Array(t.size);
  const x = t.values;
  let maxAbsError = 0;
  let maxRelError = 0;
  let worst = 0;
  let passed = true;
  for (let i = 0; i < t.size; i++) {
    const saved = x[i];
    x[i] = saved + eps;
    const plus = loss();
    x[i] = saved - eps;
    const minus = loss();
    x[i] = saved;
    const numeric = (plus - minus) / (2 * eps);
    const absError = Math.abs(analytic[i] - numeric);
    const relError = absError / Math.max(1e-8, Math.abs(analytic[i]) + Math.abs(numeric));
    if (!(relError <= tol || absError <= tol)) passed = false;
    if (relError > maxRelError || Number.isNaN(relError)) [maxRelError, worst] = [relError, i];
    maxAbsError = Math.max(maxAbsError, absError);
  }
  const s = strides(t.shape);
  const worstIndex = t.shape.map((n, axis) => Math.floor(worst / s[axis]) % n);
  return { name, maxAbsError, maxRelError, worstIndex, passed };
}

function withTable(result: { passed: boolean; rows: GradCheckRow[] }): GradCheckResult {
  return {
    ...result,
    toString() {
      const header = ["input", "max abs error", "max rel error", "worst index", "passed"];
      const lines = result.rows.map((r) => [
        r.name,
        r.maxAbsError.toExponential(2),
        r.maxRelError.toExponential(2),
        `[${r.worstIndex.join(", ")}]`,
        r.passed ? "yes" : "NO",
      ]);
      const verdict = result.passed ? "gradient check passed" : "gradient check FAILED";
      return `${textTable([header, ...lines])}\n${verdict}`;
    },
  };
}
