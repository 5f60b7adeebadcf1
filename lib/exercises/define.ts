/**
 * `defineExercise`: an exercise is declared once, with its cases, reference answer, known
 * mistakes and hints; the declaration is the check. See lib/exercises/README.md.
 *
 * Example (lib/exercises/lessons/lesson-00.ts):
 *   export const average = defineExercise({
 *     id: "00-average", title: "The average of a list", kind: "function", answer: "average",
 *     reference: solutions.average,
 *     cases: [{ name: "three numbers", args: [[1, 2, 3]] }],
 *     mistakes: [{ message: "You forgot to divide by the number of values.", variant: (xs) => sum(xs) }],
 *     hints: ["Add the numbers up first.", "Then divide by xs.length."],
 *   });
 */
import { hintsSeen } from "./hint-progress";
import { judgeCase, judgeFunction, notAttempted, verdict } from "./judge";
import { recordedPrediction } from "./predictions";
import { showVerdict } from "./render";
import { containsTodo } from "./todo";
import type {
  AnyFunction,
  Exercise,
  FunctionSpec,
  Mistake,
  PredictionSpec,
  TestCase,
  ValueSpec,
  Verdict,
} from "./types";
import { formatValue } from "./values";

/** Declares an exercise; the result's `check(answer)` judges and displays, `judge` only judges. */
export function defineExercise<F extends AnyFunction>(spec: FunctionSpec<F>): Exercise;
export function defineExercise<T>(spec: ValueSpec<T>): Exercise;
export function defineExercise<T>(spec: PredictionSpec<T>): Exercise;
export function defineExercise(
  spec: FunctionSpec<AnyFunction> | ValueSpec<unknown> | PredictionSpec<unknown>,
): Exercise {
  if (!/^\d\d-[a-z0-9-]+$/.test(spec.id)) {
    throw new Error(`defineExercise: id must look like "01-sigmoid", got "${spec.id}"`);
  }
  if (spec.hints.length === 0)
    throw new Error(`defineExercise: ${spec.id} needs at least one hint`);
  /** `predicted`: a prediction's value, instead of the one recorded by `dl.predict`. */
  const judgeAs = (
    answer: unknown,
    predicted?: { value: unknown },
    extraCases: readonly TestCase<readonly unknown[]>[] = [],
  ): Verdict => {
    try {
      if (spec.kind === "function") {
        const hidden = extraCases.map((c) => ({ ...c, hidden: true }));
        const cases = [...spec.cases, ...hidden] as typeof spec.cases;
        return judgeFunction(hidden.length === 0 ? spec : { ...spec, cases }, answer);
      }
      if (spec.kind === "value") return judgeValue(spec, answer);
      return judgePrediction(spec, answer, predicted);
    } catch (error) {
      // An answer that cannot even be read (a throwing getter, a hostile Proxy, a throw of a
      // non-Error) still gets a verdict, never an exception in the student's cell.
      return verdict(
        spec,
        "invalid",
        `Your answer could not be read: looking into it threw ${safeMessage(error)}. Give plain numbers, arrays, objects or tensors.`,
      );
    }
  };
  const judge = (answer: unknown): Verdict => judgeAs(answer);
  const { id, title, kind, answer, hints, reference } = spec;
  const mistakes = (spec.mistakes ?? []) as readonly Mistake<unknown>[];
  const cases = spec.kind === "function" ? spec.cases : [];
  const judgeMistake = (mistake: Mistake<unknown>): Verdict => {
    if (spec.kind === "function") return judge(mistake.variant);
    const made = (mistake.variant as () => unknown)();
    return spec.kind === "value" ? judge(made) : judgeAs(spec.reference, { value: made });
  };
  return Object.freeze({
    id,
    title,
    kind,
    answer,
    hints,
    reference,
    mistakes,
    cases,
    judge,
    judgeMistake,
    check: (a: unknown) => showVerdict(judge(a)),
    grade: (a: unknown, extraCases: readonly TestCase<readonly unknown[]>[] = []) =>
      spec.kind === "prediction"
        ? judgeAs(spec.reference, { value: a })
        : judgeAs(a, undefined, extraCases),
  });
}

/** The message of anything thrown, without trusting it (its toString may throw too). */
function safeMessage(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : `a ${typeof error}`;
  } catch {
    return "an unreadable error";
  }
}

/**
 * A value exercise has one case: the answer itself against the reference. Its expected value is
 * the answer to copy, so a failed verdict shows it only once the student has seen the last hint.
 */
function judgeValue(spec: ValueSpec<unknown>, answer: unknown): Verdict {
  if (typeof answer === "function" && typeof spec.reference !== "function") {
    const message = `\`${spec.answer}\` is a function; the exercise asks for a value (did you forget to call it?).`;
    return verdict(spec, "invalid", message);
  }
  const revealed = hintsSeen(spec.id) >= spec.hints.length;
  const report = revealed
    ? { name: "value", expected: formatValue(spec.reference) }
    : { name: "value" };
  const withheld = ` (the expected value is shown after the last hint: run dl.hint("${spec.id}") until it says "the last hint", then this check again)`;
  const wrongValue = (m: Mistake<unknown>) => (m.variant as unknown as () => unknown)();
  const result = judgeCase(spec, {
    report,
    got: answer,
    expected: spec.reference,
    wrongValue,
    withheld,
  });
  return result ?? verdict(spec, "passed", `\`${spec.answer}\` is ${formatValue(answer)}: right.`);
}

/** A prediction (the recorded one, or `given`) is judged against `truth`, the lesson's value. */
function judgePrediction(
  spec: PredictionSpec<unknown>,
  truth: unknown,
  given?: { value: unknown },
): Verdict {
  const prediction = given ?? recordedPrediction(spec.id);
  if (prediction === null || containsTodo(prediction.value)) return notAttempted(spec);
  const report = { name: "prediction", expected: formatValue(truth) };
  const wrongValue = (m: Mistake<unknown>) => (m.variant as unknown as () => unknown)();
  const result = judgeCase(spec, { report, got: prediction.value, expected: truth, wrongValue });
  if (result !== null) {
    const intro = `You predicted ${formatValue(prediction.value)}; the lesson computed ${formatValue(truth)}.`;
    const rest = result.mistake ?? (result.status === "invalid" ? result.message : "");
    return { ...result, message: `${intro} ${rest}`.trim() };
  }
  return verdict(
    spec,
    "passed",
    `You predicted ${formatValue(prediction.value)} and the lesson computed ${formatValue(truth)}.`,
  );
}
