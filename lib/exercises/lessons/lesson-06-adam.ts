/**
 * One Adam step with one slip each, for the known mistakes of `06-adam-step` (lessons/lesson-06.ts).
 * The step, as in dl.optim.Adam (β₁ = 0.9, β₂ = 0.999, ε = 1e−8), with t counting steps:
 *   t ← t + 1,  m ← β₁m + (1 − β₁)g,  v ← β₂v + (1 − β₂)g²,  m̂ = m/(1 − β₁ᵗ),  v̂ = v/(1 − β₂ᵗ),
 *   w ← w − η m̂ / (√v̂ + ε)
 */

/** Adam's state between steps: the two running averages and the number of steps taken. */
export interface AdamState {
  readonly m: number[];
  readonly v: number[];
  readonly t: number;
}
type Step = AdamState & { readonly w: number[] };

/** What a slipped step gets wrong. */
export type AdamSlip =
  "none" | "noCorrection" | "vOfG" | "noSqrt" | "oldT" | "ascent" | "momentumM" | "tKept";

const B1 = 0.9;
const B2 = 0.999;
const EPS = 1e-8;

/** One Adam step on every weight, with `slip`. */
export function adamWith(slip: AdamSlip) {
  return (w: number[], g: number[], state: AdamState, lr: number): Step => {
    const t = state.t + 1;
    const m = g.map((gi, i) => B1 * state.m[i] + (slip === "momentumM" ? 1 : 1 - B1) * gi);
    const v = g.map((gi, i) => B2 * state.v[i] + (1 - B2) * (slip === "vOfG" ? gi : gi * gi));
    const tc = slip === "oldT" ? t - 1 : t;
    const [c1, c2] = slip === "noCorrection" ? [1, 1] : [1 - B1 ** tc, 1 - B2 ** tc];
    const root = (x: number) => (slip === "noSqrt" ? x : Math.sqrt(x));
    const sign = slip === "ascent" ? -1 : 1;
    const next = w.map((wi, i) => wi - (sign * lr * (m[i] / c1)) / (root(v[i] / c2) + EPS));
    return { w: next, m, v, t: slip === "tKept" ? state.t : t };
  };
}
