/**
 * Two-body decays and resonance masses (lesson 9's event generator).
 *
 * A particle of mass M at rest that decays into two particles of masses m1, m2 sends them back to
 * back with equal and opposite momenta of size
 *   p* = √((M² − (m1 + m2)²)(M² − (m1 − m2)²)) / (2M),
 * in a direction that, for a spinless parent (every Higgs boson), is uniform on the sphere. The
 * daughters' energies are √(p*² + m²). A moving parent's decay is computed in its rest frame and
 * then boosted by the parent's velocity β = p / E (four-vector.ts). Energy and momentum are
 * conserved in every frame, so the daughters' invariant mass is M again: that is why a peak
 * appears at M when the right decay products are added up.
 */
import { ArgumentError } from "../../errors";
import { Rng } from "../../rng";
import { FourVector, boost, fourVector, mass, velocity } from "./four-vector";

/** The momentum p* of each daughter in the rest frame of a parent of mass M (GeV). */
export function twoBodyMomentum(M: number, m1: number, m2: number): number {
  if (!(M >= m1 + m2)) {
    throw new ArgumentError(
      `twoBodyMomentum: a parent of mass ${M} cannot decay into masses ${m1} + ${m2}`,
    );
  }
  return Math.sqrt((M * M - (m1 + m2) ** 2) * (M * M - (m1 - m2) ** 2)) / (2 * M);
}

/** A unit vector uniform on the sphere: cos θ uniform in [−1, 1], φ uniform in [0, 2π). */
export function isotropicDirection(rng: Rng): [number, number, number] {
  const cosTheta = rng.uniform(-1, 1);
  const sinTheta = Math.sqrt(1 - cosTheta * cosTheta);
  const azimuth = rng.uniform(0, 2 * Math.PI);
  return [sinTheta * Math.cos(azimuth), sinTheta * Math.sin(azimuth), cosTheta];
}

/**
 * Decays `parent` into daughters of masses m1 and m2, isotropically in the parent's rest frame,
 * and returns both daughters' four-vectors in the lab. Their sum is the parent (to rounding).
 * Example: const [w, hPlus] = twoBodyDecay(h0, 80.4, 325, rng);
 */
export function twoBodyDecay(
  parent: FourVector,
  m1: number,
  m2: number,
  rng: Rng,
): [FourVector, FourVector] {
  const p = twoBodyMomentum(mass(parent), m1, m2);
  const [nx, ny, nz] = isotropicDirection(rng);
  const d1 = fourVector(Math.sqrt(p * p + m1 * m1), p * nx, p * ny, p * nz);
  const d2 = fourVector(Math.sqrt(p * p + m2 * m2), -p * nx, -p * ny, -p * nz);
  const beta = velocity(parent);
  return [boost(d1, beta), boost(d2, beta)];
}

/**
 * A mass drawn from a Breit–Wigner (Cauchy) line shape of centre `centre` and full width `width`,
 * m = centre + (width / 2)·tan(π(u − ½)), redrawn until it lies in [low, high]: an unstable
 * particle's mass is not one number but a peak of that width (W: 2.1 GeV, top: 1.4 GeV).
 * Width 0 gives `centre` itself.
 * Example: breitWigner(rng, 80.4, 2.085, 60, 100)
 */
export function breitWigner(
  rng: Rng,
  centre: number,
  width: number,
  low: number,
  high: number,
): number {
  if (width === 0) return centre;
  for (;;) {
    const m = centre + (width / 2) * Math.tan(Math.PI * (rng.uniform() - 0.5));
    if (m >= low && m <= high) return m;
  }
}
