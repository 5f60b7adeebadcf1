/**
 * Each lesson's execution time through the course runner (tools/runner, the tslab kernel), and the
 * whole course's wall time with two kernels at once (the target: under 2 minutes on 2 cores).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lessonPaths, runNotebooks } from "../tools/runner";
import { now } from "./timing";

/** Per-lesson seconds, pass/fail, and the course's wall time. */
export interface LessonTimes {
  lessons: { path: string; seconds: number; ok: boolean }[];
  wallSeconds: number;
  jobs: number;
}

/** Runs every lesson (not the solutions) through the runner; executed copies go to a temp folder. */
export async function timeLessons(root: string, jobs = 2): Promise<LessonTimes> {
  const paths = lessonPaths(root).filter((p) => !p.includes("solutions"));
  const outDir = mkdtempSync(join(tmpdir(), "bench-lessons-"));
  const start = now();
  try {
    const results = await runNotebooks(paths, { jobs, outDir, root });
    return {
      lessons: results.map((r) => ({ path: r.path, seconds: r.seconds, ok: r.ok })),
      wallSeconds: now() - start,
      jobs,
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The lesson times as a Markdown table. */
export function lessonTable(t: LessonTimes): string {
  const lines = ["| lesson | seconds | ok |", "|---|---|---|"];
  for (const l of t.lessons)
    lines.push(`| ${l.path} | ${l.seconds.toFixed(1)} | ${l.ok ? "yes" : "NO"} |`);
  lines.push(
    `| whole course (${t.jobs} kernels at once, wall) | ${t.wallSeconds.toFixed(1)} | ${t.lessons.every((l) => l.ok) ? "yes" : "NO"} |`,
  );
  return lines.join("\n");
}
