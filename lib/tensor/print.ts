import { formatShape } from "../errors";
import { Tensor } from "./tensor";
import { strides } from "./shape";
import { expectTensor } from "./check";

/**
 * A tensor as numpy-like text, with its shape:
 *   tensor([[1, 2],
 *           [3, 4]], shape=[2, 2])
 * Integers print as integers; other numbers with 4 decimals (or in exponent form when very large
 * or small), right-aligned in columns. Tensors over 1000 elements show the first and last 3
 * entries of each axis around "...". Tensor's toString and console.log use it. Lesson 0.
 */
export function formatTensor(t: Tensor): string {
  expectTensor("formatTensor", "t", t);
  const summarise = t.size > 1000;
  const data = t.values;
  const format = cellFormatter(data);
  // Two passes over the shown numbers only: the first measures the column width, the second pads.
  let width = 0;
  const cell = (v: number): string => {
    const text = format(v);
    width = Math.max(width, text.length);
    return text;
  };
  const s = strides(t.shape);
  const prefix = "tensor(";
  const body = (axis: number, offset: number): string => {
    if (axis === t.rank) return cell(data[offset]).padStart(width);
    const n = t.shape[axis];
    const picks = summarise && n > 6 ? [0, 1, 2, -1, n - 3, n - 2, n - 1] : [...Array(n).keys()];
    const parts = picks.map((i) => (i < 0 ? "..." : body(axis + 1, offset + i * s[axis])));
    const last = axis === t.rank - 1;
    const gap = "," + "\n".repeat(t.rank - axis - 1) + " ".repeat(prefix.length + axis + 1);
    return `[${parts.join(last ? ", " : gap)}]`;
  };
  body(0, 0);
  const grad = t.requiresGrad ? `, requiresGrad=true` : "";
  return `${prefix}${body(0, 0)}, shape=${formatShape(t.shape)}${grad})`;
}

/** How to write each number of `data`, chosen once for the whole tensor (as numpy does). */
function cellFormatter(data: Float64Array): (v: number) => string {
  let integers = true;
  let maxAbs = 0;
  let minAbs = Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (!Number.isFinite(v)) continue;
    if (!Number.isInteger(v)) integers = false;
    const a = Math.abs(v);
    maxAbs = Math.max(maxAbs, a);
    if (a > 0) minAbs = Math.min(minAbs, a);
  }
  const special = (v: number): string | null =>
    Number.isNaN(v) ? "NaN" : v === Infinity ? "Infinity" : v === -Infinity ? "-Infinity" : null;
  if (integers && maxAbs < 1e9) return (v) => special(v) ?? String(v);
  const exponent = maxAbs >= 1e6 || minAbs < 1e-4;
  return (v) => special(v) ?? (exponent ? v.toExponential(3) : v.toFixed(4));
}
