/**
 * The static table of every exercise of the course, by check name: `dl.check.<name>` is built from
 * it, and `dl.hint(id)` / `dl.predict(id, …)` look exercises up in it. Adding a lesson's exercises
 * is one import and one spread line here (no registration at run time).
 */
import * as lesson00 from "./lessons/lesson-00";
import * as lesson01 from "./lessons/lesson-01";
import * as lesson02 from "./lessons/lesson-02";
import * as lesson03 from "./lessons/lesson-03";
import * as lesson04 from "./lessons/lesson-04";
import * as lesson05 from "./lessons/lesson-05";
import * as lesson06 from "./lessons/lesson-06";
import * as lesson07 from "./lessons/lesson-07";
import * as lesson08 from "./lessons/lesson-08";
import * as lesson09 from "./lessons/lesson-09";
import type { Exercise, Verdict } from "./types";

/** Every exercise, keyed by the name of its check. */
export const exercises = {
  ...lesson00,
  ...lesson01,
  ...lesson02,
  ...lesson03,
  ...lesson04,
  ...lesson05,
  ...lesson06,
  ...lesson07,
  ...lesson08,
  ...lesson09,
} satisfies Record<string, Exercise>;

/** The name of a check: `dl.check.<CheckName>`. */
export type CheckName = keyof typeof exercises;

/** The exercise with this id ("00-average"), or undefined. */
export function findExercise(id: string): Exercise | undefined {
  return Object.values(exercises).find((e: Exercise) => e.id === id);
}

/** Every exercise id, in lesson order. */
export function exerciseIds(): string[] {
  return Object.values(exercises)
    .map((e: Exercise) => e.id)
    .sort();
}

/** The check of every exercise: `check.average(answer)` judges, displays and returns a Verdict. */
export const check: { readonly [K in CheckName]: (answer: unknown) => Verdict } = Object.freeze(
  Object.fromEntries(
    Object.entries(exercises).map(([name, e]: [string, Exercise]) => [
      name,
      (a: unknown) => e.check(a),
    ]),
  ) as { [K in CheckName]: (answer: unknown) => Verdict },
);
