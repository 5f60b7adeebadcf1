/**
 * Reference answers of lesson 0 (Welcome). Each export is the declaration a solved notebook cell
 * holds: `npm run solutions` copies its text (without `export` and this kind of doc comment) over the
 * declaration of the same name in the student's cell. The checks in lessons/lesson-00.ts use them.
 */
import * as dl from "./dl";

/** 00-first-tensor: the tensor [[1, 2], [3, 4]], doubled (kept on one line, as in the notebook). */
// prettier-ignore
export const doubled: dl.Tensor = dl.mul(dl.tensor([[1, 2], [3, 4]]), 2);

/** 00-average: the mean of a list of numbers. */
export function average(xs: number[]): number {
  let total = 0;
  for (const x of xs) total += x;
  return total / xs.length;
}

/** 00-broadcast-shape: the shape two shapes broadcast to (aligned on the right), or null. */
export function broadcastShape(a: number[], b: number[]): number[] | null {
  const shape: number[] = [];
  for (let i = 1; i <= Math.max(a.length, b.length); i++) {
    const x = a[a.length - i] ?? 1; // a missing axis counts as 1
    const y = b[b.length - i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return null;
    shape.unshift(Math.max(x, y));
  }
  return shape;
}

/** 00-predict-sum: the sum of the entries of `doubled`, predicted before it is computed. */
export const predictedSum: number = 20;
