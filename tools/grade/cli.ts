/**
 * `course grade SUBMISSIONS… --out DIR [--rubric FILE] [--jobs N] [--timeout S] [--memory MB]`
 *
 * SUBMISSIONS are notebooks or folders searched for `*.ipynb`; a notebook's student is the name of
 * the folder holding it (`collected/alice/01-neuron.ipynb` is alice's lesson 01). Writes
 * `DIR/grades.csv`, `DIR/feedback/<student>.html` and `DIR/executed/<student>/<lesson>.ipynb`.
 * Exit code 0 when every submission was graded (whatever the grades), 1 if any line is an error.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { findProjectRoot } from "../runner/launch";
import { gradeNotebook, type GradedNotebook } from "./grade-notebook";
import { feedbackPage, gradesCsv } from "./report";
import { readRubric } from "./rubric";

/** Every notebook under the given paths (folders searched recursively, checkpoints skipped), sorted. */
export function findSubmissions(paths: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (path: string): void => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort())
        if (!name.startsWith(".")) walk(join(path, name));
    } else if (path.endsWith(".ipynb")) found.push(path);
  };
  for (const path of paths) {
    if (!existsSync(path)) throw new Error(`no such file or folder: ${path}`);
    walk(path);
  }
  return [...new Set(found)];
}

/** A file name for a student's page: letters, digits, . _ - kept, the rest "_"; unique. */
function pageName(student: string, taken: Set<string>): string {
  const base = student.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_") || "_";
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  taken.add(name);
  return name;
}

/** `course grade`: returns the exit code. */
export async function runGrade(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      rubric: { type: "string" },
      jobs: { type: "string" },
      timeout: { type: "string" },
      memory: { type: "string" },
    },
  });
  if (positionals.length === 0 || values.out === undefined)
    throw new Error(
      "usage: course grade SUBMISSIONS… --out DIR [--rubric FILE] [--jobs N] [--timeout S] [--memory MB]",
    );
  const number = (name: string, text: string | undefined, fallback: number): number => {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!(value > 0)) throw new Error(`--${name} expects a positive number, got "${text}"`);
    return value;
  };
  const root = findProjectRoot();
  const defaultRubric = join(root, "grading", "rubric.json");
  const rubric = readRubric(values.rubric ?? (existsSync(defaultRubric) ? defaultRubric : null));
  const out = resolve(values.out);
  const submissions = findSubmissions(positionals);
  const jobs = Math.floor(number("jobs", values.jobs, 1));
  const options = {
    rubric,
    root,
    timeout: number("timeout", values.timeout, 60),
    memoryMb: number("memory", values.memory, 2048),
    executedOut: join(out, "executed"),
  };
  const graded: GradedNotebook[] = new Array(submissions.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < submissions.length) {
      const i = next++;
      const path = submissions[i];
      graded[i] = await gradeNotebook(path, basename(dirname(resolve(path))), options);
      const got = graded[i].lines.reduce((s, l) => s + l.points, 0);
      const max = graded[i].lines.reduce((s, l) => s + l.maxPoints, 0);
      const errors = graded[i].lines.filter((l) => l.status === "error").length;
      console.log(
        `${graded[i].student} ${graded[i].lesson}: ${got}/${max} points${errors ? `, ${errors} not graded` : ""}`,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, submissions.length) }, worker));
  const lines = graded.flatMap((g) => g.lines);
  mkdirSync(join(out, "feedback"), { recursive: true });
  writeFileSync(join(out, "grades.csv"), gradesCsv(lines));
  const taken = new Set<string>();
  for (const student of [...new Set(graded.map((g) => g.student))]) {
    const page = join(out, "feedback", `${pageName(student, taken)}.html`);
    writeFileSync(
      page,
      feedbackPage(
        student,
        graded.filter((g) => g.student === student),
      ),
    );
  }
  console.log(
    `${submissions.length} notebooks graded: ${join(out, "grades.csv")}, ${join(out, "feedback")}/`,
  );
  return lines.some((l) => l.status === "error") ? 1 : 0;
}
