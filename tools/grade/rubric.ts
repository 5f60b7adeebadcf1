/**
 * The instructor's rubric: points per exercise and hidden cases, in a JSON file that students never
 * see (it is not in the notebooks, not in `dist/`, not on the site; on the hub it is readable by the
 * instructor only). Every exercise is worth 1 point unless the rubric says otherwise.
 *
 *   {
 *     "exercises": {
 *       "00-average": { "points": 2, "hidden": [{ "name": "negative numbers", "args": [[-1, -3]] }] },
 *       "06-sgd-epoch": { "hidden": [{ "name": "…", "args": [{ "w": { "$tensor": { "shape": [2, 1], "data": [0, 0] } }, …] }] }
 *     }
 *   }
 *
 * Hidden cases are function exercises' only; their `args` use the answers' encoding
 * (tools/grade/encode.ts: plain JSON, `{ "$tensor": { shape, data } }` for tensors).
 */
import { readFileSync } from "node:fs";
import { exercises } from "../../lib/exercises/catalog";
import type { Exercise, TestCase } from "../../lib/exercises/types";
import { decode } from "./encode";
import { graderRealm } from "./judge";

/** An exercise's weight and extra cases. */
export interface RubricEntry {
  points: number;
  hidden: TestCase<readonly unknown[]>[];
}

/** The rubric, by exercise id. */
export type Rubric = Map<string, RubricEntry>;

/** Every exercise of the catalogue, by id. */
export const EXERCISES_BY_ID: ReadonlyMap<string, Exercise> = new Map(
  Object.values(exercises).map((e: Exercise) => [e.id, e]),
);

/** A rubric that is not what this file describes. */
export class RubricError extends Error {
  override name = "RubricError";
}

/** Reads and checks a rubric file (every id must exist; points ≥ 0; hidden cases on functions only). */
export function readRubric(path: string | null): Rubric {
  const rubric: Rubric = new Map();
  for (const id of EXERCISES_BY_ID.keys()) rubric.set(id, { points: 1, hidden: [] });
  if (path === null) return rubric;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new RubricError(`${path}: ${(e as Error).message}`);
  }
  const entries = (json as { exercises?: unknown } | null)?.exercises;
  if (entries === null || typeof entries !== "object" || Array.isArray(entries))
    throw new RubricError(
      `${path}: expected { "exercises": { "<id>": { "points"?, "hidden"? } } }`,
    );
  for (const [id, raw] of Object.entries(entries as Record<string, unknown>)) {
    const exercise = EXERCISES_BY_ID.get(id);
    if (exercise === undefined)
      throw new RubricError(`${path}: no exercise "${id}" in the catalogue`);
    const entry = (raw ?? {}) as { points?: unknown; hidden?: unknown };
    const points = entry.points ?? 1;
    if (typeof points !== "number" || !(points >= 0))
      throw new RubricError(
        `${path}: ${id}.points must be a number ≥ 0, got ${JSON.stringify(points)}`,
      );
    const hidden = entry.hidden ?? [];
    if (!Array.isArray(hidden))
      throw new RubricError(`${path}: ${id}.hidden must be a list of cases`);
    if (hidden.length > 0 && exercise.kind !== "function")
      throw new RubricError(
        `${path}: ${id} is a ${exercise.kind} exercise; only functions take hidden cases`,
      );
    const cases = hidden.map((c: unknown, i): TestCase<readonly unknown[]> => {
      const { name, args } = (c ?? {}) as { name?: unknown; args?: unknown };
      if (!Array.isArray(args))
        throw new RubricError(`${path}: ${id}.hidden[${i}].args must be a list`);
      try {
        return {
          name: String(name ?? `hidden ${i + 1}`),
          args: decode(args, graderRealm) as unknown[],
          hidden: true,
        };
      } catch (e) {
        throw new RubricError(`${path}: ${id}.hidden[${i}].args: ${(e as Error).message}`);
      }
    });
    for (const c of cases) {
      const check = exercise.grade(exercise.reference, [c]);
      if (check.status !== "passed")
        throw new RubricError(
          `${path}: ${id}: the reference answer fails hidden case "${c.name}" (${check.message})`,
        );
    }
    rubric.set(id, { points, hidden: cases });
  }
  return rubric;
}
