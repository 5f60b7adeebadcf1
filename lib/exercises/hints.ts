/**
 * `dl.hint(id)`: shows the next hint of an exercise, one more each call, staying on the last (the
 * one closest to the answer). Progress lives in hint-progress.ts, per exercise id: a notebook
 * session is one student, and restarting the kernel starts the hints again. Seeing the last hint
 * also lets a value exercise's check show its expected value.
 */
import { displayBundle } from "../show/display";
import { exerciseIds, findExercise } from "./catalog";
import { advanceHint } from "./hint-progress";
import { escapeHtml } from "./render";

export { resetHints } from "./hint-progress";

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
  const next = nextHint(id);
  if (next === undefined) {
    const text = `dl.hint: there is no exercise "${String(id)}". Exercises: ${exerciseIds().join(", ")}.`;
    displayBundle({ "text/html": `<div>${escapeHtml(text)}</div>`, "text/plain": text });
    return;
  }
  const shown = { ...next, text: next.text + revealNote(next) };
  const last = shown.number === shown.total ? " (the last hint)" : "";
  const head = `Hint ${shown.number} of ${shown.total} for ${id}${last}:`;
  displayBundle({
    "text/html": `<div class="dl-hint" style="border-left:4px solid #1565c0;background:#e3f2fd;color:#1f2328;padding:6px 10px;font-family:sans-serif"><b>💡 ${escapeHtml(head)}</b> ${escapeHtml(shown.text)}</div>`,
    "text/plain": `💡 ${head} ${shown.text}`,
  });
}

/** After a value exercise's last hint: its check now shows the expected value (judgeValue). */
function revealNote(shown: HintShown): string {
  const isValue = findExercise(shown.exercise)?.kind === "value";
  return isValue && shown.number === shown.total
    ? " Run the check again: it now shows the expected value."
    : "";
}

/** Advances exercise `id` to its next hint (staying on the last) and returns it; undefined for an unknown id. */
export function nextHint(id: string): HintShown | undefined {
  const exercise = findExercise(id);
  if (exercise === undefined) return undefined;
  const total = exercise.hints.length;
  const number = advanceHint(id, total);
  return { exercise: id, number, total, text: exercise.hints[number - 1] };
}
