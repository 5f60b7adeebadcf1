/**
 * Judging a kernel's report in the grader's own process, with the grader's own engine: the
 * student's kernel said what the answer is (tools/grade/kernel-side.ts); here it is rebuilt and
 * given to the exercise's `grade`, which compares it with the reference — computed here, never in
 * the kernel. A function's report becomes a stand-in that replays, call by call, what the student's
 * function did on each case (returned this, threw that, looped, changed its input).
 */
import { Tensor } from "../../lib/tensor/tensor";
import { todo } from "../../lib/exercises/todo";
import type { Exercise, TestCase, Verdict } from "../../lib/exercises/types";
import { decode, encode, EncodingError, type Encoded, type Realm } from "./encode";
import type { AnswerReport, CallReport } from "./kernel-side";

const TODO_MARK = Symbol.for("dl.todo");

/** The grader's realm: its own Tensor class and `dl.todo()`. */
export const graderRealm: Realm = {
  isTensor: (v): v is Tensor => v instanceof Tensor,
  makeTensor: (data, shape) => new Tensor(data, shape),
  isTodo: (v) =>
    typeof v === "object" && v !== null && (v as Record<symbol, unknown>)[TODO_MARK] === true,
  todo,
};

/** The arguments of every case the kernel must run: the exercise's own, then the hidden ones. */
export function encodedCases(
  exercise: Exercise,
  hidden: readonly TestCase<readonly unknown[]>[],
): Encoded[][] {
  return [...exercise.cases, ...hidden].map((c) => c.args.map((a) => encode(a, graderRealm)));
}

/** A changed copy of an argument (what "the function changed its input" looks like to the caller). */
function mutate(argument: unknown): void {
  if (argument instanceof Tensor && argument.data.length > 0) argument.data[0] += 1;
  else if (Array.isArray(argument)) argument.push(NaN);
  else if (argument !== null && typeof argument === "object")
    (argument as Record<string, unknown>)["changed by the student's function"] = true;
}

/** A function that replays the reported calls in order; the checks call it once per case. */
function replay(calls: readonly CallReport[]): (...args: unknown[]) => unknown {
  let next = 0;
  return (...args: unknown[]): unknown => {
    const call = calls[next++];
    if (call === undefined)
      throw new EncodingError("the kernel reported fewer calls than there are cases");
    switch (call.kind) {
      case "returned":
        return decode(call.value, graderRealm);
      case "threw": {
        if (call.todo) throw todo();
        if (call.name === "") throw call.message.replace(/ \(thrown\)$/, "");
        const error = new Error(call.message);
        error.name = call.name;
        throw error;
      }
      case "timeout":
        // The check's own time limit stops this, as it stopped the student's loop in the kernel.
        for (;;);
      case "promise":
        return Promise.resolve();
      case "mutated":
        mutate(args[call.argument]);
        return undefined;
      case "unreadable":
        throw new EncodingError(`its result could not be read: ${call.message}`);
    }
  };
}

/** The verdict on one reported answer; a malformed report becomes an "error" verdict. */
export function judgeReport(
  exercise: Exercise,
  report: AnswerReport,
  hidden: readonly TestCase<readonly unknown[]>[],
): Verdict | { status: "error"; message: string } {
  try {
    if ("unreadable" in report)
      return invalid(
        exercise,
        `\`${exercise.answer}\` could not be read: ${String(report.unreadable)}.`,
      );
    if ("calls" in report) {
      if (!Array.isArray(report.calls)) throw new EncodingError("no list of calls");
      return exercise.grade(replay(report.calls), hidden);
    }
    return exercise.grade(decode(report.value, graderRealm), hidden);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { status: "error", message: `The grading cell's report could not be read (${why}).` };
  }
}

function invalid(exercise: Exercise, message: string): Verdict {
  return { exercise: exercise.id, title: exercise.title, status: "invalid", message };
}
