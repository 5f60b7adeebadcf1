/**
 * Four-vectors, the bookkeeping of relativistic kinematics (lesson 9's event generator).
 *
 * A particle's four-momentum is p = (E, px, py, pz) in GeV (units with c = 1). Its invariant
 * mass m² = E² − |p|² is the same in every frame: the number a physicist computes from measured
 * decay products to see which particle they came from. Collider coordinates: z along the beams,
 * pT = √(px² + py²) the transverse momentum, φ the azimuth, η = asinh(pz / pT) the
 * pseudorapidity (0 at right angles to the beam, ±2.5 at the edge of the tracker).
 *
 * Example: mass(add(fromPtEtaPhiM(40, 0, 0, 0), fromPtEtaPhiM(40, 0, Math.PI, 0)))  // 80
 */

/** A four-momentum (E, px, py, pz) in GeV. */
export interface FourVector {
  readonly e: number;
  readonly px: number;
  readonly py: number;
  readonly pz: number;
}

/** The four-vector (e, px, py, pz). */
export function fourVector(e: number, px: number, py: number, pz: number): FourVector {
  return { e, px, py, pz };
}

/** A particle of mass m at rest. */
export function atRest(m: number): FourVector {
  return { e: m, px: 0, py: 0, pz: 0 };
}

/**
 * The four-vector of a particle with transverse momentum pT, pseudorapidity η, azimuth φ and mass m:
 *   px = pT cos φ, py = pT sin φ, pz = pT sinh η, E = √(|p|² + m²).
 */
export function fromPtEtaPhiM(pt: number, eta: number, phi: number, m: number): FourVector {
  const px = pt * Math.cos(phi);
  const py = pt * Math.sin(phi);
  const pz = pt * Math.sinh(eta);
  return { e: Math.sqrt(px * px + py * py + pz * pz + m * m), px, py, pz };
}

/** The sum of four-vectors: the four-momentum of the system they form. */
export function add(...vectors: readonly FourVector[]): FourVector {
  let e = 0;
  let px = 0;
  let py = 0;
  let pz = 0;
  for (const v of vectors) {
    e += v.e;
    px += v.px;
    py += v.py;
    pz += v.pz;
  }
  return { e, px, py, pz };
}

/** The invariant mass √(E² − |p|²) (0 when rounding makes E² − |p|² slightly negative). */
export function mass(v: FourVector): number {
  return Math.sqrt(Math.max(0, v.e * v.e - v.px * v.px - v.py * v.py - v.pz * v.pz));
}

/** The transverse momentum √(px² + py²). */
export function pt(v: FourVector): number {
  return Math.sqrt(v.px * v.px + v.py * v.py);
}

/** The pseudorapidity η = asinh(pz / pT) (±Infinity along the beam). */
export function eta(v: FourVector): number {
  return Math.asinh(v.pz / pt(v));
}

/** The azimuth φ = atan2(py, px), in (−π, π]. */
export function phi(v: FourVector): number {
  return Math.atan2(v.py, v.px);
}

/**
 * The Lorentz boost of `v` by velocity β = (bx, by, bz), |β| < 1: the four-vector that an observer
 * moving at −β sees. With γ = 1/√(1 − β²) and the momentum's component along β, β·p:
 *   E' = γ (E + β·p),   p' = p + ((γ − 1)(β·p)/β² + γE) β.
 * Boosting a particle at rest by β gives it velocity β: that is how a decay computed in the
 * parent's rest frame is carried to the lab.
 * Example: boost(atRest(80.4), [0, 0, 0.6])  // E = 100.5, pz = 60.3 (γ = 1.25)
 */
export function boost(v: FourVector, beta: readonly [number, number, number]): FourVector {
  const [bx, by, bz] = beta;
  const b2 = bx * bx + by * by + bz * bz;
  if (b2 === 0) return v;
  const gamma = 1 / Math.sqrt(1 - b2);
  const bp = bx * v.px + by * v.py + bz * v.pz;
  const k = ((gamma - 1) * bp) / b2 + gamma * v.e;
  return { e: gamma * (v.e + bp), px: v.px + k * bx, py: v.py + k * by, pz: v.pz + k * bz };
}

/** The velocity β = p / E of the particle: boosting its rest frame by β gives the lab. */
export function velocity(v: FourVector): [number, number, number] {
  return [v.px / v.e, v.py / v.e, v.pz / v.e];
}
