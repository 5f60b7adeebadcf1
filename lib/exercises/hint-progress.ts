/**
 * How many hints of each exercise the student has seen: a Map in this module, keyed by exercise
 * id (one notebook session is one student; restarting the kernel starts again). `dl.hint` advances
 * it; a value exercise's check reads it to decide whether the expected value may be shown (only
 * after the last hint, so that the first failure does not hand over an answer to copy).
 */
const seen = new Map<string, number>();

/** The number of hints of exercise `id` shown so far (0 before the first `dl.hint(id)`). */
export function hintsSeen(id: string): number {
  return seen.get(id) ?? 0;
}

/** Counts one more hint of `id`, staying on `total` (the last); returns the hint's number (from 1). */
export function advanceHint(id: string, total: number): number {
  const number = Math.min(hintsSeen(id) + 1, total);
  seen.set(id, number);
  return number;
}

/** Starts the hints of `id` (or of every exercise) again: for tests. */
export function resetHints(id?: string): void {
  if (id === undefined) seen.clear();
  else seen.delete(id);
}
