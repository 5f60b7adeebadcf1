// Every check of the course: the reference passes, known mistakes are named, garbage and stubs
// get a verdict (never an exception), hints advance. Adding an exercise to lib/exercises/catalog.ts
// without wrong answers in wrong.ts is a type error (WRONG is keyed by every check name); how many
// and how well the cases tell them apart is guard.test.ts's job.
import { beforeEach, describe, expect, it } from "vitest";
import { exercises, type CheckName } from "../../lib/exercises/catalog";
import { nextHint, resetHints } from "../../lib/exercises/hints";
import { clearPredictions } from "../../lib/exercises/predictions";
import * as lesson00 from "../../lib/exercises/solutions/lesson-00";
import * as lesson01 from "../../lib/exercises/solutions/lesson-01";
import * as lesson02 from "../../lib/exercises/solutions/lesson-02";
import * as lesson03 from "../../lib/exercises/solutions/lesson-03";
import * as lesson04 from "../../lib/exercises/solutions/lesson-04";
import * as lesson05 from "../../lib/exercises/solutions/lesson-05";
import * as lesson06 from "../../lib/exercises/solutions/lesson-06";
import * as lesson07 from "../../lib/exercises/solutions/lesson-07";
import * as lesson08 from "../../lib/exercises/solutions/lesson-08";
import * as lesson09 from "../../lib/exercises/solutions/lesson-09";
import { todo } from "../../lib/exercises/todo";
import type { Exercise } from "../../lib/exercises/types";
import { Tensor } from "../../lib/tensor/tensor";
import { deepClone } from "../../lib/exercises/values";
import { attempt } from "./helpers";
import { WRONG } from "./wrong";

/** The solution modules, by lesson number: each exercise's reference must be the export named `answer`. */
const SOLUTIONS: Record<string, Record<string, unknown>> = {
  "00": lesson00,
  "01": lesson01,
  "02": lesson02,
  "03": lesson03,
  "04": lesson04,
  "05": lesson05,
  "06": lesson06,
  "07": lesson07,
  "08": lesson08,
  "09": lesson09,
};

const loopForever = (): number => {
  for (;;) {
    // never returns
  }
};

/** Answers that are not answers: each must get an "invalid" verdict, not an exception. */
const GARBAGE: { name: string; answer: unknown }[] = [
  { name: "undefined", answer: undefined },
  { name: "null", answer: null },
  { name: "a string", answer: "twenty" },
  { name: "NaN", answer: NaN },
  { name: "an empty object", answer: {} },
  {
    name: "a throwing function",
    answer: () => {
      throw new Error("boom");
    },
  },
  { name: "an endless loop", answer: loopForever },
];

const all = Object.entries(exercises) as [CheckName, Exercise][];

beforeEach(() => {
  clearPredictions();
  resetHints();
});

describe.each(all)("dl.check.%s", (name, exercise) => {
  it(`the reference answer passes`, () => {
    expect(attempt(exercise, exercise.reference)).toMatchObject({
      status: "passed",
      exercise: exercise.id,
    });
  });

  it("the reference is the export of solutions/lesson-NN.ts named by `answer`", () => {
    expect(SOLUTIONS[exercise.id.slice(0, 2)][exercise.answer]).toBe(exercise.reference);
  });

  it.each(WRONG[name].map((w, i) => ({ ...w, i })))(
    "wrong answer $i fails with $mistake",
    ({ answer, mistake }) => {
      const verdict = attempt(exercise, answer);
      expect(verdict.status).toBe("failed");
      expect(verdict.mistake).toMatch(mistake);
      expect(verdict.message).toMatch(mistake);
    },
  );

  it.each(GARBAGE)("$name gets an invalid verdict in bounded time", ({ answer }) => {
    const start = Date.now();
    const verdict = attempt(exercise, answer);
    expect(verdict.status).toBe("invalid");
    expect(verdict.message).toMatch(/expected|function|threw|did not return|should|NaN/i);
    expect(Date.now() - start).toBeLessThan(5000);
  });

  it("a function that changes its inputs gets an invalid verdict", () => {
    const reference = exercise.reference as (...args: unknown[]) => unknown;
    let mutated = false; // a function of numbers only (sigmoid(z)) has nothing to change
    const mutating = (...args: unknown[]) => {
      const result = typeof reference === "function" ? reference(...deepClone(args)) : 0;
      for (const arg of args) {
        if (Array.isArray(arg)) arg.push(arg.length > 0 ? arg[0] : 0);
        if (arg instanceof Tensor) arg.data.fill(7);
        mutated ||= Array.isArray(arg) || arg instanceof Tensor;
      }
      return result;
    };
    const verdict = attempt(exercise, mutating);
    if (exercise.kind === "function" && !mutated) return expect(verdict.status).toBe("passed");
    expect(verdict.status).toBe("invalid");
    if (exercise.kind === "function") expect(verdict.message).toMatch(/changed its argument/);
  });

  it("the untouched stub reports not attempted", () => {
    const stub = exercise.kind === "function" ? () => todo() : todo();
    expect(attempt(exercise, stub).status).toBe("not-attempted");
    expect(attempt(exercise, stub).message).toMatch(/dl\.todo\(\)/);
  });

  it("nextHint (dl.hint) advances one hint per call and stays on the last", () => {
    const total = exercise.hints.length;
    const numbers = Array.from({ length: total + 2 }, () => nextHint(exercise.id)?.number);
    expect(numbers).toEqual([...Array.from({ length: total }, (_, i) => i + 1), total, total]);
    expect(nextHint(exercise.id)?.text).toBe(exercise.hints[total - 1]);
  });
});

describe("the catalog", () => {
  it("ids are unique, look like NN-slug, and every lesson has solutions", () => {
    const ids = all.map(([, e]) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^\d\d-[a-z0-9-]+$/);
      expect(SOLUTIONS[id.slice(0, 2)]).toBeDefined();
    }
  });

  it("every exercise has at least two known mistakes tested and a hint", () => {
    for (const [name, e] of all) {
      expect(WRONG[name].length, name).toBeGreaterThanOrEqual(2);
      expect(e.hints.length, name).toBeGreaterThanOrEqual(1);
    }
  });
});
