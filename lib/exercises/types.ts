/**
 * The shapes of an exercise declaration and of a check's verdict. Authors write a spec with
 * `defineExercise` (lib/exercises/define.ts); notebooks only see `Verdict`.
 */

/** What a check concluded: the four outcomes a student can see. */
export type VerdictStatus = "passed" | "failed" | "not-attempted" | "invalid";

/** The first case that went wrong: its name, the input, the expected value (public cases) and the answer. */
export interface CaseReport {
  readonly name: string;
  /** The call that was made, e.g. `average([1, 2, 3])`; absent for value exercises. */
  readonly input?: string;
  /** Shown only for public cases. */
  readonly expected?: string;
  readonly got: string;
}

/**
 * The result of a check, returned by `dl.check.…` (and displayed as a coloured box).
 * Example: `{ exercise: "00-average", status: "failed", message: "average([1, 2, 3]) returned 6 …",
 * case: {…}, mistake: "You forgot to divide by the number of values." }`.
 */
export interface Verdict {
  readonly exercise: string;
  readonly title: string;
  readonly status: VerdictStatus;
  /** One or two sentences: what happened and what was expected. */
  readonly message: string;
  readonly case?: CaseReport;
  /** The targeted message of the recognised common mistake, when one matched. */
  readonly mistake?: string;
}

/** Closeness for numbers, as `allClose` takes it: |got − expected| ≤ atol + rtol·|expected|. */
export interface Tolerance {
  readonly rtol?: number;
  readonly atol?: number;
}

/** A known wrong answer: `variant` computes it, `message` explains the mistake. */
export interface Mistake<V> {
  readonly message: string;
  readonly variant: V;
}

/** One input of a function exercise. Public cases (the default) show the expected value on failure. */
export interface TestCase<A> {
  readonly name: string;
  readonly args: A;
  readonly hidden?: boolean;
}

/** What every exercise declares. */
interface SpecBase {
  /** `NN-slug`: NN is the lesson number; used by `dl.hint(id)`, `dl.predict(id, …)` and cell metadata. */
  readonly id: string;
  readonly title: string;
  /** The name the student's cell declares and the export of lib/exercises/solutions/lesson-NN.ts. */
  readonly answer: string;
  /** Progressive hints: the first is a nudge, the last is close to the answer. */
  readonly hints: readonly string[];
  readonly tolerance?: Tolerance;
}

/** Any function type whose parameters `Parameters<F>` can read. */
export type AnyFunction = (...args: never[]) => unknown;

/** The student writes a function; it is called on every case and compared with `reference`. */
export interface FunctionSpec<F extends AnyFunction> extends SpecBase {
  readonly kind: "function";
  readonly reference: F;
  readonly cases: readonly TestCase<Parameters<F>>[];
  readonly mistakes?: readonly Mistake<F>[];
  /** Time limit of one call of the student's function (default 1000 ms). */
  readonly timeoutMs?: number;
}

/** The student computes a value (a number, array, tensor, boolean, string, or object of those). */
export interface ValueSpec<T> extends SpecBase {
  readonly kind: "value";
  readonly reference: T;
  readonly mistakes?: readonly Mistake<() => unknown>[];
}

/**
 * Predict, then run: the student records a prediction with `dl.predict(id, value)`; a later cell
 * calls the check with the value the lesson computed. `reference` is the solution's prediction.
 */
export interface PredictionSpec<T> extends SpecBase {
  readonly kind: "prediction";
  readonly reference: T;
  readonly mistakes?: readonly Mistake<() => unknown>[];
}

/** A declared exercise: its spec plus `judge` (pure) and `check` (judge and display). */
export interface Exercise {
  readonly id: string;
  readonly title: string;
  readonly kind: "function" | "value" | "prediction";
  readonly answer: string;
  readonly hints: readonly string[];
  readonly reference: unknown;
  /** The known mistakes: each variant computes a wrong answer the check names (tests try them). */
  readonly mistakes: readonly Mistake<unknown>[];
  /** A function exercise's cases, in the order they are judged (none for values, predictions). */
  readonly cases: readonly TestCase<readonly unknown[]>[];
  /** The verdict on an answer (for predictions: on the value the lesson computed); never throws. */
  judge(answer: unknown): Verdict;
  /**
   * The verdict a student who makes `mistake` gets (a prediction: against the reference as the
   * lesson's value). The catalogue guard requires it to name that very mistake.
   */
  judgeMistake(mistake: Mistake<unknown>): Verdict;
  /** `judge`, then shows the verdict as a coloured box; returns the verdict. */
  check(answer: unknown): Verdict;
  /**
   * The verdict `course grade` gives: a function judged on its cases and then on `extraCases` (the
   * instructor's hidden ones, never shown); a prediction's `answer` is the predicted value, judged
   * against the reference; a value is judged as by `judge`. Never throws.
   */
  grade(answer: unknown, extraCases?: readonly TestCase<readonly unknown[]>[]): Verdict;
}
