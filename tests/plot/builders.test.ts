import { describe, expect, it } from "vitest";
import { compile } from "vega-lite";
import * as plot from "../../lib/plot";
import type { VegaLiteSpec } from "../../lib/plot";
import { compactSvg, renderSvg, renderSvgAsync } from "../../lib/show/render-svg";
import { Tensor } from "../../lib/tensor/tensor";

const pts = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const xor = [0, 1, 1, 0];
const value = (
  data: number,
  label: string,
  op = "",
  parents: plot.GraphNode[] = [],
  grad = 0,
): plot.GraphNode => ({ data, grad, label, op, parents });
const a = value(2, "a");
const b = value(-3, "b");
const L = value(-6, "L", "*", [a, b]);

/** Every chart kind, with a mark type its SVG must contain. */
const cases: [string, () => VegaLiteSpec, string][] = [
  ["line", () => plot.line({ train: [1, 0.5, 0.2], validation: [1.1, 0.7, 0.6] }), "line"],
  [
    "lossCurves (log)",
    () =>
      plot.lossCurves(
        { loss: [1, 0.1, 0.01], valLoss: [1, 0.2, 0.1], accuracy: [0.5, 0.9, 1] },
        { logY: true },
      ),
    "line",
  ],
  ["scatter", () => plot.scatter(pts, xor), "symbol"],
  [
    "decisionBoundary",
    () =>
      plot.decisionBoundary((p) => p.map(([u, v]) => (u > v ? 1 : 0)), pts, xor, {
        resolution: 10,
      }),
    "rect",
  ],
  [
    "heatmap",
    () =>
      plot.heatmap(
        [
          [4, 1],
          [7, 8],
        ],
        { showValues: true },
      ),
    "text",
  ],
  [
    "imageGrid",
    () =>
      plot.imageGrid(
        [
          [
            [0, 1],
            [1, 0],
          ],
          [
            [1, 1],
            [0, 0],
          ],
        ],
        { labels: ["7", "7"] },
      ),
    "rect",
  ],
  ["activations", () => plot.activations(["sigmoid", "relu"], { samples: 21 }), "line"],
  [
    "network",
    () =>
      plot.network([2, 2, 1], {
        weights: [
          [
            [1, -1],
            [0.5, 2],
          ],
          [[1.5, -0.7]],
        ],
      }),
    "rule",
  ],
  ["computationalGraph", () => plot.computationalGraph(L), "rule"],
  [
    "lossContour",
    () =>
      plot.lossContour((u, v) => u * u + v * v, {
        path: [
          [1, 1],
          [0.5, 0.5],
        ],
        resolution: 8,
      }),
    "line",
  ],
  ["timeline", () => plot.timeline(), "text"],
  ["histogram", () => plot.histogram([1, 2, 2, 3, 3, 3]), "rect"],
  ["bar", () => plot.bar({ none: 0.8, L2: 0.85 }), "rect"],
  ["neuron", () => plot.neuron({ resolution: 6 }), "rect"],
];

describe("chart builders", () => {
  it.each(cases)("%s returns valid Vega-Lite with a description", (_, build) => {
    const spec = build();
    expect(() => compile(spec as never)).not.toThrow();
    expect(typeof spec.description).toBe("string");
    expect((spec.description as string).length).toBeGreaterThan(10);
  });

  it.each(cases)(
    "%s renders a non-empty SVG containing its marks, the same as vega's toSVG",
    async (_, build, mark) => {
      const spec = build();
      const svg = renderSvg(spec);
      expect(svg).toMatch(/^<svg[\s\S]+<\/svg>$/);
      expect(svg).toContain(`class="mark-${mark} role-mark`);
      // Gradient and clip ids come from a global counter, so they differ between two renderings.
      const ids = (t: string): string => t.replace(/(gradient|clip)_?\d+/g, "$1_N");
      expect(ids(svg)).toBe(ids(compactSvg(await renderSvgAsync(spec))));
    },
  );
});

describe("builders: data and encodings", () => {
  it("line(series) has one row per point and colours by series", () => {
    const spec = plot.line({ train: [3, 2], validation: [4, 3] }) as {
      data: { values: unknown[] };
      encoding: Record<string, { field?: string }>;
    };
    expect(spec.data.values).toEqual([
      { x: 1, y: 3, series: "train" },
      { x: 2, y: 2, series: "train" },
      { x: 1, y: 4, series: "validation" },
      { x: 2, y: 3, series: "validation" },
    ]);
    expect(spec.encoding.color.field).toBe("series");
  });

  it("line accepts a Tensor (data + shape) as well as an array", () => {
    const t = new Tensor(Float64Array.from([3, 2]), [2]);
    expect(plot.line({ loss: t })).toEqual(plot.line({ loss: [3, 2] }));
  });

  it("lossCurves keeps only the loss keys; logY sets a log scale", () => {
    const spec = plot.lossCurves(
      { loss: [1, 0.1], valLoss: [1, 0.5], accuracy: [0.5, 1] },
      { logY: true },
    ) as { data: { values: { series: string }[] }; encoding: { y: { scale: { type: string } } } };
    expect(new Set(spec.data.values.map((v) => v.series))).toEqual(new Set(["loss", "valLoss"]));
    expect(spec.encoding.y.scale.type).toBe("log");
  });

  it("scatter reduces one-hot labels by argmax and names classes", () => {
    const spec = plot.scatter(
      [
        [0, 0],
        [1, 1],
      ],
      [
        [1, 0],
        [0, 1],
      ],
      { classNames: ["F", "M"] },
    ) as { data: { values: { label: string }[] } };
    expect(spec.data.values.map((v) => v.label)).toEqual(["F", "M"]);
  });

  it("decisionBoundary evaluates predict on resolution² grid points", () => {
    let calls = 0;
    const spec = plot.decisionBoundary(
      (p) => {
        calls = p.length;
        return p.map(() => 1);
      },
      pts,
      xor,
      { resolution: 5 },
    );
    expect(calls).toBe(25);
    expect(JSON.stringify(spec)).toContain('"region":"class 1"');
  });

  it("heatmap with showValues writes each value (the lecture's pooling input)", () => {
    const svg = renderSvg(
      plot.heatmap(
        [
          [4, 1, 5, 0],
          [7, 8, 9, 8],
          [3, 5, 6, 5],
          [2, 4, 1, 0],
        ],
        { showValues: true },
      ),
    );
    for (const v of ["4", "9", "6"]) expect(svg).toContain(`>${v}</text>`);
  });

  it("computationalGraph shows grad as — before backward and the number after", () => {
    expect(JSON.stringify(plot.computationalGraph(L))).toContain("grad —");
    const after = value(-6, "L", "*", [value(2, "a", "", [], -3), value(-3, "b", "", [], 2)], 1);
    expect(JSON.stringify(plot.computationalGraph(after))).toContain("grad -3");
    expect(JSON.stringify(plot.computationalGraph(after, { showGrad: false }))).not.toContain(
      "grad -3",
    );
  });

  it("timeline has the eighteen events of the history, 1943 to 2024 (both winters, 2006 included)", () => {
    const years = plot.NEURAL_NETWORK_HISTORY.map((e) => e.year);
    // prettier-ignore
    expect(years).toEqual([
      1943, 1958, 1960, 1969, 1986, 1989, 1995, 1997, 1998, 2006, 2009, 2010, 2012, 2014, 2015,
      2016, 2017, 2024,
    ]);
    const text = JSON.stringify(plot.timeline());
    for (const y of years) expect(text).toContain(`"year":${y}`);
    expect(text).toContain("Layer-wise pretraining (Hinton, Salakhutdinov)");
  });

  it("neuron binds w1, w2, b to sliders and the activation to a menu", () => {
    const spec = plot.neuron() as { params: { name: string; bind: { input: string } }[] };
    expect(spec.params.map((p) => [p.name, p.bind.input])).toEqual([
      ["w1", "range"],
      ["w2", "range"],
      ["b", "range"],
      ["f", "select"],
    ]);
  });

  it("lossSurface is a Plotly surface + path with a contour fallback", () => {
    const s = plot.lossSurface((u, v) => u * u + v * v, {
      path: [
        [1, 1],
        [0, 0],
      ],
      resolution: 5,
    });
    expect(s.data.map((t) => t.type)).toEqual(["surface", "scatter3d"]);
    expect(s.data[1].z).toEqual([2, 0]);
    expect(s.fallback).toBeDefined();
  });
});

describe("builders: errors", () => {
  const bad: [string, () => unknown, RegExp][] = [
    [
      "scatter with 3-d points",
      () => plot.scatter([[1, 2, 3]], [0]),
      /scatter: x must be \[N, 2\], got \[1, 3\]/,
    ],
    [
      "scatter with too few labels",
      () => plot.scatter(pts, [0, 1]),
      /scatter: y has 2 labels for 4 points/,
    ],
    [
      "network with wrong weight shape",
      () => plot.network([2, 1], { weights: [[[1, 2, 3]]] }),
      /network: weights\[0\] must be \[1, 2\] \(\[out, in\]\), got \[1, 3\]/,
    ],
    [
      "activations with unknown name",
      () => plot.activations(["swish"]),
      /activations: unknown activation "swish"/,
    ],
    [
      "lossCurves without loss",
      () => plot.lossCurves({ accuracy: [1] }),
      /lossCurves: history has no loss series, got keys \[accuracy\]/,
    ],
    ["heatmap ragged", () => plot.heatmap([[1, 2], [3]]), /heatmap: rows must have equal lengths/],
    [
      "imageGrid label count",
      () => plot.imageGrid([[[1]]], { labels: ["a", "b"] }),
      /imageGrid: got 2 labels for 1 images/,
    ],
    [
      "lossContour with a path that is not an array",
      () => plot.lossContour((u, v) => u + v, { path: { join: 1 } as never }),
      /lossSurface: expected an array of numbers or a tensor, got an object with keys join/,
    ],
    [
      "lossContour with 3-d path points",
      () => plot.lossContour((u, v) => u + v, { path: [[1, 2, 3]] }),
      /lossSurface: path must be \[K, 2\]/,
    ],
  ];
  it.each(bad)("%s throws a named error", (_, call, message) => {
    expect(call).toThrow(message);
  });
});
