/**
 * A feed-forward network drawn as layers of neurons joined by weights: line width ∝ |w|, colour by
 * sign (blue positive, vermillion negative). Lessons 1, 3 and 4 (the 2-2-1 network).
 *
 * Example:
 *   dl.show.chart(dl.plot.network([2, 2, 1], { weights: [[[1, -1], [0.5, 2]], [[1.5, -0.7]]] }));
 */
import { ArgumentError, ShapeError, expectOptions } from "../errors";
import { type NumericInput, expectCount, toMatrix } from "./arrays";
import { type DiagramEdge, type DiagramNode, diagram } from "./diagram";
import { type ChartOptions, OKABE_ITO, type VegaLiteSpec, round } from "./spec";
import { describeValue } from "../format-value";

/** Options of `network`. */
export interface NetworkOptions extends ChartOptions {
  /** Weights per layer as [out, in] matrices (PyTorch's Linear layout); default all edges thin grey. */
  weights?: readonly NumericInput[];
  /** Names per layer of neurons, e.g. [["x1", "x2"], ["h1", "h2"], ["o1"]]; default x/h/y numbered. */
  names?: readonly (readonly string[])[];
}

function defaultName(layer: number, i: number, last: number): string {
  const letter = layer === 0 ? "x" : layer === last ? "y" : layer === 1 ? "h" : `h${layer}_`;
  return `${letter}${i + 1}`;
}

/** Layer sizes, e.g. [2, 2, 1]; each layer is a column, neurons centred vertically. */
export function network(sizes: readonly number[], options: NetworkOptions = {}): VegaLiteSpec {
  if (!Array.isArray(sizes as unknown)) {
    throw new ArgumentError(
      `network: sizes must be an array of layer widths, got ${describeValue(sizes)}`,
    );
  }
  expectOptions("network", options);
  sizes.forEach((n, l) => expectCount("network", `sizes[${l}]`, n, 1, 1000));
  const w = (options.weights ?? []).map((m) => toMatrix(m, "network"));
  w.forEach((m, l) => {
    if (m.length !== sizes[l + 1] || m[0].length !== sizes[l]) {
      throw new ShapeError(
        `network: weights[${l}] must be [${sizes[l + 1]}, ${sizes[l]}] ([out, in]), got [${m.length}, ${m[0].length}]`,
      );
    }
  });
  const tallest = Math.max(...sizes);
  const pos = (l: number, i: number): [number, number] => [
    l * 2,
    i - (sizes[l] - 1) / 2 + (tallest - 1) / 2,
  ];
  const last = sizes.length - 1;
  const nodes: DiagramNode[] = sizes.flatMap((n, l) =>
    Array.from({ length: n }, (_, i) => ({
      x: pos(l, i)[0],
      y: pos(l, i)[1],
      text: options.names?.[l]?.[i] ?? defaultName(l, i, last),
      shape: "circle" as const,
      fill: l === 0 ? "#f2f2f2" : l === last ? "#fde7c2" : "#d8eaf7",
    })),
  );
  const maxW = Math.max(1e-12, ...w.flat(2).map(Math.abs));
  const edges: DiagramEdge[] = [];
  for (let l = 0; l < last; l++) {
    for (let j = 0; j < sizes[l + 1]; j++) {
      for (let i = 0; i < sizes[l]; i++) {
        const wij = w[l]?.[j]?.[i];
        const [x, y] = pos(l, i);
        const [x2, y2] = pos(l + 1, j);
        edges.push({
          x,
          y,
          x2,
          y2,
          width: wij === undefined ? 1.2 : 0.5 + (5 * Math.abs(wij)) / maxW,
          color: wij === undefined ? "#999999" : wij >= 0 ? OKABE_ITO[0] : OKABE_ITO[3],
          label: wij === undefined ? "" : `w = ${round(wij)}`,
        });
      }
    }
  }
  const description =
    options.description ??
    `A network with layers of ${sizes.join(", ")} neurons` +
      (w.length ? "; line width shows |weight|, blue positive, vermillion negative" : "");
  return diagram({
    nodes,
    edges,
    title: options.title ?? `Network ${sizes.join("-")}`,
    description,
    width: options.width ?? Math.min(560, 140 * sizes.length),
    height: options.height ?? Math.min(420, 70 * tallest + 40),
  });
}
