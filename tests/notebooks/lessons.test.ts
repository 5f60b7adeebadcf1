// Every lesson and solution notebook, executed through the real tslab kernel by the course project's
// global setup (tests/course/global-setup.ts), runs top to bottom. Lesson authors: add assertions on your key numbers
// in their own NN-lesson.test.ts with the helpers (`lessonNotebooks`, `outputOf`, `expectChartBundles`,
// `expectCheckMarks`); this file already checks that every cell runs.
import { beforeAll, describe, expect, it } from "vitest";
import { courseResults } from "../course/results";
import { formatResult, lessonPaths, type NotebookResult } from "../../tools/runner";

const PATHS = lessonPaths();
let results: NotebookResult[] = [];

beforeAll(async () => {
  results = courseResults(PATHS);
}, 1_800_000);

describe("every lesson runs headlessly", () => {
  it("lessonPaths lists notebooks/*.ipynb, then notebooks/solutions/*.ipynb", () => {
    expect(PATHS.every((p) => /^notebooks[\\/](solutions[\\/])?[^\\/]+\.ipynb$/.test(p))).toBe(
      true,
    );
    expect(results.map((r) => r.path)).toEqual(PATHS);
  });

  it.each(PATHS)("%s runs without a failing cell", (path) => {
    const result = results.find((r) => r.path === path)!;
    expect(result.ok, formatResult(result)).toBe(true);
    expect(result.cellsRun).toBe(result.codeCells);
  });
});
