/**
 * `dl.hint(id)`: shows the next hint of an exercise, one more each call, staying on the last (the
 * one closest to the answer). Progress lives in a Map in this module, per exercise id: a notebook
 * session is one student, and restarting the kernel starts the hints again.
 */
import { displayBundle } from "../show/display";
import { exerciseIds, findExercise } from "./catalog";
import { escapeHtml, quiet } from "./render";

const shown = new Map<string, number>();

/** What `hint` showed: the hint's number (from 1), how many there are, and its text. */
export interface HintShown {
  readonly exercise: string;
  readonly number: number;
  readonly total: number;
  readonly text: string;
}

/**
 * Shows the next hint of exercise `id` and returns it (undefined, with a message listing the
 * exercises, for an unknown id). Introduced in lesson 0. Example: `dl.hint("00-average")`.
 */
export function hint(id: string): HintShown | undefined {
  const exercise = findExercise(id);
  if (exercise === undefined) {
    const text = `dl.hint: there is no exercise "${String(id)}". Exercises: ${exerciseIds().join(", ")}.`;
    displayBundle({ "text/html": `<div>${escapeHtml(text)}</div>`, "text/plain": text });
    return undefined;
  }
  const total = exercise.hints.length;
  const number = Math.min((shown.get(id) ?? 0) + 1, total);
  shown.set(id, number);
  const last = number === total ? " (the last hint)" : "";
  const head = `Hint ${number} of ${total} for ${id}${last}:`;
  const text = exercise.hints[number - 1];
  displayBundle({
    "text/html": `<div class="dl-hint" style="border-left:4px solid #1565c0;background:#e3f2fd;padding:6px 10px;font-family:sans-serif"><b>💡 ${escapeHtml(head)}</b> ${escapeHtml(text)}</div>`,
    "text/plain": `💡 ${head} ${text}`,
  });
  return quiet({ exercise: id, number, total, text }, "");
}

/** Starts the hints of `id` (or of every exercise) again: for tests. */
export function resetHints(id?: string): void {
  if (id === undefined) shown.clear();
  else shown.delete(id);
}
