/**
 * Predict, then run. A lesson asks in one cell:
 *   const predictedSum: number = dl.todo();   // the student writes a guess here
 *   dl.predict("00-predict-sum", predictedSum);
 * and reveals in a later cell, checking the prediction against what it computed:
 *   const total = dl.sum(doubled).item();
 *   dl.check.predictedSum(total);
 */
import { displayBundle } from "../show/display";
import { exerciseIds, findExercise } from "./catalog";
import { recordPrediction } from "./predictions";
import { escapeHtml } from "./render";
import { containsTodo } from "./todo";
import { formatValue } from "./values";

/** What `predict` recorded: whether a prediction was made, and the message shown. */
export interface PredictionShown {
  readonly exercise: string;
  readonly recorded: boolean;
  readonly message: string;
}

/**
 * Records the student's prediction for exercise `id` (a prediction exercise), to be checked by
 * that exercise's check in a later cell, and says so. Introduced in lesson 0.
 * Example: `dl.predict("00-predict-sum", 20)`.
 */
export function predict(id: string, prediction: unknown): void {
  const { message } = recordPredictionOf(id, prediction);
  displayBundle({
    "text/html": `<div class="dl-prediction" style="border-left:4px solid #6a1b9a;background:#f3e5f5;color:#1f2328;padding:6px 10px;font-family:sans-serif">${escapeHtml(message)}</div>`,
    "text/plain": message,
  });
}

/** What `predict` does without displaying: records (unless `id` is not a prediction) and explains. */
export function recordPredictionOf(id: string, prediction: unknown): PredictionShown {
  const exercise = findExercise(id);
  if (exercise === undefined || exercise.kind !== "prediction") {
    const ids = exerciseIds().filter((e) => findExercise(e)?.kind === "prediction");
    const message = `dl.predict: "${String(id)}" is not a prediction exercise. Predictions: ${ids.join(", ")}.`;
    return { exercise: id, recorded: false, message };
  }
  recordPrediction(id, prediction);
  if (prediction === undefined || containsTodo(prediction)) {
    const message = `○ ${id}: no prediction yet. Replace dl.todo() with your guess, then run the cells below.`;
    return { exercise: id, recorded: false, message };
  }
  const message = `✎ ${id}: you predicted ${formatValue(prediction)}. Now run the next cells to find out.`;
  return { exercise: id, recorded: true, message };
}
