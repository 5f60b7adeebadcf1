// The relativistic kinematics under dl.data.collider: four-vectors, boosts, two-body decays,
// Breit–Wigner masses and the neutrino's pz from the W mass constraint.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArgumentError, rng } from "../../../lib";
import {
  FourVector,
  add,
  atRest,
  boost,
  eta,
  fourVector,
  fromPtEtaPhiM,
  mass,
  phi,
  pt,
  velocity,
} from "../../../lib/data/collider/four-vector";
import {
  breitWigner,
  isotropicDirection,
  twoBodyDecay,
  twoBodyMomentum,
} from "../../../lib/data/collider/decay";
import { neutrinoPz } from "../../../lib/data/collider/features";

const closeVectors = (a: FourVector, b: FourVector, digits = 9) => {
  for (const k of ["e", "px", "py", "pz"] as const) expect(a[k]).toBeCloseTo(b[k], digits);
};
const speed = fc.double({ min: -0.95, max: 0.95, noNaN: true });

describe("four-vectors", () => {
  it("fromPtEtaPhiM(40, 0, 0, 0) + fromPtEtaPhiM(40, 0, π, 0) has mass 80 (back to back)", () => {
    const a = fromPtEtaPhiM(40, 0, 0, 0);
    const b = fromPtEtaPhiM(40, 0, Math.PI, 0);
    expect(mass(add(a, b))).toBeCloseTo(80, 12);
  });

  it("pt, eta, phi and mass read back what fromPtEtaPhiM was given", () => {
    const v = fromPtEtaPhiM(55.5, -1.3, 2.1, 4.7);
    expect(pt(v)).toBeCloseTo(55.5, 12);
    expect(eta(v)).toBeCloseTo(-1.3, 12);
    expect(phi(v)).toBeCloseTo(2.1, 12);
    expect(mass(v)).toBeCloseTo(4.7, 9);
    // pz = pT sinh η, E² = |p|² + m²
    expect(v.pz).toBeCloseTo(55.5 * Math.sinh(-1.3), 12);
  });

  it("boost(atRest(80.4), [0, 0, 0.6]) has γ = 1.25: E = 100.5, pz = 60.3", () => {
    const w = boost(atRest(80.4), [0, 0, 0.6]);
    closeVectors(w, fourVector(100.5, 0, 0, 60.3));
  });

  it("a boost keeps the invariant mass, and the opposite boost undoes it (property)", () => {
    fc.assert(
      fc.property(speed, speed, speed, (bx, by, bz) => {
        const b: [number, number, number] = [bx / 2, by / 2, bz / 2];
        const v = fromPtEtaPhiM(37, 0.4, -1, 12);
        const moved = boost(v, b);
        expect(mass(moved)).toBeCloseTo(12, 7);
        closeVectors(boost(moved, [-b[0], -b[1], -b[2]]), v, 7);
      }),
    );
  });

  it("boosting a particle at rest by its own velocity gives it back (velocity = p / E)", () => {
    const v = fromPtEtaPhiM(120, 1.1, 0.3, 172.5);
    closeVectors(boost(atRest(172.5), velocity(v)), v, 8);
  });
});

describe("two-body decays", () => {
  it("twoBodyMomentum(m_t, m_W, m_b) = 67.4 GeV, the b's momentum in top decay", () => {
    const p = twoBodyMomentum(172.5, 80.4, 4.7);
    const expected = Math.sqrt((172.5 ** 2 - 85.1 ** 2) * (172.5 ** 2 - 75.7 ** 2)) / (2 * 172.5);
    expect(p).toBe(expected);
    expect(p).toBeCloseTo(67.41, 2);
    expect(twoBodyMomentum(125, 0, 0)).toBe(62.5); // massless daughters share M/2 each
  });

  it("twoBodyMomentum throws ArgumentError when the daughters are heavier than the parent", () => {
    expect(() => twoBodyMomentum(80, 60, 30)).toThrow(ArgumentError);
    expect(() => twoBodyMomentum(80, 60, 30)).toThrow(/mass 80 cannot decay into masses 60 \+ 30/);
  });

  it("twoBodyDecay conserves four-momentum and gives each daughter its mass, in any frame", () => {
    const r = rng(1);
    for (let k = 0; k < 200; k++) {
      const parent = fromPtEtaPhiM(r.uniform(0, 300), r.uniform(-3, 3), r.uniform(-3, 3), 425);
      const [w, h] = twoBodyDecay(parent, 80.4, 325, r);
      closeVectors(add(w, h), parent, 8);
      expect(mass(w)).toBeCloseTo(80.4, 6);
      expect(mass(h)).toBeCloseTo(325, 6);
    }
  });

  it("in the parent's rest frame the daughters are back to back with momentum p*", () => {
    const [a, b] = twoBodyDecay(atRest(125), 4.7, 4.7, rng(2));
    closeVectors(add(a, b), atRest(125), 12);
    expect(Math.hypot(a.px, a.py, a.pz)).toBeCloseTo(twoBodyMomentum(125, 4.7, 4.7), 10);
  });

  it("isotropicDirection is a unit vector, uniform in cos θ: mean 0, mean of cos² θ 1/3", () => {
    const r = rng(3);
    let sum = 0;
    let sum2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const [x, y, z] = isotropicDirection(r);
      expect(Math.hypot(x, y, z)).toBeCloseTo(1, 12);
      sum += z;
      sum2 += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(sum2 / n).toBeCloseTo(1 / 3, 2);
  });

  it("breitWigner stays in its range, has median = centre and half its draws within ±Γ/2", () => {
    const r = rng(4);
    const draws = Array.from({ length: 20000 }, () => breitWigner(r, 80.4, 2.085, 60, 100)).sort(
      (a, b) => a - b,
    );
    expect(draws[0]).toBeGreaterThanOrEqual(60);
    expect(draws[draws.length - 1]).toBeLessThanOrEqual(100);
    expect(draws[10000]).toBeCloseTo(80.4, 1);
    const inside = draws.filter((m) => Math.abs(m - 80.4) < 2.085 / 2).length / draws.length;
    expect(inside).toBeCloseTo(0.5, 1); // a Cauchy's quartiles are centre ± Γ/2
    expect(breitWigner(r, 125, 0, 0, 200)).toBe(125);
  });
});

describe("neutrinoPz", () => {
  it("solves (ℓ + ν)² = m_W² for a W decay's true lepton and neutrino, and picks the smaller |pz|", () => {
    const r = rng(5);
    let matched = 0;
    for (let k = 0; k < 500; k++) {
      const w = boost(atRest(80.4), [
        r.uniform(-0.5, 0.5),
        r.uniform(-0.5, 0.5),
        r.uniform(-0.6, 0.6),
      ]);
      const [l, nu] = twoBodyDecay(w, 0, 0, r);
      const pz = neutrinoPz(l, nu.px, nu.py);
      const solved = fourVector(Math.hypot(nu.px, nu.py, pz), nu.px, nu.py, pz);
      expect(mass(add(l, solved))).toBeCloseTo(80.4, 6);
      if (Math.abs(pz - nu.pz) < 1e-6) matched++;
    }
    // One root is the true pz; the smaller |pz| is right most of the time, not always.
    expect(matched / 500).toBeGreaterThan(0.5);
    expect(matched / 500).toBeLessThan(1);
  });

  it("takes the real part when there is no real root (a mismeasured neutrino): m_lv > m_W", () => {
    const l = fromPtEtaPhiM(40, 0.5, 0, 0);
    const pz = neutrinoPz(l, -150, 0); // back to back and far too energetic for a W
    const mu = 80.4 ** 2 / 2 + l.px * -150;
    expect(pz).toBeCloseTo((mu * l.pz) / (l.px ** 2 + l.py ** 2), 10);
    const nu = fourVector(Math.hypot(150, pz), -150, 0, pz);
    expect(mass(add(l, nu))).toBeGreaterThan(80.4);
  });
});
