// The neuron playground's y = 0.5 boundary: the dashed line the static SVG draws lies exactly where
// f(w1·x1 + w2·x2 + b) = 0.5, for every activation, horizontal, vertical and slanted lines; none
// when w1 = w2 = 0. (That it follows the sliders in a browser: tests/export/neuron-playground.test.ts.)
import { describe, expect, it } from "vitest";
import { neuron, type NeuronOptions } from "../../lib/plot/neuron";
import { renderSvg } from "../../lib/show/render-svg";

/** z where f(z) = 0.5. */
const HALF: Record<string, number> = {
  sigmoid: 0,
  tanh: Math.atanh(0.5),
  relu: 0.5,
  step: 0,
};

/** The points of the line mark's path in data coordinates (plot 320 px, inputs in [-r, r]). */
function boundaryPoints(svg: string, r: number): [number, number][] {
  const group = /<g class="mark-line role-mark[^"]*"[^>]*?(?:\/>|>(.*?)<\/g>)/s.exec(svg);
  if (group === null) throw new Error("no line mark in the SVG");
  const d = /\sd="([^"]+)"/.exec(group[1] ?? "")?.[1] ?? "";
  const numbers = (d.match(/-?[\d.]+(?:e-?\d+)?/g) ?? []).map(Number);
  const points: [number, number][] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) {
    points.push([(numbers[i] / 320) * 2 * r - r, r - (numbers[i + 1] / 320) * 2 * r]);
  }
  return points;
}

describe("neuron's y = 0.5 boundary", () => {
  it.each([
    [{ w1: 1, w2: -1, b: 0.5 }],
    [{ w1: 0, w2: 2, b: 1, activation: "tanh" }],
    [{ w1: 2, w2: 0, b: -3, activation: "relu" }],
    [{ w1: -1, w2: 0.5, b: 1, activation: "step" }],
    [{ w1: 0.3, w2: 0.2, b: -0.1, range: 5 }],
  ] as [NeuronOptions][])("%j: every point of the dashed line has f(z) = 0.5", (options) => {
    const r = options.range ?? 3;
    const points = boundaryPoints(renderSvg(neuron({ ...options, resolution: 6 })), r);
    expect(points.length).toBeGreaterThanOrEqual(2);
    const z = HALF[options.activation ?? "sigmoid"];
    for (const [x1, x2] of points) {
      expect(options.w1! * x1 + options.w2! * x2 + options.b!).toBeCloseTo(z, 1);
    }
    // The line is long enough to cross the whole plot wherever it passes through it.
    const span = Math.hypot(points[0][0] - points[1][0], points[0][1] - points[1][1]);
    expect(span).toBeGreaterThan(2 * Math.SQRT2 * r);
  });

  it("draws no line when w1 = w2 = 0 (the output is the same everywhere)", () => {
    expect(boundaryPoints(renderSvg(neuron({ w1: 0, w2: 0, b: 1, resolution: 6 })), 3)).toEqual([]);
  });

  it("the line is dashed, clipped to the plot, silent for screen readers, and computed from the slider params", () => {
    const spec = neuron() as {
      layer: { mark: Record<string, unknown>; transform: { calculate?: string }[] }[];
    };
    expect(spec.layer.map((l) => l.mark.type)).toEqual(["rect", "line"]);
    expect(spec.layer[1].mark).toMatchObject({ strokeDash: [6, 4], clip: true, aria: false });
    const expressions = spec.layer[1].transform.map((t) => t.calculate ?? "").join(" ");
    for (const param of ["w1", "w2", "b", "f === 'tanh'"]) expect(expressions).toContain(param);
  });
});
