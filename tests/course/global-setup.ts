// Executes every lesson and solution notebook ONCE per test run (two kernels at a time) for the
// "course" test project: the notebook tests read the executed copies, and the site test exports and
// opens them in Chromium. Results go to test-artifacts/course/ (results.json + executed notebooks).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { formatResult, lessonPaths, runNotebooks, summaryLine } from "../../tools/runner";

export const COURSE_DIR = "test-artifacts/course";

declare module "vitest" {
  export interface ProvidedContext {
    courseDir: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  rmSync(COURSE_DIR, { recursive: true, force: true });
  mkdirSync(COURSE_DIR, { recursive: true });
  const results = await runNotebooks(lessonPaths(), { jobs: 2, outDir: COURSE_DIR });
  console.log(["Executed the course for the tests:", ...results.map(formatResult)].join("\n"));
  console.log(`course notebooks: ${summaryLine(results)}`);
  const summary = results.map((result) => ({ ...result, executed: null }));
  writeFileSync(join(COURSE_DIR, "results.json"), JSON.stringify(summary, null, 1));
  project.provide("courseDir", COURSE_DIR);
}
