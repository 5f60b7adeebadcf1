// The number-pinning guard (issue 17): every number that a lesson's prose (its markdown cells)
// states must be shown by an output of the same executed notebook, after rounding to the
// precision the prose writes it with, or be in that lesson's allow-list of numbers that are no
// outputs (years, lecture constants, sizes of the inputs…), each with a short reason. A sentence
// that drifts from its output (issue 17's "0.50 where the output is 0.524") fails here. How prose
// and outputs are read: tests/guards/prose-numbers.ts. Lessons that lessons-b still owes are
// named in tests/guards/pending-lessons-b.ts.
import { describe, expect, it } from "vitest";
import { cellSource, lessonPaths, type Notebook } from "../../tools/runner";
import { courseResults } from "../course/results";
import { pendingLessonsB } from "../guards/pending-lessons-b";
import { isShown, outputNumbers, proseNumbers, type StatedNumber } from "../guards/prose-numbers";
import { executedLesson, outputsText } from "./helpers";
import { PROSE_ALLOW_00_04 } from "./prose-allow-00-04";
import { PROSE_ALLOW_05_08 } from "./prose-allow-05-08";
import { PROSE_ALLOW_09 } from "./prose-allow-09";
import type { NotAnOutput } from "./prose-allow-00-04";

const ALLOW: Record<string, readonly NotAnOutput[]> = {
  ...PROSE_ALLOW_00_04,
  ...PROSE_ALLOW_05_08,
  ...PROSE_ALLOW_09,
};
const PATHS = lessonPaths().filter((p) => !/solutions/.test(p));
const LESSONS = PATHS.map((p) => p.replace(/^.*[\\/]/, "").replace(/\.ipynb$/, ""));

/** Every number the markdown cells of `nb` state. */
function stated(nb: Notebook): StatedNumber[] {
  return nb.cells
    .filter((c) => c.cell_type === "markdown")
    .flatMap((c) => proseNumbers(cellSource(c)));
}

/** Every number any output of `nb` shows. */
function shownNumbers(nb: Notebook): number[] {
  return nb.cells.flatMap((c, i) =>
    c.cell_type === "code" ? outputNumbers(outputsText(nb, i)) : [],
  );
}

/** The stated numbers that no output shows and the allow-list does not name, with their context. */
function unpinned(lesson: string): string[] {
  const nb = executedLesson(courseResults(PATHS), lesson);
  const outputs = shownNumbers(nb);
  const allowed = new Set((ALLOW[lesson] ?? []).flatMap((a) => a.numbers));
  return stated(nb)
    .filter((n) => !allowed.has(n.text) && !isShown(n, outputs))
    .map((n) => `${n.text} in "${n.context}"`);
}

describe.each(LESSONS)("prose numbers of %s", (lesson) => {
  if (pendingLessonsB.proseNumbers.includes(lesson)) {
    it.todo("lessons-b: every number of the prose shown by an output or allow-listed");
    it("is still owed (remove it from pendingLessonsB.proseNumbers once this passes)", () => {
      expect(unpinned(lesson)).not.toEqual([]);
    });
    return;
  }

  it("every number the prose states is shown by an output (rounded as written) or allow-listed", () => {
    expect(unpinned(lesson)).toEqual([]);
  });

  it("its allow-list names only numbers the prose states, each with a reason", () => {
    const nb = executedLesson(courseResults(PATHS), lesson);
    const inProse = new Set(stated(nb).map((n) => n.text));
    for (const { numbers, why } of ALLOW[lesson] ?? []) {
      expect(why.length, `${lesson}: the reason for ${numbers.join(", ")}`).toBeGreaterThan(10);
      for (const n of numbers)
        expect(inProse.has(n), `${lesson} allows ${n}, which its prose does not state`).toBe(true);
    }
  });
});

describe("the allow-lists and pendingLessonsB.proseNumbers", () => {
  it("name only lessons that exist; pending ones are lessons 05–08", () => {
    for (const lesson of Object.keys(ALLOW)) expect(LESSONS).toContain(lesson);
    for (const lesson of pendingLessonsB.proseNumbers) {
      expect(LESSONS).toContain(lesson);
      expect(lesson).toMatch(/^0[5-8]-/);
    }
  });
});
