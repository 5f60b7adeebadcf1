/**
 * `dl.hint(id)`: shows the next hint of an exercise, one more each call, staying on the last (the
 * one closest to the answer). Progress lives in a Map in this module, per exercise id: a notebook
 * session is one student, and restarting the kernel starts the hints again.
 */
import { displayBundle } from "../show/display";
import { exerciseIds, findExercise } from "./catalog";
import { escapeHtml } from "./render";

const shown = new Map<string, number>();

/** What `hint` showed: the hint's number (from 1), how many there are, and its text. */
export interface HintShown {
  readonly exercise: string;
  readonly number: number;
  readonly total: number;
  readonly text: string;
}

/**
 * Shows the next hint of exercise `id`; for an unknown id, a message listing the exercises.
 * Returns nothing, so a cell ending with it shows only the hint. Introduced in lesson 0.
 * Example: `dl.hint("00-average")`.
 */
export function hint(id: string): void {
  const shown = nextHint(id);
  if (shown === undefined) {
    const text = `dl.hint: there is no exercise "${String(id)}". Exercises: ${exerciseIds().join(", ")}.`;
    displayBundle({ "text/html": `<div>${escapeHtml(text)}</div>`, "text/plain": text });
    return;
  }
  const last = shown.number === shown.total ? " (the last hint)" : "";
  const head = `Hint ${shown.number} of ${shown.total} for ${id}${last}:`;
  displayBundle({
    "text/html": `<div class="dl-hint" style="border-left:4px solid #1565c0;background:#e3f2fd;color:#1f2328;padding:6px 10px;font-family:sans-serif"><b>💡 ${escapeHtml(head)}</b> ${escapeHtml(shown.text)}</div>`,
    "text/plain": `💡 ${head} ${shown.text}`,
  });
}

/** Advances exercise `id` to its next hint (staying on the last) and returns it; undefined for an unknown id. */
export function nextHint(id: string): HintShown | undefined {
  const exercise = findExercise(id);
  if (exercise === undefined) return undefined;
  const total = exercise.hints.length;
  const number = Math.min((shown.get(id) ?? 0) + 1, total);
  shown.set(id, number);
  return { exercise: id, number, total, text: exercise.hints[number - 1] };
}

/** Starts the hints of `id` (or of every exercise) again: for tests. */
export function resetHints(id?: string): void {
  if (id === undefined) shown.clear();
  else shown.delete(id);
}
