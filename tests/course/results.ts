// The course executed once by tests/course/global-setup.ts, as the runner's results, for the tests
// of the "course" project (notebook outputs, the exported site).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import type { NotebookResult } from "../../tools/runner";

/** The executed results of `paths` (default: every lesson and solution), executed notebooks loaded. */
export function courseResults(paths?: readonly string[]): NotebookResult[] {
  const dir = inject("courseDir");
  const all = JSON.parse(readFileSync(join(dir, "results.json"), "utf8")) as NotebookResult[];
  const wanted = paths === undefined ? all : all.filter((result) => paths.includes(result.path));
  if (paths !== undefined && wanted.length !== paths.length) {
    const missing = paths.filter((path) => !all.some((result) => result.path === path));
    throw new Error(`courseResults: not executed by the global setup: ${missing.join(", ")}`);
  }
  return wanted.map((result) => ({
    ...result,
    executed: result.outPath === null ? null : JSON.parse(readFileSync(result.outPath, "utf8")),
  }));
}

/** The folder holding the executed notebooks (`<dir>/notebooks/…`). */
export function courseDir(): string {
  return inject("courseDir");
}
