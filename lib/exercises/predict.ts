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
import { escapeHtml, quiet } from "./render";
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
 * the check of that exercise in a later cell. Introduced in lesson 0.
 * Example: `dl.predict("00-predict-sum", 20)`.
 */
export function predict(id: string, prediction: unknown): PredictionShown {
  const exercise = findExercise(id);
  let message: string;
  let recorded = false;
  if (exercise === undefined || exercise.kind !== "prediction") {
    const ids = exerciseIds().filter((e) => findExercise(e)?.kind === "prediction");
    message = `dl.predict: "${String(id)}" is not a prediction exercise. Predictions: ${ids.join(", ")}.`;
  } else if (prediction === undefined || containsTodo(prediction)) {
    recordPrediction(id, prediction);
    message = `○ ${id}: no prediction yet. Replace dl.todo() with your guess, then run the cells below.`;
  } else {
    recordPrediction(id, prediction);
    recorded = true;
    message = `✎ ${id}: you predicted ${formatValue(prediction)}. Now run the next cells to find out.`;
  }
  displayBundle({
    "text/html": `<div class="dl-prediction" style="border-left:4px solid #6a1b9a;background:#f3e5f5;padding:6px 10px;font-family:sans-serif">${escapeHtml(message)}</div>`,
    "text/plain": message,
  });
  return quiet({ exercise: id, recorded, message }, "");
}
