// computationalGraph's tidy top-down layout: lesson 5's 33-value graph fits a page (≤ 920 px wide,
// text at 11 px), no two boxes overlap, every input sits one row above the op that uses it, shared
// values are drawn once with an edge to each use, and tiny graphs work.
import { describe, expect, it } from "vitest";
import { value, type Value } from "../../lib/autograd/value";
import { computationalGraph } from "../../lib/plot/graph";
import { renderSvg } from "../../lib/show/render-svg";

type Node = { x: number; y: number; text: string; note?: string };
type Edge = { x: number; y: number; x2: number; y2: number };

/** The diagram's layers: edges, op circles, value boxes. */
function parts(root: Value) {
  const spec = computationalGraph(root) as {
    width: number;
    height: number;
    layer: { data: { values: unknown[] } }[];
  };
  const [edges, circles, boxes] = spec.layer.map((l) => l.data.values);
  return {
    spec,
    edges: edges as Edge[],
    circles: circles as Node[],
    boxes: boxes as Node[],
  };
}

/** Lesson 5's graph for Alice (x1 = -2, x2 = -1, y = 1), weights as in the lesson's first cells. */
function alice(): Value {
  const [w1, w2, w3, w4, w5, w6, b1, b2, b3] = [
    0.1, -0.2, 0.3, 0.05, -0.4, 0.25, 0.01, -0.02, 0.03,
  ].map((v, i) => value(v, ["w1", "w2", "w3", "w4", "w5", "w6", "b1", "b2", "b3"][i]));
  const h1 = w1.mul(-2).add(w2.mul(-1)).add(b1).sigmoid().named("h1");
  const h2 = w3.mul(-2).add(w4.mul(-1)).add(b2).sigmoid().named("h2");
  const out = w5.mul(h1).add(w6.mul(h2)).add(b3).sigmoid().named("y_pred");
  const loss = value(1, "y").sub(out).pow(2).named("L");
  loss.backward();
  return loss;
}

describe("computationalGraph layout", () => {
  it("lesson 5's graph: 33 values, 18 ops, ≤ 920 px wide, the loss alone on the bottom row", () => {
    const { spec, boxes, circles } = parts(alice());
    expect(boxes).toHaveLength(33);
    expect(circles).toHaveLength(18);
    expect(spec.width).toBeLessThanOrEqual(920);
    const bottom = Math.max(...boxes.map((b) => b.y));
    expect(boxes.filter((b) => b.y === bottom).map((b) => b.text)).toEqual(["L = 0.272"]);
    expect(Math.min(...boxes.map((b) => b.y))).toBe(0);
    expect(bottom).toBe(11); // 12 rows: the longest path from an input to L
  });

  it("no two boxes (or two op circles) share a place: one slot apart on every row", () => {
    const { boxes, circles } = parts(alice());
    for (const group of [boxes, circles]) {
      for (const [i, a] of group.entries()) {
        for (const b of group.slice(i + 1)) {
          if (a.y === b.y)
            expect(Math.abs(a.x - b.x), `${a.text} / ${b.text}`).toBeGreaterThanOrEqual(1);
        }
      }
    }
  });

  it("each op sits half a row above its value, fed by boxes exactly one row above the value", () => {
    const { boxes, circles, edges } = parts(alice());
    for (const op of circles) {
      const below = boxes.filter((b) => b.x === op.x && b.y === op.y + 0.5);
      expect(below, op.text).toHaveLength(1);
      const inputs = edges.filter((e) => e.x2 === op.x && e.y2 === op.y);
      expect(inputs.length).toBeGreaterThanOrEqual(1);
      for (const e of inputs) {
        expect(e.y).toBe(op.y - 0.5);
        expect(boxes.some((b) => b.x === e.x && b.y === e.y)).toBe(true);
      }
    }
  });

  it("ops read as symbols; unnamed values show just their number; named ones their name", () => {
    const { boxes, circles } = parts(alice());
    expect(new Set(circles.map((c) => c.text))).toEqual(new Set(["×", "+", "σ", "^2"]));
    const texts = boxes.map((b) => b.text);
    expect(texts).toContain("y_pred = 0.4784");
    expect(texts).toContain("-0.08638"); // the pre-activation of y_pred
    expect(texts.filter((t) => /^v\d/.test(t))).toEqual([]);
    expect(boxes.every((b) => /^grad -?[\d.e-]+$/.test(b.note ?? ""))).toBe(true);
  });

  it("a value used twice is drawn once, with an edge to each use", () => {
    const a = value(3, "a");
    const b = a.tanh().named("b");
    const c = a.mul(a).add(b).named("c");
    const { boxes, edges } = parts(c);
    expect(boxes.filter((n) => n.text.startsWith("a ="))).toHaveLength(1);
    const [ax, ay] = ((n) => [n.x, n.y])(boxes.find((n) => n.text.startsWith("a ="))!);
    expect(edges.filter((e) => e.x === ax && e.y === ay)).toHaveLength(3); // a·a twice, tanh(a)
  });

  it.each([
    ["a single value", () => value(2, "x"), 1, 0],
    ["one op", () => value(2, "a").mul(value(-3, "b")).named("L"), 3, 1],
    [
      "a chain of 30 ops",
      () => Array.from({ length: 30 }).reduce<Value>((v) => v.tanh(), value(0.5, "x")),
      31,
      30,
    ],
  ])("%s draws and renders", (_name, build, boxCount, circleCount) => {
    const { spec, boxes, circles } = parts(build());
    expect(boxes).toHaveLength(boxCount);
    expect(circles).toHaveLength(circleCount);
    expect(renderSvg(spec)).toMatch(/^<svg[\s\S]+<\/svg>$/);
  });

  it("the rendered SVG keeps the spec's width, so the page shows it near full size", () => {
    const svg = renderSvg(computationalGraph(alice()));
    const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
    expect(width).toBeGreaterThan(700);
    expect(width).toBeLessThanOrEqual(920);
    expect(svg).toContain(">y_pred = 0.4784<");
  });
});
