// Shared by the exercise tests: answer an exercise as a notebook would, for any kind.
import { clearPredictions, recordPrediction } from "../../lib/exercises/predictions";
import type { Exercise, Verdict } from "../../lib/exercises/types";

/**
 * The verdict on `answer`. For a prediction exercise, `answer` is the student's prediction and the
 * lesson's computed truth is the reference (the solution predicts right).
 */
export function attempt(exercise: Exercise, answer: unknown): Verdict {
  if (exercise.kind !== "prediction") return exercise.judge(answer);
  clearPredictions(exercise.id);
  recordPrediction(exercise.id, answer);
  return exercise.judge(exercise.reference);
}
