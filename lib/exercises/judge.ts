/**
 * Turns answers into verdicts. One case at a time: the answer (or what the student's function
 * returned) is compared with the expected value; when it differs, the known wrong variants are
 * tried to name the mistake. Nothing here throws on a bad answer.
 */
import { describeError, makeCaller, type CallOutcome } from "./call";
import { compareAnswer, describe } from "./compare";
import { containsTodo } from "./todo";
import type { AnyFunction, CaseReport, FunctionSpec, Mistake, Tolerance, Verdict } from "./types";
import { Tensor } from "../tensor/tensor";
import { deepClone, formatValue, isPlainObject } from "./values";

/** The parts of a spec that every verdict needs. */
interface Named {
  readonly id: string;
  readonly title: string;
  readonly answer: string;
}

/** Builds a verdict of `spec` (the fields a test asserts and the box shows). */
export function verdict(
  spec: Named,
  status: Verdict["status"],
  message: string,
  extra: { case?: CaseReport; mistake?: string } = {},
): Verdict {
  return { exercise: spec.id, title: spec.title, status, message, ...extra };
}

/** The "not attempted yet" verdict, with what to replace. */
export function notAttempted(spec: Named): Verdict {
  return verdict(
    spec,
    "not-attempted",
    `Replace dl.todo() in \`${spec.answer}\` with your answer.`,
  );
}

/** One comparison to make: what the student gave, what was expected, how to compute the mistakes. */
export interface CaseToJudge {
  readonly report: Omit<CaseReport, "got">;
  readonly got: unknown;
  readonly expected: unknown;
  /** Computes a mistake's wrong value for this case. */
  readonly wrongValue: (mistake: Mistake<unknown>) => unknown;
  /** Why `report.expected` is absent, when it is (default: a hidden case). */
  readonly withheld?: string;
}

/** The verdict on one case, or null when it passed. */
export function judgeCase(
  spec: Named & { tolerance?: Tolerance; mistakes?: readonly Mistake<unknown>[] },
  c: CaseToJudge,
): Verdict | null {
  if (containsTodo(c.got)) return notAttempted(spec);
  const comparison = compareAnswer(c.got, c.expected, spec.tolerance);
  if (comparison.kind === "equal") return null;
  const report: CaseReport = { ...c.report, got: formatValue(c.got) };
  const mistake = (spec.mistakes ?? []).find((m) => matches(c, m, spec.tolerance));
  const where = report.input === undefined ? `\`${spec.answer}\`` : report.input;
  if (mistake !== undefined) {
    const message = `${where} gave ${report.got}: ${mistake.message}`;
    return verdict(spec, "failed", message, { case: report, mistake: mistake.message });
  }
  if (comparison.kind === "invalid") {
    const noReturn =
      c.got === undefined && report.input !== undefined
        ? " Did you forget to `return` the result?"
        : "";
    return verdict(spec, "invalid", `${where}: ${comparison.reason}.${noReturn}`, { case: report });
  }
  const shown =
    report.expected === undefined
      ? (c.withheld ?? " (a hidden case: its expected value is not shown)")
      : `, expected ${report.expected}`;
  return verdict(spec, "failed", `${where} gave ${report.got}${shown}.`, { case: report });
}

/**
 * True when the answer equals this mistake's wrong value (and the wrong value is really wrong).
 * A wrong value with NaN or ±Infinity names no mistake (1 / 0 is close to anything under a
 * relative tolerance).
 */
function matches(c: CaseToJudge, mistake: Mistake<unknown>, tolerance?: Tolerance): boolean {
  try {
    const wrong = c.wrongValue(mistake);
    if (!allFinite(wrong)) return false;
    if (compareAnswer(wrong, c.expected, tolerance).kind === "equal") return false;
    return compareAnswer(c.got, wrong, tolerance).kind === "equal";
  } catch {
    return false;
  }
}

function allFinite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (value instanceof Tensor) return value.data.every(Number.isFinite);
  if (Array.isArray(value)) return value.every(allFinite);
  if (isPlainObject(value)) return Object.values(value).every(allFinite);
  return true;
}

/** Judges a student's function on every case of `spec`, stopping at the first problem. */
export function judgeFunction<F extends AnyFunction>(
  spec: FunctionSpec<F>,
  answer: unknown,
): Verdict {
  if (containsTodo(answer)) return notAttempted(spec);
  if (typeof answer !== "function") {
    const message = `Expected a function \`${spec.answer}\`, got ${formatValue(answer)}.`;
    return verdict(spec, "invalid", message);
  }
  const call = makeCaller(spec.timeoutMs ?? 1000);
  const reference = spec.reference as unknown as (...args: unknown[]) => unknown;
  for (const testCase of spec.cases) {
    const args = testCase.args as readonly unknown[];
    const input = `${spec.answer}(${args.map((a) => formatValue(a, 60)).join(", ")})`;
    const expected = reference(...deepClone(args));
    const outcome = call(answer, args);
    if (outcome.kind !== "returned") return outcomeVerdict(spec, outcome, input, expected);
    const report = {
      name: testCase.name,
      input,
      ...(testCase.hidden ? {} : { expected: formatValue(expected) }),
    };
    const wrongValue = (m: Mistake<unknown>) =>
      (m.variant as unknown as (...a: unknown[]) => unknown)(...deepClone(args));
    const result = judgeCase(spec, { report, got: outcome.value, expected, wrongValue });
    if (result !== null) return result;
  }
  const n = spec.cases.length;
  return verdict(
    spec,
    "passed",
    `\`${spec.answer}\` is right on all ${n} case${n === 1 ? "" : "s"}.`,
  );
}

/** The verdict when the student's function did not simply return a value. */
function outcomeVerdict(
  spec: Named,
  outcome: Exclude<CallOutcome, { kind: "returned" }>,
  input: string,
  expected: unknown,
): Verdict {
  const should = `It should return ${describe(expected)}.`;
  switch (outcome.kind) {
    case "threw":
      if (containsTodo(outcome.error)) return notAttempted(spec);
      return verdict(spec, "invalid", `${input} threw ${describeError(outcome.error)}. ${should}`);
    case "timeout":
      return verdict(
        spec,
        "invalid",
        `${input} did not return within ${outcome.ms} ms (an endless loop?). ${should}`,
      );
    case "promise":
      return verdict(
        spec,
        "invalid",
        `${input} returned a Promise: write a plain (not async) function. ${should}`,
      );
    case "mutated":
      return verdict(
        spec,
        "invalid",
        `${input} changed its argument ${outcome.argument + 1}: compute a new value instead of modifying the input. ${should}`,
      );
  }
}
