/**
 * The 28 features of a recorded event, named and ordered as in the HIGGS data set (UCI):
 *
 * 21 low-level: what the detector measures directly: the lepton's pT, η, φ; the missing
 * transverse momentum's magnitude and φ; each of the four jets' (by falling pT) pT, η, φ and
 * b-tag (0 or 1).
 *
 * 7 high-level: invariant masses that a physicist builds from them to undo the decays:
 *   m_jj    the two untagged jets                  ≈ m_W (both classes: the hadronic W)
 *   m_jjj   those two + the b-jet closer to m_t     ≈ m_t for t t̄ (the hadronic top)
 *   m_lv    the lepton + the neutrino               = m_W by construction (below)
 *   m_jlv   the lepton + the neutrino + other b-jet ≈ m_t for t t̄ (the leptonic top)
 *   m_bb    the two b-tagged jets                   ≈ m_h = 125 GeV for the signal
 *   m_wbb   the two untagged jets + both b-jets     ≈ m_H± = 325 GeV for half the signal
 *   m_wwbb  everything, neutrino included           ≈ m_H⁰ = 425 GeV for the signal
 * The neutrino's pz is not measured: it is solved from (ℓ + ν)² = m_W² with ν's pT set to the
 * missing transverse momentum (of the two roots, the smaller |pz|; the real part when there is
 * none), as analyses do. The paper does not say which W enters m_wbb; we take the hadronic one,
 * which is the H±'s own W in half of the signal events (the other half has a broader m_wbb).
 * Units: GeV for momenta and masses, radians for φ.
 */
import { FourVector, add, eta, fourVector, mass, phi, pt } from "./four-vector";
import { MeasuredEvent } from "./detector";
import { MASSES } from "./processes";

/** The 21 low-level feature names, as HIGGS names them. */
export const LOW_LEVEL_FEATURES: readonly string[] = [
  "lepton_pT",
  "lepton_eta",
  "lepton_phi",
  "missing_energy_magnitude",
  "missing_energy_phi",
  ...[1, 2, 3, 4].flatMap((k) => [`jet_${k}_pt`, `jet_${k}_eta`, `jet_${k}_phi`, `jet_${k}_b-tag`]),
];

/** The 7 high-level feature names (invariant masses), as HIGGS names them. */
export const HIGH_LEVEL_FEATURES: readonly string[] = [
  "m_jj",
  "m_jjj",
  "m_lv",
  "m_jlv",
  "m_bb",
  "m_wbb",
  "m_wwbb",
];

/** All 28 names: low-level first, as the columns of `collider`'s x. */
export const FEATURES: readonly string[] = [...LOW_LEVEL_FEATURES, ...HIGH_LEVEL_FEATURES];

/**
 * The neutrino's pz from the W mass constraint (ℓ + ν)² = m_W², for a massless lepton ℓ and a
 * neutrino of transverse momentum (mx, my): with μ = m_W²/2 + pT,ℓ · pT,ν the roots are
 *   pz = (μ pz,ℓ ± √(μ² pz,ℓ² − pT,ℓ² (E_ℓ² pT,ν² − μ²))) / pT,ℓ²;
 * it returns the root of smaller |pz|, or the real part when the discriminant is negative.
 */
export function neutrinoPz(lepton: FourVector, mx: number, my: number, mW = MASSES.w): number {
  const ptl2 = lepton.px ** 2 + lepton.py ** 2;
  const mu = (mW * mW) / 2 + lepton.px * mx + lepton.py * my;
  const a = (mu * lepton.pz) / ptl2;
  const disc = a * a - (lepton.e ** 2 * (mx * mx + my * my) - mu * mu) / ptl2;
  if (disc < 0) return a;
  const root = Math.sqrt(disc);
  return Math.abs(a - root) < Math.abs(a + root) ? a - root : a + root;
}

/** The 28 features of one recorded event, in the order of FEATURES. */
export function eventFeatures(event: MeasuredEvent): number[] {
  const { lepton, met, jets } = event;
  const low = [
    pt(lepton),
    eta(lepton),
    phi(lepton),
    Math.sqrt(met.x * met.x + met.y * met.y),
    Math.atan2(met.y, met.x),
  ];
  for (const j of jets) low.push(pt(j.p), eta(j.p), phi(j.p), j.bTag);
  const pz = neutrinoPz(lepton, met.x, met.y);
  const neutrino = fourVector(Math.sqrt(met.x * met.x + met.y * met.y + pz * pz), met.x, met.y, pz);
  const light = jets.filter((j) => j.bTag === 0).map((j) => j.p);
  const [b1, b2] = jets.filter((j) => j.bTag === 1).map((j) => j.p);
  const w = add(...light);
  const lv = add(lepton, neutrino);
  // The hadronic top takes the b-jet that brings m_jjj closer to m_t; the leptonic top the other.
  const first = Math.abs(mass(add(w, b1)) - MASSES.top) <= Math.abs(mass(add(w, b2)) - MASSES.top);
  const [bHad, bLep] = first ? [b1, b2] : [b2, b1];
  const high = [
    mass(w),
    mass(add(w, bHad)),
    mass(lv),
    mass(add(lv, bLep)),
    mass(add(b1, b2)),
    mass(add(w, b1, b2)),
    mass(add(lv, w, b1, b2)),
  ];
  return [...low, ...high];
}
