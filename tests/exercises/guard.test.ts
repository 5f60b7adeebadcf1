// The catalogue guard (issue 17): every check is tried against at least four plausible wrong
// answers from its lesson's misconceptions (WRONG, in wrong.ts), each named by its own targeted
// message, and its cases are built so that every declared mistake changes the result and is told
// apart from the others. Reported per check; checks that lessons-b still owes are listed, by
// name, in tests/guards/pending-lessons-b.ts.
import { beforeEach, describe, expect, it } from "vitest";
import { exercises, type CheckName } from "../../lib/exercises/catalog";
import { nextHint, resetHints } from "../../lib/exercises/hints";
import { clearPredictions } from "../../lib/exercises/predictions";
import { verdictText } from "../../lib/exercises/render";
import type { Exercise } from "../../lib/exercises/types";
import { deepClone, formatValue } from "../../lib/exercises/values";
import { pendingLessonsB } from "../guards/pending-lessons-b";
import { attempt } from "./helpers";
import { WRONG } from "./wrong";

/** The fewest plausible wrong answers, with as many different targeted messages, per check. */
const MIN_MISTAKES = 4;

const all = Object.entries(exercises) as [CheckName, Exercise][];

beforeEach(() => {
  clearPredictions();
  resetHints();
});

/** Everything the guard finds wrong with one check (empty when it is sound). */
function guardProblems(name: CheckName, exercise: Exercise): string[] {
  const problems: string[] = [];
  const named = new Set<string>();
  for (const [i, { answer, mistake }] of WRONG[name].entries()) {
    const verdict = attempt(exercise, answer);
    const got = verdict.mistake ?? `no targeted message (${verdict.status}: ${verdict.message})`;
    if (verdict.status !== "failed" || !mistake.test(verdict.mistake ?? "")) {
      problems.push(`wrong answer ${i} should fail with ${mistake}; got ${got}`);
    } else named.add(verdict.mistake as string);
  }
  if (named.size < MIN_MISTAKES) {
    problems.push(
      `${named.size} different targeted messages among the wrong answers; at least ${MIN_MISTAKES} are needed`,
    );
  }
  for (const mistake of exercise.mistakes) {
    const verdict = exercise.judgeMistake(mistake);
    if (verdict.mistake !== mistake.message) {
      const got =
        verdict.status === "passed"
          ? "it passes: no case changes its result"
          : `it is named "${verdict.mistake ?? `(nothing: ${verdict.message})`}": the first case where it differs cannot tell it apart`;
      problems.push(`declared mistake "${mistake.message}": ${got}`);
    }
    if (!named.has(mistake.message)) {
      problems.push(
        `declared mistake "${mistake.message}" has no wrong answer in WRONG that gets it`,
      );
    }
  }
  return problems;
}

describe.each(all)("catalogue guard: dl.check.%s", (name, exercise) => {
  if (pendingLessonsB.checks.includes(name)) {
    it.todo(`lessons-b: at least ${MIN_MISTAKES} wrong answers told apart by their cases`);
    it("is still owed (remove it from pendingLessonsB.checks once the guard passes)", () => {
      expect(guardProblems(name, exercise)).not.toEqual([]);
    });
    return;
  }

  it(`has ≥ ${MIN_MISTAKES} wrong answers, each named by its own message; cases tell every declared mistake apart`, () => {
    expect(guardProblems(name, exercise)).toEqual([]);
  });

  if (exercise.kind === "function") {
    it("a function that returns the first case's expected value every time does not pass", () => {
      const reference = exercise.reference as (...args: unknown[]) => unknown;
      const first = reference(...deepClone(exercise.cases[0].args));
      expect(attempt(exercise, () => deepClone(first)).status).not.toBe("passed");
    });
  }

  if (exercise.kind === "value") {
    it("a failed answer does not show the expected value until the last hint was seen", () => {
      const shown = formatValue(exercise.reference);
      const standalone = new RegExp(
        `(?<![\\d.])${shown.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\d.])`,
      );
      for (const { answer } of WRONG[name]) {
        const before = attempt(exercise, answer);
        expect(before.case?.expected).toBeUndefined();
        expect(verdictText(before)).not.toMatch(standalone);
      }
      for (const _ of exercise.hints) nextHint(exercise.id);
      expect(attempt(exercise, WRONG[name][0].answer).case?.expected).toBe(shown);
    });
  }
});

describe("pendingLessonsB.checks", () => {
  it("names only checks of lessons 05–08", () => {
    for (const name of pendingLessonsB.checks) {
      const exercise = exercises[name as CheckName] as Exercise | undefined;
      expect(exercise?.id ?? `${name} is not a check`, name).toMatch(/^0[5-8]-/);
    }
  });
});
