/**
 * `dl.data.collider`: simulated proton collisions with the 28 features of the HIGGS data set
 * (Baldi, Sadowski & Whiteson, Nature Communications 5, 4308, 2014), for lesson 9. HIGGS itself is
 * 2.6 GB; this generator makes events of the same kind in seconds, from first principles.
 *
 * The physics, in four steps (one file each):
 *
 * 1. **Production** (processes.ts). A heavy system is made at rest in the plane transverse to the
 *    beams, moving along them with a random rapidity: a new neutral Higgs boson H⁰ (signal), or a
 *    top-quark pair t t̄ (background).
 * 2. **Decays** (decay.ts). Each unstable particle splits into two. In its own rest frame this is
 *    simple: the two daughters fly apart back to back, with a momentum fixed by the three masses,
 *    in a random direction. A **boost** (four-vector.ts) then carries the pair into the lab: the
 *    Lorentz transformation to the frame in which the parent moves with velocity β = p/E. Boosts
 *    change energies and angles (a fast parent throws its daughters forward) but never the
 *    invariant mass m² = (ΣE)² − |Σp|² of a group of particles. Signal: H⁰ → W H±, H± → W h⁰,
 *    h⁰ → b b̄; background: t → W b twice. So **m_bb peaks at m_h = 125 GeV for the signal**: its
 *    two b quarks are all that is left of one h⁰, and adding their four-vectors gives back the h⁰'s
 *    mass in any frame; in t t̄ the two b quarks come from different tops and their mass is spread
 *    wide. Likewise m_jjj and m_jlv peak at m_t for t t̄, and m_wbb, m_wwbb at m_H±, m_H⁰ for the signal.
 * 3. **Detector** (detector.ts). Quarks become jets measured with finite resolution, the neutrino
 *    escapes (seen only as missing transverse momentum), b-jets are tagged with 70 % efficiency,
 *    and only events with a lepton and four jets inside the acceptance and two b-tags are kept.
 *    Resolution is why the peaks have a width of ~10–20 GeV rather than the particles' own.
 * 4. **Features** (features.ts). 21 low-level measurements and 7 high-level invariant masses.
 *
 * Returns x [N, 28] (GeV, radians, b-tags 0/1; columns named by `features`, low-level first),
 * y [N, 1] of 1 (signal) / 0 (background), the column indices of each group, and the fraction of
 * generated events of each class that passed the acceptance. Classes come in the proportion
 * `signalFraction` (default 0.5), in a seeded random order. Same rng seed, same events.
 *
 * Example:
 *   const events = dl.data.collider({ n: 20000, rng: dl.rng(9) });   // x [20000, 28], y [20000, 1]
 *   const low = dl.take(events.x, events.lowLevel, 1);                 // [20000, 21]
 */
import { ArgumentError } from "../../errors";
import { Tensor } from "../../tensor/tensor";
import { describeValue, expectRng } from "../../tensor/check";
import { Rng } from "../../rng";
import { checkToy } from "../toy";
import type { Dataset } from "../../tensor/dataset";
import { DETECTOR, Detector, drawBTags, measure } from "./detector";
import { FEATURES, HIGH_LEVEL_FEATURES, LOW_LEVEL_FEATURES, eventFeatures } from "./features";
import { Partons, backgroundPartons, signalPartons } from "./processes";

/** Options of `collider`. */
export interface ColliderOptions {
  /** Number of recorded events (≥ 1). */
  n: number;
  /** The seeded generator every random choice comes from. */
  rng: Rng;
  /** Fraction of signal events, in [0, 1] (default 0.5). */
  signalFraction?: number;
  /** Changes to the default detector (resolutions, b-tagging, cuts): see `DETECTOR`. */
  detector?: Partial<Detector>;
}

/** What `collider` returns: a Dataset plus the feature names and groups. */
export interface ColliderData extends Dataset {
  /** The 28 column names of x, as in HIGGS. */
  features: string[];
  /** Column indices of the 21 low-level features (0–20). */
  lowLevel: number[];
  /** Column indices of the 7 high-level features (21–27). */
  highLevel: number[];
  /** Fraction of generated events that passed the detector's acceptance, per class. */
  acceptance: { signal: number; background: number };
}

/**
 * Records `rows.length` events of a process, writing event k's features into row rows[k] of x;
 * returns how many events were generated for them (the rest failed the acceptance).
 */
function record(
  partons: (rng: Rng) => Partons,
  rows: readonly number[],
  x: Float64Array,
  detector: Detector,
  rng: Rng,
): number {
  let tried = 0;
  for (let k = 0; k < rows.length;) {
    tried++;
    const tags = drawBTags(detector, rng);
    const event = tags === null ? null : measure(partons(rng), tags, detector, rng);
    if (event !== null) x.set(eventFeatures(event), rows[k++] * FEATURES.length);
    if (tried > 1000 && k < tried / 1000) {
      throw new ArgumentError(
        `collider: the detector accepts ${k} of ${tried} events; loosen its cuts`,
      );
    }
  }
  return tried;
}

/** Simulated collider events, signal and background: see the file's comment. Lesson 9. */
export function collider(options: ColliderOptions): ColliderData {
  if (options === null || typeof options !== "object") {
    throw new ArgumentError(`collider: expected options { n, rng }, got ${describeValue(options)}`);
  }
  const { n } = checkToy("collider", options, 0);
  const rng = expectRng("collider", options.rng);
  const { signalFraction = 0.5 } = options;
  if (!(signalFraction >= 0 && signalFraction <= 1)) {
    throw new ArgumentError(`collider: signalFraction must be in [0, 1], got ${signalFraction}`);
  }
  const detector = checkDetector({ ...DETECTOR, ...options.detector });
  const nSignal = Math.round(n * signalFraction);
  // Event k goes to row order[k]: the signal events first, in a seeded random order of rows.
  const order = rng.permutation(n);
  const x = new Float64Array(n * FEATURES.length);
  const y = new Float64Array(n);
  for (let k = 0; k < nSignal; k++) y[order[k]] = 1;
  const triedSignal = record(signalPartons, order.slice(0, nSignal), x, detector, rng);
  const triedBackground = record(backgroundPartons, order.slice(nSignal), x, detector, rng);
  const low = LOW_LEVEL_FEATURES.length;
  return {
    x: new Tensor(x, [n, FEATURES.length]),
    y: new Tensor(y, [n, 1]),
    features: [...FEATURES],
    lowLevel: LOW_LEVEL_FEATURES.map((_, i) => i),
    highLevel: HIGH_LEVEL_FEATURES.map((_, i) => low + i),
    acceptance: {
      signal: nSignal === 0 ? NaN : nSignal / triedSignal,
      background: n === nSignal ? NaN : (n - nSignal) / triedBackground,
    },
  };
}

/** Every detector setting must be known, a finite number ≥ 0, and a probability ≤ 1. */
function checkDetector(d: Detector): Detector {
  for (const [key, value] of Object.entries(d)) {
    if (!(key in DETECTOR)) {
      const known = Object.keys(DETECTOR).join(", ");
      throw new ArgumentError(
        `collider: unknown detector setting "${key}", expected one of ${known}`,
      );
    }
    const isProbability = key === "bTagEfficiency" || key === "mistagRate";
    if (
      typeof value !== "number" ||
      !(value >= 0) ||
      !Number.isFinite(value) ||
      (isProbability && value > 1)
    ) {
      throw new ArgumentError(
        `collider: detector.${key} must be a number ≥ 0${isProbability ? " and ≤ 1" : ""}, got ${String(value)}`,
      );
    }
  }
  return d;
}
