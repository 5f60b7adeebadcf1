import { describe, expect, it } from "vitest";
import { ArgumentError, rng } from "../../lib";
import { fans, glorotNormal, glorotUniform, heNormal, heUniform } from "../../lib/nn/init";
import { Linear } from "../../lib/nn/linear";

const std = (data: Float64Array) => {
  const m = data.reduce((a, b) => a + b, 0) / data.length;
  return Math.sqrt(data.reduce((a, b) => a + (b - m) ** 2, 0) / data.length);
};

describe("initialisers", () => {
  it("fans: Linear weights [in, out]; conv kernels [F, C, KH, KW]", () => {
    expect(fans([64, 32])).toEqual({ fanIn: 64, fanOut: 32 });
    expect(fans([8, 3, 3, 3])).toEqual({ fanIn: 27, fanOut: 72 });
    expect(() => fans([3])).toThrow(ArgumentError);
  });

  it.each([
    ["glorotUniform", glorotUniform, Math.sqrt(6 / (200 + 100)) / Math.sqrt(3)],
    ["glorotNormal", glorotNormal, Math.sqrt(2 / (200 + 100))],
    ["heUniform", heUniform, Math.sqrt(6 / 200) / Math.sqrt(3)],
    ["heNormal", heNormal, Math.sqrt(2 / 200)],
  ])("%s([200, 100]) has the formula's standard deviation (±5%%)", (_, init, expected) => {
    const w = init([200, 100], rng(0));
    expect(w.shape).toEqual([200, 100]);
    expect(std(w.data) / expected).toBeGreaterThan(0.95);
    expect(std(w.data) / expected).toBeLessThan(1.05);
  });

  it("glorotUniform stays inside ±√(6 / (fanIn + fanOut))", () => {
    const a = Math.sqrt(6 / (4 + 3));
    expect(glorotUniform([4, 3], rng(1)).data.every((v) => Math.abs(v) <= a)).toBe(true);
  });

  it("the same seed gives the same layer; init and bias options are honoured", () => {
    const a = new Linear(3, 2, { seed: 7 });
    const b = new Linear(3, 2, { rng: rng(7) });
    expect(a.weight.data).toEqual(b.weight.data);
    expect(Array.from(a.bias!.data)).toEqual([0, 0]);
    const he = new Linear(3, 2, { seed: 7, init: heNormal, bias: false });
    expect(he.weight.data).toEqual(heNormal([3, 2], rng(7)).data);
    expect(he.bias).toBeNull();
    expect(he.parameters()).toHaveLength(1);
  });
});
