/**
 * The computational graph of scalar `Value` nodes (lesson 5): a box per value with its label and
 * data, its grad below ("—" before backward has run), and a circle per op between the inputs and the
 * result. Leaves on the left, the root (the loss) on the right.
 *
 * Example:
 *   const L = …; L.backward();
 *   dl.show.chart(dl.plot.computationalGraph(L));
 */
import { type DiagramEdge, type DiagramNode, diagram } from "./diagram";
import { type ChartOptions, type VegaLiteSpec, round } from "./spec";
import { describeValue } from "../format-value";
import { ArgumentError, expectOptions } from "../errors";

/** The structural shape of a scalar autograd node (lib/autograd/value.ts fits). */
export interface GraphNode {
  data: number;
  grad: number;
  label: string;
  op: string;
  parents: readonly GraphNode[];
}

/** Options of `computationalGraph`: `showGrad` defaults to "some node has a non-zero grad". */
export interface GraphOptions extends ChartOptions {
  showGrad?: boolean;
}

/** Every node reachable from `root`, each with its depth (longest path from a leaf). */
function layout(root: GraphNode): Map<GraphNode, number> {
  const depth = new Map<GraphNode, number>();
  const visit = (v: GraphNode): number => {
    const known = depth.get(v);
    if (known !== undefined) return known;
    const d = v.parents.length === 0 ? 0 : 1 + Math.max(...v.parents.map(visit));
    depth.set(v, d);
    return d;
  };
  visit(root);
  return depth;
}

/**
 * Positions: x from the depth; leaves take rows in depth-first order from the root, and every other
 * node sits at the mean row of its parents, so inputs stay next to the op that uses them.
 */
function positions(
  root: GraphNode,
  depth: Map<GraphNode, number>,
): Map<GraphNode, [number, number]> {
  const where = new Map<GraphNode, [number, number]>();
  let nextRow = 0;
  const place = (v: GraphNode): number => {
    const known = where.get(v);
    if (known !== undefined) return known[1];
    const rows = v.parents.map(place);
    const row = rows.length === 0 ? nextRow++ * 1.2 : rows.reduce((a, b) => a + b, 0) / rows.length;
    where.set(v, [(depth.get(v) as number) * 2, row]);
    return row;
  };
  place(root);
  return where;
}

/** Draws the graph ending at `root`. */
export function computationalGraph(root: GraphNode, options: GraphOptions = {}): VegaLiteSpec {
  if (!Array.isArray((root as { parents?: unknown } | null)?.parents)) {
    throw new ArgumentError(
      `computationalGraph: root must be a dl.Value or a Tensor, got ${describeValue(root)}`,
    );
  }
  expectOptions("computationalGraph", options);
  const depth = layout(root);
  const all = [...depth.keys()];
  const showGrad = options.showGrad ?? all.some((v) => v.grad !== 0);
  const where = positions(root, depth);
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const edge = (a: [number, number], b: [number, number]): DiagramEdge => ({
    x: a[0],
    y: a[1],
    x2: b[0],
    y2: b[1],
    width: 1.5,
    color: "#777777",
  });
  all.forEach((v, k) => {
    const [x, y] = where.get(v) as [number, number];
    // Unnamed constants (a number in `a.mul(2)`) show just their value.
    const name = v.label || (v.parents.length === 0 ? "" : `v${k}`);
    nodes.push({
      x,
      y,
      text: name ? `${name} = ${round(v.data)}` : `${round(v.data)}`,
      note: `grad ${showGrad ? round(v.grad) : "—"}`,
      shape: "box",
      fill: v === root ? "#fde7c2" : "#f2f2f2",
    });
    if (v.parents.length === 0) return;
    const opAt: [number, number] = [x - 1, y];
    nodes.push({ x: opAt[0], y: opAt[1], text: v.op || "?", shape: "circle", fill: "#d8eaf7" });
    edges.push(edge(opAt, [x, y]));
    for (const p of v.parents) edges.push(edge(where.get(p) as [number, number], opAt));
  });
  const rows = Math.max(...[...where.values()].map((p) => p[1])) + 1;
  const columns = Math.max(...depth.values()) + 1;
  const description =
    options.description ??
    `Computational graph of ${all.length} values ending at ${root.label || "the root"} = ${round(root.data)}` +
      (showGrad
        ? `, with gradients (root grad ${round(root.grad)})`
        : ", gradients not yet computed");
  return diagram({
    nodes,
    edges,
    title: options.title ?? "Computational graph",
    description,
    boxWidth: 110,
    width: options.width ?? Math.min(1600, 150 * (columns + 0.5)),
    height: options.height ?? Math.min(1200, 36 * rows + 60),
  });
}
