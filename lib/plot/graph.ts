/**
 * The computational graph of scalar `Value` nodes (lesson 5), drawn top to bottom: the inputs above,
 * the root (the loss) at the bottom. A box per value shows its label and data, and its grad below
 * ("—" before backward has run); the op that made a value sits in a small circle just above its box,
 * fed by the boxes of its inputs. Each value sits one row above the op that uses it, and the inputs'
 * subtrees are packed side by side as tightly as their rows allow (a Reingold–Tilford tidy tree), so
 * the lecture's 2-2-1 network (33 values, 12 rows) fits a page's width with readable text.
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

/** Pixels per slot (a box and the gap beside it) and per row (a box and the op circle above it). */
const SLOT_PX = 110;
const ROW_PX = 66;
/** Short op names, so that they fit their circle: `*` is ×, sigmoid is σ. */
const OP_TEXT: Record<string, string> = { "*": "×", sigmoid: "σ", relu: "ReLU" };

/**
 * Each node's inputs that are drawn above it: every node hangs under the first node (from the root,
 * depth first) that uses it; a node used again elsewhere gets only an extra edge there.
 */
function spanningTree(root: GraphNode): Map<GraphNode, GraphNode[]> {
  const children = new Map<GraphNode, GraphNode[]>([[root, []]]);
  const visit = (v: GraphNode): void => {
    for (const p of v.parents) {
      if (children.has(p)) continue;
      children.set(p, []);
      (children.get(v) as GraphNode[]).push(p);
      visit(p);
    }
  };
  visit(root);
  return children;
}

/** A placed subtree: x of each node (its root at 0), and the [min, max] x of each row below it. */
interface Shape {
  x: Map<GraphNode, number>;
  rows: [number, number][];
}

/** Tidy-tree placement: inputs' subtrees side by side, one slot apart on every shared row. */
function place(v: GraphNode, tree: Map<GraphNode, GraphNode[]>): Shape {
  const kids = (tree.get(v) as GraphNode[]).map((k) => place(k, tree));
  if (kids.length === 0) return { x: new Map([[v, 0]]), rows: [[0, 0]] };
  const merged: [number, number][] = [];
  const offsets = kids.map((kid) => {
    let offset = -Infinity;
    kid.rows.forEach(([lo], r) => {
      offset = Math.max(offset, r < merged.length ? merged[r][1] + 1 - lo : -Infinity);
    });
    if (offset === -Infinity) offset = 0; // the first subtree
    kid.rows.forEach(([lo, hi], r) => {
      const [a, b] = [lo + offset, hi + offset];
      merged[r] =
        r < merged.length ? [Math.min(merged[r][0], a), Math.max(merged[r][1], b)] : [a, b];
    });
    return offset;
  });
  const center = (offsets[0] + offsets[offsets.length - 1]) / 2;
  const x = new Map<GraphNode, number>([[v, 0]]);
  kids.forEach((kid, i) => kid.x.forEach((kx, node) => x.set(node, kx + offsets[i] - center)));
  const rows = merged.map(([a, b]): [number, number] => [a - center, b - center]);
  return { x, rows: [[0, 0], ...rows] };
}

/** Each node's row, counted up from the root (0). */
function rowsFromRoot(root: GraphNode, tree: Map<GraphNode, GraphNode[]>): Map<GraphNode, number> {
  const row = new Map<GraphNode, number>([[root, 0]]);
  const down = (v: GraphNode): void => {
    for (const k of tree.get(v) as GraphNode[]) {
      row.set(k, (row.get(v) as number) + 1);
      down(k);
    }
  };
  down(root);
  return row;
}

/** Draws the graph ending at `root`. */
export function computationalGraph(root: GraphNode, options: GraphOptions = {}): VegaLiteSpec {
  if (!Array.isArray((root as { parents?: unknown } | null)?.parents)) {
    throw new ArgumentError(
      `computationalGraph: root must be a dl.Value or a Tensor, got ${describeValue(root)}`,
    );
  }
  expectOptions("computationalGraph", options);
  const tree = spanningTree(root);
  const all = [...tree.keys()];
  const showGrad = options.showGrad ?? all.some((v) => v.grad !== 0);
  const { x } = place(root, tree);
  const row = rowsFromRoot(root, tree);
  const height = Math.max(...row.values());
  const minX = Math.min(...x.values());
  // y grows downwards: the inputs' rows first, the root's row last.
  const at = (v: GraphNode): [number, number] => [
    (x.get(v) as number) - minX,
    height - (row.get(v) as number),
  ];
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const edge = (a: [number, number], b: [number, number]): DiagramEdge => ({
    ...{ x: a[0], y: a[1], x2: b[0], y2: b[1] },
    width: 1.5,
    color: "#777777",
  });
  for (const v of all) {
    const [vx, vy] = at(v);
    nodes.push({
      x: vx,
      y: vy,
      // Named values show their name; constants and unnamed intermediates just their value.
      text: v.label ? `${v.label} = ${round(v.data)}` : `${round(v.data)}`,
      note: `grad ${showGrad ? round(v.grad) : "—"}`,
      shape: "box",
      fill: v === root ? "#fde7c2" : "#f2f2f2",
    });
    if (v.parents.length === 0) continue;
    const opAt: [number, number] = [vx, vy - 0.5];
    const text = OP_TEXT[v.op] ?? (v.op || "?");
    nodes.push({ x: opAt[0], y: opAt[1], text, shape: "circle", fill: "#d8eaf7" });
    edges.push(edge(opAt, [vx, vy]));
    for (const p of v.parents) edges.push(edge(at(p), opAt));
  }
  const columns = Math.max(...nodes.map((n) => n.x)) + 1;
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
    boxWidth: 121,
    circleDiameter: 26,
    width: options.width ?? Math.round(SLOT_PX * (columns + 0.2)),
    height: options.height ?? Math.round(ROW_PX * (height + 1.2)),
  });
}
