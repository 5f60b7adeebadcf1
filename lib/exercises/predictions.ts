/**
 * The predictions students recorded with `dl.predict(id, value)`, kept for the later cell whose
 * check reveals the truth. Module state, deliberately: a notebook session is one student, and the
 * kernel restart that re-runs the lesson also clears it. Keyed by exercise id.
 */
const recorded = new Map<string, unknown>();

/** Stores the prediction for exercise `id` (replacing an earlier one). */
export function recordPrediction(id: string, value: unknown): void {
  recorded.set(id, value);
}

/** The prediction recorded for `id`: `{ value }`, or null when there is none. */
export function recordedPrediction(id: string): { value: unknown } | null {
  return recorded.has(id) ? { value: recorded.get(id) } : null;
}

/** Forgets every prediction (or the one of `id`): for tests. */
export function clearPredictions(id?: string): void {
  if (id === undefined) recorded.clear();
  else recorded.delete(id);
}
