/**
 * The probe of `05-tanh-backward` (lesson 5): runs a student's scalar op forward and backward on a
 * *computed* value and reports what the check compares. x is an input and u = 3x is computed from
 * it, so u has a backwardFn of its own that must run after the op's: an op that forgets its parent
 * leaves u out of its part of the graph, and the gradient never reaches x. L = op(u)·u + 2·op(u)
 * uses u twice, so an op that assigns (=) instead of accumulating (+=) loses the other use.
 *
 *   probe(tanhOp)(0.5)  // { "tanh(u)": 0.905148, "∂L/∂x": 4.61286, graph: "out ← u" }
 */
import { Value } from "../../autograd/value";

/** How the op's output node hangs in the graph, as the report names it. */
export const GRAPH = {
  linked: "out ← u",
  orphan: "out has no parents",
  other: "out's parents are not [u]",
  library: "u.tanh(), the library's own op",
} as const;

/** What the probe reports for one x. */
export interface ProbeReport {
  readonly "tanh(u)": number;
  readonly "∂L/∂x": number;
  readonly graph: string;
}

/** The source text of the library's tanh backward step: an op that returns `u.tanh()` has it. */
const LIBRARY_TANH = String(new Value(0).tanh().backwardFn);

function graphOf(out: Value, u: Value): string {
  if (out.backwardFn !== null && String(out.backwardFn) === LIBRARY_TANH) return GRAPH.library;
  if (out.parents.length === 0) return GRAPH.orphan;
  return out.parents.length === 1 && out.parents[0] === u ? GRAPH.linked : GRAPH.other;
}

/** `op` wrapped as a function of the number x that returns its report (anything else unchanged). */
export function probe(op: unknown): unknown {
  if (typeof op !== "function") return op;
  return (x0: number): unknown => {
    const x = new Value(x0, "x");
    const u = x.mul(3).named("u");
    const out: unknown = (op as (v: Value) => unknown)(u);
    if (!(out instanceof Value)) return out;
    out.mul(u).add(out.mul(2)).backward();
    const report: ProbeReport = { "tanh(u)": out.data, "∂L/∂x": x.grad, graph: graphOf(out, u) };
    return report;
  };
}

/** How an op may go wrong, for `reportOf`. */
export interface Slips {
  /** The local derivative it uses (default the right one, 1 − tanh²(u)). */
  readonly local?: (t: number, u: number) => number;
  /** It forgets to multiply by out.grad. */
  readonly noUpstream?: boolean;
  /** It assigns u.grad = … (the gradient of the other use of u is lost). */
  readonly assigns?: boolean;
  /** Its contribution never reaches x (no backwardFn, or u is not its parent). */
  readonly unlinked?: boolean;
  readonly graph?: string;
}

/**
 * The report that an op with these slips produces, computed by hand: ∂L/∂u sums the other use of
 * u (tanh(u)) and the op's own step (local · out.grad, out.grad = u + 2); ∂L/∂x = 3·∂L/∂u.
 */
export function reportOf(x0: number, slips: Slips = {}): ProbeReport {
  const u = 3 * x0;
  const t = Math.tanh(u);
  const local = slips.local ?? ((tu: number) => 1 - tu * tu);
  const own = slips.unlinked ? 0 : local(t, u) * (slips.noUpstream ? 1 : u + 2);
  const other = slips.assigns ? 0 : t;
  return { "tanh(u)": t, "∂L/∂x": 3 * (other + own), graph: slips.graph ?? GRAPH.linked };
}
