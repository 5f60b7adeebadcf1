// dl.data.collider: shapes, names, labels and seeds; the physics the lesson relies on (mass peaks
// where the particles are, a perfect detector giving back exact masses, acceptance cuts); the two
// classes overlapping in every low-level feature; and its named errors.
import { beforeAll, describe, expect, it } from "vitest";
import { ArgumentError, rng } from "../../../lib";
import { collider, type ColliderData } from "../../../lib/data/collider/collider";
import { DETECTOR } from "../../../lib/data/collider/detector";
import { FEATURES, HIGH_LEVEL_FEATURES } from "../../../lib/data/collider/features";
import { MASSES } from "../../../lib/data/collider/processes";

/** The column `name` of the rows of class `label`. */
function column(events: ColliderData, name: string, label: number): number[] {
  const j = events.features.indexOf(name);
  const d = events.features.length;
  const out: number[] = [];
  for (let i = 0; i < events.y.size; i++)
    if (events.y.data[i] === label) out.push(events.x.data[i * d + j]);
  return out;
}

/** The centre of the fullest bin of width `width` (a histogram's peak). */
function peak(values: number[], width: number): number {
  const counts = new Map<number, number>();
  for (const v of values)
    counts.set(Math.floor(v / width), (counts.get(Math.floor(v / width)) ?? 0) + 1);
  const [bin] = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a));
  return (bin + 0.5) * width;
}

const quantile = (sorted: number[], q: number) => sorted[Math.floor(q * (sorted.length - 1))];

let events: ColliderData;
beforeAll(() => {
  events = collider({ n: 20000, rng: rng(1) });
});

describe("collider: the data set", () => {
  it("gives x [N, 28], y [N, 1] of 0/1 in equal numbers, and the HIGGS feature names", () => {
    expect(events.x.shape).toEqual([20000, 28]);
    expect(events.y.shape).toEqual([20000, 1]);
    expect(events.y.data.every((v) => v === 0 || v === 1)).toBe(true);
    expect(events.y.data.reduce((s, v) => s + v, 0)).toBe(10000);
    // UCI's HIGGS columns after the label, in order.
    const jets = [1, 2, 3, 4].flatMap((k) =>
      ["pt", "eta", "phi", "b-tag"].map((f) => `jet_${k}_${f}`),
    );
    expect(events.features).toEqual([
      "lepton_pT",
      "lepton_eta",
      "lepton_phi",
      "missing_energy_magnitude",
      "missing_energy_phi",
      ...jets,
      "m_jj",
      "m_jjj",
      "m_lv",
      "m_jlv",
      "m_bb",
      "m_wbb",
      "m_wwbb",
    ]);
    expect(events.lowLevel).toEqual(Array.from({ length: 21 }, (_, i) => i));
    expect(events.highLevel).toEqual([21, 22, 23, 24, 25, 26, 27]);
    expect(events.features.slice(21)).toEqual([...HIGH_LEVEL_FEATURES]);
    expect(events.x.data.every(Number.isFinite)).toBe(true);
  });

  it("the same seed gives the same events, another seed other events", () => {
    const again = collider({ n: 500, rng: rng(7) });
    const same = collider({ n: 500, rng: rng(7) });
    const other = collider({ n: 500, rng: rng(8) });
    expect(Array.from(same.x.data)).toEqual(Array.from(again.x.data));
    expect(Array.from(same.y.data)).toEqual(Array.from(again.y.data));
    expect(Array.from(other.x.data)).not.toEqual(Array.from(again.x.data));
  });

  it("signalFraction sets the number of signal rows; classes come shuffled", () => {
    const some = collider({ n: 1000, rng: rng(2), signalFraction: 0.3 });
    const labels = Array.from(some.y.data);
    expect(labels.reduce((s, v) => s + v, 0)).toBe(300);
    expect(labels.slice(0, 300).reduce((s, v) => s + v, 0)).toBeLessThan(150); // not signal first
    expect(collider({ n: 10, rng: rng(2), signalFraction: 0 }).y.data.every((v) => v === 0)).toBe(
      true,
    );
    expect(
      Number.isNaN(collider({ n: 10, rng: rng(2), signalFraction: 1 }).acceptance.background),
    ).toBe(true);
  });

  it("every row passed the acceptance: lepton and four jets with pT > 20 GeV, |η| < 2.5, two b-tags, jets by falling pT", () => {
    const d = 28;
    const at = (i: number, name: string) => events.x.data[i * d + FEATURES.indexOf(name)];
    const bad: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const pts = [1, 2, 3, 4].map((k) => at(i, `jet_${k}_pt`));
      if (!pts.every((p, k) => p > 20 && (k === 0 || p <= pts[k - 1])))
        bad.push(`${i}: jet pT ${pts}`);
      const tags = [1, 2, 3, 4].map((k) => at(i, `jet_${k}_b-tag`));
      if (tags.reduce((a, b) => a + b) !== 2) bad.push(`${i}: b-tags ${tags}`);
      if (!(at(i, "lepton_pT") > 20)) bad.push(`${i}: lepton pT`);
      for (const name of ["lepton_eta", "jet_1_eta", "jet_2_eta", "jet_3_eta", "jet_4_eta"])
        if (!(Math.abs(at(i, name)) < 2.5)) bad.push(`${i}: ${name}`);
      for (const name of ["lepton_phi", "missing_energy_phi", "jet_1_phi", "jet_4_phi"])
        if (!(Math.abs(at(i, name)) <= Math.PI)) bad.push(`${i}: ${name}`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(events.acceptance.signal).toBeGreaterThan(0.1);
    expect(events.acceptance.signal).toBeLessThan(0.5);
    expect(events.acceptance.background).toBeGreaterThan(0.1);
  });
});

describe("collider: the mass peaks", () => {
  it("the signal's m_bb peaks at m_h = 125 GeV; the background's is spread wide", () => {
    const signal = column(events, "m_bb", 1).sort((a, b) => a - b);
    const background = column(events, "m_bb", 0).sort((a, b) => a - b);
    expect(Math.abs(peak(signal, 5) - MASSES.h)).toBeLessThanOrEqual(5);
    expect(Math.abs(quantile(signal, 0.5) - MASSES.h)).toBeLessThan(3);
    const spread = (v: number[]) => quantile(v, 0.75) - quantile(v, 0.25);
    expect(spread(signal)).toBeLessThan(20); // the detector's resolution
    expect(spread(background)).toBeGreaterThan(4 * spread(signal));
  });

  it("the background's m_jjj and m_jlv (its two top quarks) peak near m_t = 172.5 GeV", () => {
    for (const name of ["m_jjj", "m_jlv"]) {
      expect(Math.abs(peak(column(events, name, 0), 5) - MASSES.top)).toBeLessThanOrEqual(10);
    }
  });

  it("the signal's m_wbb peaks at m_H± = 325 GeV and m_wwbb at m_H⁰ = 425 GeV; m_jj at m_W in both", () => {
    expect(Math.abs(peak(column(events, "m_wbb", 1), 10) - MASSES.hCharged)).toBeLessThanOrEqual(
      15,
    );
    expect(Math.abs(peak(column(events, "m_wwbb", 1), 10) - MASSES.hNeutral)).toBeLessThanOrEqual(
      20,
    );
    for (const label of [0, 1])
      expect(Math.abs(peak(column(events, "m_jj", label), 5) - MASSES.w)).toBeLessThanOrEqual(5);
  });

  it("with a perfect detector the masses are exact: m_bb = 125 for every signal event, m_jj in the W's line", () => {
    const perfect = collider({
      n: 400,
      rng: rng(3),
      detector: {
        jetStochastic: 0,
        jetConstant: 0,
        jetAngle: 0,
        leptonResolution: 0,
        leptonAngle: 0,
        metNoise: 0,
        bTagEfficiency: 1,
        mistagRate: 0,
      },
    });
    for (const m of column(perfect, "m_bb", 1)) expect(m).toBeCloseTo(MASSES.h, 6);
    for (const m of column(perfect, "m_jj", 0))
      expect(m >= 60 - 1e-9 && m <= 100 + 1e-9).toBe(true);
    // The W constraint makes m_lv = m_W whenever the neutrino's pz has a real solution.
    const atW = column(perfect, "m_lv", 0).filter((m) => Math.abs(m - MASSES.w) < 1e-6).length;
    expect(atW / 200).toBeGreaterThan(0.6);
  });
});

describe("collider: both classes share every low-level distribution's support", () => {
  const lowNames = FEATURES.slice(0, 21);

  it.each(lowNames.filter((n) => !n.includes("b-tag")))(
    "%s: both classes fill every bin of the central 95 %",
    (name) => {
      const all = [...column(events, name, 0), ...column(events, name, 1)].sort((a, b) => a - b);
      const lo = quantile(all, 0.025);
      const hi = quantile(all, 0.975);
      const bins = 20;
      for (const label of [0, 1]) {
        const counts = new Array<number>(bins).fill(0);
        for (const v of column(events, name, label))
          if (v >= lo && v <= hi)
            counts[Math.min(bins - 1, Math.floor(((v - lo) / (hi - lo)) * bins))]++;
        expect(
          Math.min(...counts),
          `${name}, class ${label}: ${counts.join(", ")}`,
        ).toBeGreaterThanOrEqual(5);
      }
    },
  );

  it.each(lowNames.filter((n) => n.includes("b-tag")))(
    "%s: both classes have tagged and untagged jets there",
    (name) => {
      for (const label of [0, 1]) {
        const tagged = column(events, name, label).filter((v) => v === 1).length / 10000;
        expect(tagged).toBeGreaterThan(0.1);
        expect(tagged).toBeLessThan(0.9);
      }
    },
  );

  it("no low-level feature alone separates the classes: the histograms overlap by more than 60 %", () => {
    for (const name of lowNames) {
      const [b, s] = [column(events, name, 0), column(events, name, 1)];
      const all = [...b, ...s].sort((x, y) => x - y);
      const lo = all[0];
      const width = (quantile(all, 0.99) - lo) / 30 || 1;
      const hist = (v: number[]) => {
        const h = new Map<number, number>();
        for (const x of v)
          h.set(
            Math.min(30, Math.floor((x - lo) / width)),
            (h.get(Math.min(30, Math.floor((x - lo) / width))) ?? 0) + 1 / v.length,
          );
        return h;
      };
      const [hb, hs] = [hist(b), hist(s)];
      let overlap = 0;
      for (const [k, p] of hb) overlap += Math.min(p, hs.get(k) ?? 0);
      expect(overlap, name).toBeGreaterThan(0.6);
    }
  });
});

describe("collider: bad arguments", () => {
  it.each([
    [{ n: 0, rng: rng(1) }, /collider: n must be an integer ≥ 1, got 0/],
    [{ n: 2.5, rng: rng(1) }, /collider: n must be an integer ≥ 1/],
    [{ n: 10 }, /collider: rng must be an Rng \(dl\.rng\(seed\)\), got undefined/],
    [{ n: 10, rng: rng(1), signalFraction: 1.5 }, /signalFraction must be in \[0, 1\], got 1\.5/],
    [
      { n: 10, rng: rng(1), detector: { jetAngle: -1 } },
      /detector\.jetAngle must be a number ≥ 0, got -1/,
    ],
    [
      { n: 10, rng: rng(1), detector: { mistagRate: 2 } },
      /detector\.mistagRate must be a number ≥ 0 and ≤ 1, got 2/,
    ],
    [
      { n: 10, rng: rng(1), detector: { smear: 1 } },
      /unknown detector setting "smear", expected one of jetStochastic/,
    ],
    [
      { n: 10, rng: rng(1), detector: { maxEta: 0 } },
      /the detector accepts 0 of 1001 events; loosen its cuts/,
    ],
  ])("collider(%o) throws ArgumentError", (options, message) => {
    expect(() => collider(options as never)).toThrow(ArgumentError);
    expect(() => collider(options as never)).toThrow(message);
  });

  it("collider(undefined) and collider(42) throw ArgumentError, not TypeError", () => {
    expect(() => collider(undefined as never)).toThrow(ArgumentError);
    expect(() => collider(42 as never)).toThrow(ArgumentError);
  });

  it("DETECTOR holds the documented defaults", () => {
    expect(DETECTOR).toEqual({
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
    });
  });
});
