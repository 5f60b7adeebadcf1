// dl.plot.roc: ROC curves as a Vega-Lite chart (lesson 9).
import { describe, expect, it } from "vitest";
import { compile } from "vega-lite";
import { ArgumentError, tensor } from "../../lib";
import { roc } from "../../lib/plot/roc";
import { renderSvg } from "../../lib/show/render-svg";
import { roc as rocCurve } from "../../lib/train/roc";

type Layer = { data: { values: { x: number; y: number; curve: string }[] } };

describe("plot.roc", () => {
  const curve = rocCurve(tensor([0.9, 0.8, 0.3, 0.1]), tensor([1, 0, 1, 0]));

  it("draws each curve's (fpr, tpr) points beside the diagonal, AUC in the legend", () => {
    const spec = roc({ deep: { ...curve, auc: 0.75 }, shallow: curve });
    const layers = spec.layer as Layer[];
    expect(layers).toHaveLength(2);
    expect(layers[0].data.values).toEqual([
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ]);
    const deep = layers[1].data.values.filter((v) => v.curve === "deep (AUC 0.75)");
    expect(deep.map((v) => [v.x, v.y])).toEqual(curve.fpr.map((f, i) => [f, curve.tpr[i]]));
    expect(layers[1].data.values.filter((v) => v.curve === "shallow")).toHaveLength(5);
    expect(spec.description).toMatch(
      /ROC curves of deep \(AUC 0.75\), shallow.*diagonal is guessing/,
    );
    expect(() => compile(spec as never)).not.toThrow();
    expect(renderSvg(spec)).toContain("<svg");
  });

  it('axes: "efficiency" plots background rejection against signal efficiency, no diagonal', () => {
    const spec = roc({ net: curve }, { axes: "efficiency" });
    const layers = spec.layer as Layer[];
    expect(layers).toHaveLength(1);
    expect(layers[0].data.values.map((v) => [v.x, v.y])).toEqual(
      curve.fpr.map((f, i) => [curve.tpr[i], 1 - f]),
    );
    expect(spec.description).toMatch(/background rejection .* against signal efficiency/);
  });

  it("thins a long curve to maxPoints, keeping both ends", () => {
    const n = 1001;
    const fpr = Array.from({ length: n }, (_, i) => i / (n - 1));
    const values = (roc({ c: { fpr, tpr: fpr } }, { maxPoints: 11 }).layer as Layer[])[1].data
      .values;
    expect(values).toHaveLength(11);
    expect(values[0].x).toBe(0);
    expect(values[10].x).toBe(1);
  });

  it("rejects no curves, curves of different lengths and a bad maxPoints with ArgumentError", () => {
    expect(() => roc({})).toThrow(ArgumentError);
    expect(() => roc({ a: { fpr: [0, 1], tpr: [0] } })).toThrow(/same length ≥ 2, got 2 and 1/);
    expect(() => roc({ a: curve }, { maxPoints: 1 })).toThrow(/maxPoints must be an integer ≥ 2/);
  });
});
