/**
 * The two processes of lesson 9, from the collision to the final quarks and leptons ("partons"),
 * as in the HIGGS benchmark of Baldi, Sadowski & Whiteson (Nature Communications 5, 4308, 2014):
 *
 *   signal      gg → H⁰ → W∓ H±,  H± → W± h⁰,  h⁰ → b b̄       (m_H⁰ = 425, m_H± = 325, m_h = 125 GeV)
 *   background  gg → t t̄,  t → W⁺ b,  t̄ → W⁻ b̄                (m_t = 172.5 GeV)
 *
 * Both end in W W b b̄; one W decays to a lepton and a neutrino (ℓν), the other to two quarks
 * (jj), each W equally likely to be the leptonic one. Every step is a two-body decay (decay.ts).
 *
 * Simplified production (the honest part of the simplification): the heavy system (the H⁰, or
 * the t t̄ pair) gets, for both classes alike, a transverse momentum pT ~ Gamma(2, 20 GeV) in a
 * random direction (the recoil against radiation from the incoming gluons; peak 20 GeV, mean
 * 40 GeV) and a rapidity y ~ N(0, 1²) along the beam: with the transverse mass mT = √(M² + pT²),
 * E = mT cosh y and pz = mT sinh y. The radiation itself is not simulated as jets.
 * The H⁰, H± and h⁰ are narrow (drawn at their masses); the W (width 2.085 GeV) and the top
 * (1.42 GeV) follow Breit–Wigner line shapes. A t t̄ pair's mass is its two top masses plus
 * X ~ Gamma(2, 60 GeV): zero at threshold, a peak near 405 GeV and a mean near 465 GeV, the shape
 * of the rising phase space times the falling gluon luminosity; it was chosen once to resemble
 * the measured t t̄ spectrum and not changed afterwards. Decays are isotropic in each parent's
 * rest frame (exact for the spinless Higgs bosons; the W and top spin correlations are ignored).
 */
import { Rng } from "../../rng";
import { FourVector, fourVector } from "./four-vector";
import { breitWigner, twoBodyDecay } from "./decay";

/** The masses used (GeV): PDG values for W, top, h⁰ and b; the paper's benchmark for H±, H⁰. */
export const MASSES = {
  w: 80.4,
  top: 172.5,
  h: 125,
  hCharged: 325,
  hNeutral: 425,
  b: 4.7,
} as const;

/** Full widths (GeV) of the unstable Standard Model particles whose width shows in the data. */
export const WIDTHS = { w: 2.085, top: 1.42 } as const;

/** The final quarks and leptons of one event, before the detector. */
export interface Partons {
  lepton: FourVector;
  neutrino: FourVector;
  /** The two quarks of the hadronically decaying W. */
  quarks: [FourVector, FourVector];
  /** The b and b̄ quarks. */
  bs: [FourVector, FourVector];
  /** The transverse momentum (GeV) carried by the radiation the system recoiled against. */
  radiation: { x: number; y: number };
}

/** The spread of the system's rapidity; the scales of its pT and of the t t̄ mass above threshold. */
const RAPIDITY_SPREAD = 1;
const RECOIL_SCALE = 20;
const TTBAR_MASS_SCALE = 60;

/** A draw from Gamma(2, scale): the sum of two exponentials of mean `scale` (1 − u is in (0, 1]). */
function gamma2(scale: number, rng: Rng): number {
  return -scale * (Math.log(1 - rng.uniform()) + Math.log(1 - rng.uniform()));
}

/** A system of mass M with pT ~ Gamma(2, 20 GeV) in a random direction and rapidity y ~ N(0, 1). */
function produce(M: number, rng: Rng): FourVector {
  const pt = gamma2(RECOIL_SCALE, rng);
  const azimuth = rng.uniform(0, 2 * Math.PI);
  const y = rng.normal(0, RAPIDITY_SPREAD);
  const mT = Math.sqrt(M * M + pt * pt);
  return fourVector(
    mT * Math.cosh(y),
    pt * Math.cos(azimuth),
    pt * Math.sin(azimuth),
    mT * Math.sinh(y),
  );
}

/** A W mass from its Breit–Wigner peak, between 60 GeV and `room` (at most 100 GeV). */
function wMass(rng: Rng, room: number): number {
  return breitWigner(rng, MASSES.w, WIDTHS.w, 60, Math.min(100, room));
}

/** Decays two W bosons, one to ℓν and one to two quarks (which one is a coin flip). */
function decayWs(
  system: FourVector,
  [w1, w2]: [FourVector, FourVector],
  bs: [FourVector, FourVector],
  rng: Rng,
): Partons {
  const [leptonic, hadronic] = rng.uniform() < 0.5 ? [w1, w2] : [w2, w1];
  const [lepton, neutrino] = twoBodyDecay(leptonic, 0, 0, rng);
  const quarks = twoBodyDecay(hadronic, 0, 0, rng);
  return { lepton, neutrino, quarks, bs, radiation: { x: -system.px, y: -system.py } };
}

/** One signal event at parton level: H⁰ → W∓ H±, H± → W± h⁰, h⁰ → b b̄. */
export function signalPartons(rng: Rng): Partons {
  const h0 = produce(MASSES.hNeutral, rng);
  const room = MASSES.hNeutral - MASSES.hCharged;
  const [w1, hCharged] = twoBodyDecay(h0, wMass(rng, room), MASSES.hCharged, rng);
  const [w2, h] = twoBodyDecay(hCharged, wMass(rng, MASSES.hCharged - MASSES.h), MASSES.h, rng);
  const bs = twoBodyDecay(h, MASSES.b, MASSES.b, rng);
  return decayWs(h0, [w1, w2], bs, rng);
}

/** One background event at parton level: t t̄ with t → W b each. */
export function backgroundPartons(rng: Rng): Partons {
  const topMass = () => breitWigner(rng, MASSES.top, WIDTHS.top, 160, 185);
  const m1 = topMass();
  const m2 = topMass();
  const tt = produce(m1 + m2 + gamma2(TTBAR_MASS_SCALE, rng), rng);
  const [t1, t2] = twoBodyDecay(tt, m1, m2, rng);
  const [w1, b1] = twoBodyDecay(t1, wMass(rng, m1 - MASSES.b), MASSES.b, rng);
  const [w2, b2] = twoBodyDecay(t2, wMass(rng, m2 - MASSES.b), MASSES.b, rng);
  return decayWs(tt, [w1, w2], [b1, b2], rng);
}
