/**
 * Node-and-edge diagrams drawn with Vega-Lite layers (rules for edges, circles or boxes for nodes,
 * text on top) on hidden axes. Shared by the network diagram and the computational graph, which
 * compute the positions; this file only draws.
 *
 * Example:
 *   diagram({ nodes: [{ x: 0, y: 0, text: "x" }], edges: [], width: 200, height: 100, … });
 */
import { type VegaLiteSpec, base } from "./spec";

/** A node at (x, y) in diagram units; `shape` "circle" (neurons, ops) or "box" (values). */
export interface DiagramNode {
  x: number;
  y: number;
  text: string;
  /** A second, smaller line under the text (e.g. the grad). */
  note?: string;
  shape: "circle" | "box";
  fill: string;
}

/** An edge from (x, y) to (x2, y2), with a line width, a colour and an optional hover label. */
export interface DiagramEdge {
  x: number;
  y: number;
  x2: number;
  y2: number;
  width: number;
  color: string;
  label?: string;
}

/** What to draw, the pixel size, title and alt text. */
export interface DiagramInput {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  width: number;
  height: number;
  title?: string;
  description: string;
  /** Box size in pixels for "box" nodes (default 96). */
  boxWidth?: number;
  /** Diameter in pixels of "circle" nodes (default 37). */
  circleDiameter?: number;
}

const hidden = { axis: null, scale: { zero: false, nice: false } };

/** The layered spec: edges, then node shapes, then the node text and notes. */
export function diagram(d: DiagramInput): VegaLiteSpec {
  const xs = d.nodes.map((n) => n.x);
  const ys = d.nodes.map((n) => n.y);
  const pad = 0.6;
  const xDomain = [Math.min(...xs) - pad, Math.max(...xs) + pad];
  const yDomain = [Math.min(...ys) - pad, Math.max(...ys) + pad];
  const x = { field: "x", type: "quantitative", ...hidden, scale: { domain: xDomain } };
  const y = {
    field: "y",
    type: "quantitative",
    ...hidden,
    scale: { domain: yDomain, reverse: true },
  };
  const boxes = d.nodes.filter((n) => n.shape === "box");
  const circles = d.nodes.filter((n) => n.shape === "circle");
  const layers: VegaLiteSpec[] = [
    {
      data: { values: d.edges },
      mark: { type: "rule", opacity: 0.85 },
      encoding: {
        x,
        y,
        x2: { field: "x2" },
        y2: { field: "y2" },
        strokeWidth: { field: "width", type: "quantitative", scale: null },
        color: { field: "color", type: "nominal", scale: null },
        tooltip: { field: "label" },
      },
    },
    {
      data: { values: circles },
      mark: {
        type: "circle",
        size: (Math.PI / 4) * (d.circleDiameter ?? 37.4) ** 2, // vega's size is the area
        stroke: "#333",
        strokeWidth: 1,
        opacity: 1,
      },
      encoding: { x, y, color: { field: "fill", type: "nominal", scale: null } },
    },
    {
      data: { values: boxes },
      mark: {
        type: "point",
        filled: true,
        size: (d.boxWidth ?? 96) ** 2 / 3,
        stroke: "#333",
        strokeWidth: 1,
        opacity: 1,
        shape: `M-1.5,-0.5H1.5V0.5H-1.5Z`,
      },
      encoding: { x, y, color: { field: "fill", type: "nominal", scale: null } },
    },
    {
      data: { values: d.nodes.map((n) => ({ ...n, dy: n.note === undefined ? 0 : -6 })) },
      mark: {
        type: "text",
        fontSize: 11,
        baseline: "middle",
        dy: { expr: "datum.dy" },
        fontWeight: "bold",
      },
      encoding: { x, y, text: { field: "text" } },
    },
    {
      data: { values: d.nodes.filter((n) => n.note !== undefined) },
      mark: { type: "text", fontSize: 10, baseline: "middle", dy: 7, color: "#444" },
      encoding: { x, y, text: { field: "note" } },
    },
  ];
  return {
    ...base({ title: d.title, width: d.width, height: d.height, description: d.description }),
    layer: layers,
  };
}
