// WRONG: for every check of the course, plausible wrong answers (drawn from its lesson's own
// misconceptions) and the targeted message each must get. Keyed by every check name, so adding an
// exercise to lib/exercises/catalog.ts without its wrong answers is a type error. catalog.test.ts
// tries each; guard.test.ts requires at least four per check, each named by its own message.
import type { CheckName } from "../../lib/exercises/catalog";
import { WRONG_00, WRONG_01, WRONG_02, WRONG_03, WRONG_04 } from "./lessons-00-04-wrong";
import { WRONG_05, WRONG_06 } from "./lessons-05-06-wrong";
import { WRONG_07, WRONG_08 } from "./lessons-07-08-wrong";
import { WRONG_09 } from "./lesson-09-wrong";

/** One wrong answer and the targeted message (a regex on the verdict's `mistake`) it must get. */
export interface WrongAnswer {
  readonly answer: unknown;
  readonly mistake: RegExp;
}

export const WRONG: Record<CheckName, readonly WrongAnswer[]> = {
  ...WRONG_00,
  ...WRONG_01,
  ...WRONG_02,
  ...WRONG_03,
  ...WRONG_04,
  ...WRONG_05,
  ...WRONG_06,
  ...WRONG_07,
  ...WRONG_08,
  ...WRONG_09,
};
