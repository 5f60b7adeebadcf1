/**
 * A simple detector for lesson 9's event generator: what an experiment sees of the partons.
 *
 * - Quarks become jets whose energy is measured with relative resolution
 *   σ_E / E = a/√E ⊕ c (a = 0.8 √GeV, c = 0.05, added in quadrature) and whose direction is
 *   smeared by σ = 0.03 in η and in φ. The whole four-vector is scaled, so the jet's mass scales too.
 * - The charged lepton's pT is measured to 2 %, its direction to 0.002.
 * - The neutrino escapes. The missing transverse momentum is what balances everything seen,
 *   −Σ pT(lepton, jets, radiation), plus Gaussian noise of 10 GeV per component for the soft
 *   part of the event measured badly or not at all: jet mismeasurement shows up in it.
 * - b-tagging marks a b-quark jet with probability 0.7 and a light-quark jet with 0.02.
 * - Acceptance: the lepton and all four jets need pT > 20 GeV and |η| < 2.5, and exactly two
 *   jets must be b-tagged; other events are not recorded. The tags do not depend on the
 *   kinematics, so they are drawn first (`drawBTags`): an event that fails the two-tag rule is
 *   dropped before its decays are simulated (the same events, half the work).
 * The numbers are typical of the LHC experiments (the paper's events went through Delphes with an
 * ATLAS-like card); every one of them can be changed with `collider`'s `detector` option.
 */
import { Rng } from "../../rng";
import { FourVector, eta, fromPtEtaPhiM, mass, phi, pt } from "./four-vector";
import { Partons } from "./processes";

/** The detector's resolutions, efficiencies and acceptance cuts (see the file's comment). */
export interface Detector {
  /** Stochastic term a of the jet energy resolution, in √GeV. */
  jetStochastic: number;
  /** Constant term c of the jet energy resolution. */
  jetConstant: number;
  /** Jet direction smearing, in η and in φ. */
  jetAngle: number;
  /** Relative lepton pT resolution. */
  leptonResolution: number;
  /** Lepton direction smearing, in η and in φ. */
  leptonAngle: number;
  /** Noise on each component of the missing transverse momentum, GeV. */
  metNoise: number;
  /** Probability that a b-quark jet is b-tagged. */
  bTagEfficiency: number;
  /** Probability that a light-quark jet is b-tagged (a mistag). */
  mistagRate: number;
  /** Smallest pT of the lepton and of each jet, GeV. */
  minPt: number;
  /** Largest |η| of the lepton and of each jet. */
  maxEta: number;
}

/** The default detector. */
export const DETECTOR: Readonly<Detector> = {
  jetStochastic: 0.8,
  jetConstant: 0.05,
  jetAngle: 0.03,
  leptonResolution: 0.02,
  leptonAngle: 0.002,
  metNoise: 10,
  bTagEfficiency: 0.7,
  mistagRate: 0.02,
  minPt: 20,
  maxEta: 2.5,
};

/** A measured jet: its four-vector and whether it is b-tagged (1) or not (0). */
export interface Jet {
  p: FourVector;
  bTag: number;
}

/** A recorded event: the lepton, the missing transverse momentum and four jets by falling pT. */
export interface MeasuredEvent {
  lepton: FourVector;
  met: { x: number; y: number };
  jets: Jet[];
}

/** `v` with pT scaled by `scale` (mass too) and η, φ shifted by Gaussian noise of `angle`. */
function smear(v: FourVector, scale: number, angle: number, rng: Rng): FourVector {
  const s = Math.max(scale, 0.01);
  return fromPtEtaPhiM(
    pt(v) * s,
    eta(v) + rng.normal(0, angle),
    phi(v) + rng.normal(0, angle),
    mass(v) * s,
  );
}

/** A jet: energy smeared by a/√E ⊕ c, direction by `jetAngle`. */
function measureJet(q: FourVector, bTag: number, d: Detector, rng: Rng): Jet {
  const sigma = Math.hypot(d.jetStochastic / Math.sqrt(q.e), d.jetConstant);
  return { p: smear(q, 1 + rng.normal(0, sigma), d.jetAngle, rng), bTag };
}

/**
 * The b-tags (1 or 0) of the jets of the two light quarks and the two b quarks, in that order,
 * each tagged with its probability; null unless exactly two are tagged.
 */
export function drawBTags(d: Detector, rng: Rng): number[] | null {
  const probabilities = [d.mistagRate, d.mistagRate, d.bTagEfficiency, d.bTagEfficiency];
  const tags = probabilities.map((p) => (rng.uniform() < p ? 1 : 0));
  return tags[0] + tags[1] + tags[2] + tags[3] === 2 ? tags : null;
}

function accepted(v: FourVector, d: Detector): boolean {
  return pt(v) > d.minPt && Math.abs(eta(v)) < d.maxEta;
}

/**
 * What the detector records of `partons` with the jets' `tags` (from `drawBTags`), or null when
 * the lepton or a jet is too soft or too far forward.
 */
export function measure(
  partons: Partons,
  tags: readonly number[],
  d: Detector,
  rng: Rng,
): MeasuredEvent | null {
  const lepton = smear(partons.lepton, 1 + rng.normal(0, d.leptonResolution), d.leptonAngle, rng);
  const quarks = [...partons.quarks, ...partons.bs];
  const jets = quarks.map((q, i) => measureJet(q, tags[i], d, rng));
  jets.sort((a, b) => pt(b.p) - pt(a.p));
  if (!accepted(lepton, d) || !jets.every((j) => accepted(j.p, d))) return null;
  const { radiation } = partons;
  let x = -lepton.px - radiation.x + rng.normal(0, d.metNoise);
  let y = -lepton.py - radiation.y + rng.normal(0, d.metNoise);
  for (const j of jets) {
    x -= j.p.px;
    y -= j.p.py;
  }
  return { lepton, met: { x, y }, jets };
}
