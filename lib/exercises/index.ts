/**
 * Exercises: checks with targeted feedback, progressive hints, predictions and the stub
 * convention. Notebooks use `dl.check.<name>(answer)`, `dl.hint(id)`, `dl.predict(id, value)` and
 * `dl.todo()`; authors add exercises as described in lib/exercises/README.md.
 */
export { check, exercises, findExercise } from "./catalog";
export type { CheckName } from "./catalog";
export { hint } from "./hints";
export { predict } from "./predict";
export { todo } from "./todo";
export { defineExercise } from "./define";
export type { Verdict, VerdictStatus, CaseReport, Exercise } from "./types";
