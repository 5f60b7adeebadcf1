/**
 * Grading one submission: the student's notebook runs top to bottom in a fresh tslab kernel (the
 * runner's per-cell time limit, a memory limit, after a failed cell the rest still runs), in a
 * private folder with its own copy of the engine; then one grading cell per exercise of the lesson,
 * appended by the grader, reports what the answer is (tools/grade/kernel-side.ts). The verdicts are
 * computed here, in the grader's process, from those reports (tools/grade/judge.ts). Nothing the
 * notebook printed, displayed or saved is read, except the one report line of each grading cell,
 * found by a marker the notebook cannot know in advance.
 */
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import type { Exercise } from "../../lib/exercises";
import { findProjectRoot, readKernelSpec } from "../runner/launch";
import { readNotebook, runNotebook, type Cell, type Notebook } from "../runner";
import type { Output } from "../runner";
import { writeNotebookAtomic } from "../runner/notebook";
import { encodedCases, judgeReport } from "./judge";
import type { AnswerReport, AnswerRequest } from "./kernel-side";
import { EXERCISES_BY_ID, type Rubric } from "./rubric";

/** How an exercise came out: a check's four verdicts, or the answer missing, or a grading error. */
export type GradeStatus = "passed" | "failed" | "invalid" | "not-attempted" | "missing" | "error";

/** One row of the gradebook, with the message for the feedback page. */
export interface GradeLine {
  student: string;
  lesson: string;
  /** The exercise id, or "-" for a notebook that is not a lesson of the course. */
  exercise: string;
  title: string;
  status: GradeStatus;
  points: number;
  maxPoints: number;
  message: string;
}

/** One graded notebook: its lines, and what went wrong in the student's own cells. */
export interface GradedNotebook {
  student: string;
  lesson: string;
  lines: GradeLine[];
  /** The student's failed cells (`cell 4: ReferenceError: x is not defined`), for the feedback page. */
  problems: string[];
}

/** Options of `gradeNotebook`. */
export interface GradeOptions {
  rubric: Rubric;
  /** The course's root: its dist/, datasets/ and node_modules/ (default: the current directory). */
  root?: string;
  /** Per-cell limit in seconds (default 60). */
  timeout?: number;
  /** The kernel's JavaScript heap limit in MB (default 2048). */
  memoryMb?: number;
  /** Where to keep the executed copy (with the grading cells), or null for nowhere. */
  executedOut?: string | null;
}

/** Exercises whose answer the kernel must wrap before calling it (see kernel-side.ts). */
const ADAPTERS: Record<string, AnswerRequest["adapter"]> = { "05-tanh-backward": "probe-05" };

/** The exercises of lesson `NN`, in the catalogue's order (by id). */
export function lessonExercises(lesson: string): Exercise[] {
  const number = /^(\d\d)-/.exec(lesson)?.[1];
  if (number === undefined) return [];
  return [...EXERCISES_BY_ID.values()]
    .filter((e) => e.id.startsWith(`${number}-`))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** A private copy of the course for one submission: dist and datasets copied, node_modules linked. */
function makeSandbox(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), "course-grade-"));
  cpSync(join(root, "dist"), join(dir, "dist"), { recursive: true });
  if (existsSync(join(root, "datasets")))
    cpSync(join(root, "datasets"), join(dir, "datasets"), { recursive: true });
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  mkdirSync(join(dir, "work"));
  return dir;
}

function gradingCell(
  exercise: Exercise,
  marker: string,
  request: AnswerRequest,
  distDir: string,
): Cell {
  // The compiled helper (under build/ when the grader itself runs from source, as in the tests).
  const local = resolve(__dirname, "kernel-side.js");
  const helper = existsSync(local)
    ? local
    : join(findProjectRoot(), "build", "tools", "grade", "kernel-side.js");
  const source = [
    `// Added by \`course grade\`, not part of the submission: reports the answer of ${exercise.id}.`,
    `require(${JSON.stringify(helper)}).reportAnswer(${JSON.stringify(marker)}, ${JSON.stringify(distDir)}, ${JSON.stringify(request)}, ${exercise.answer});`,
  ].join("\n");
  return { cell_type: "code", source, metadata: {}, outputs: [], execution_count: null };
}

/** The text of a cell's stdout, and its error output if any. */
function cellOutputs(cell: Cell | undefined): { stdout: string; error: string | null } {
  const outputs = (cell?.outputs ?? []) as Output[];
  let stdout = "";
  let error: string | null = null;
  for (const output of outputs) {
    const o = output as {
      output_type: string;
      name?: string;
      text?: string | string[];
      ename?: string;
      evalue?: string;
    };
    if (o.output_type === "stream" && o.name === "stdout")
      stdout += Array.isArray(o.text) ? o.text.join("") : (o.text ?? "");
    if (o.output_type === "error") error = `${o.ename}: ${o.evalue}`;
  }
  return { stdout, error };
}

/** The verdict of one grading cell's outputs. */
function verdictOf(
  exercise: Exercise,
  cell: Cell | undefined,
  marker: string,
  rubric: Rubric,
  kernelDied: string | null,
): { status: GradeStatus; message: string } {
  const { stdout, error } = cellOutputs(cell);
  const reports = stdout.split("\n").filter((line) => line.startsWith(marker));
  if (reports.length === 1) {
    let report: AnswerReport;
    try {
      report = JSON.parse(reports[0].slice(marker.length)) as AnswerReport;
    } catch {
      return { status: "error", message: "The grading cell's report is not valid JSON." };
    }
    const verdict = judgeReport(exercise, report, rubric.get(exercise.id)?.hidden ?? []);
    return { status: verdict.status, message: verdict.message };
  }
  if (reports.length > 1)
    return {
      status: "error",
      message:
        "The grading cell printed more than one report: the notebook's code interferes with the grader's output.",
    };
  if (error !== null && error.includes(`Cannot find name '${exercise.answer}'`)) {
    const lost =
      kernelDied === null
        ? ""
        : ` The kernel stopped at ${kernelDied} (it died, or was stopped after the time limit) and a fresh one ran the rest, so answers defined before it were lost.`;
    return {
      status: "missing",
      message: `\`${exercise.answer}\` is not defined after the notebook ran: the exercise cell is missing, renamed, or failed.${lost}`,
    };
  }
  return {
    status: "error",
    message: `The grading cell failed: ${error ?? "it printed no report"}.`,
  };
}

/** Grades one submitted notebook of `student`; never throws (a problem becomes grade lines). */
export async function gradeNotebook(
  path: string,
  student: string,
  options: GradeOptions,
): Promise<GradedNotebook> {
  const lesson = basename(path).replace(/\.ipynb$/, "");
  const exercises = lessonExercises(lesson);
  const points = (e: Exercise): number => options.rubric.get(e.id)?.points ?? 1;
  const lineOf = (e: Exercise, status: GradeStatus, message: string): GradeLine => ({
    student,
    lesson,
    exercise: e.id,
    title: e.title,
    status,
    message,
    points: status === "passed" ? points(e) : 0,
    maxPoints: points(e),
  });
  const graded: GradedNotebook = { student, lesson, lines: [], problems: [] };
  if (exercises.length === 0) {
    const message = `${basename(path)} is not a lesson of the course with exercises (expected NN-topic.ipynb).`;
    graded.lines.push({
      student,
      lesson,
      exercise: "-",
      title: "",
      status: "error",
      points: 0,
      maxPoints: 0,
      message,
    });
    return graded;
  }
  let nb: Notebook;
  try {
    nb = readNotebook(path);
  } catch (e) {
    graded.lines = exercises.map((ex) =>
      lineOf(ex, "error", `The notebook could not be read: ${(e as Error).message}`),
    );
    return graded;
  }
  const root = resolve(options.root ?? process.cwd());
  const sandbox = makeSandbox(root);
  try {
    const distDir = join(sandbox, "dist");
    const markers = exercises.map(() => `course-grade:${randomBytes(16).toString("hex")}:`);
    const cells = [
      ...nb.cells.map((c) =>
        c.cell_type === "code" ? { ...c, outputs: [], execution_count: null } : c,
      ),
      ...exercises.map((ex, i) =>
        gradingCell(
          ex,
          markers[i],
          {
            kind: ex.kind,
            ...(ex.kind === "function"
              ? {
                  cases: encodedCases(ex, options.rubric.get(ex.id)?.hidden ?? []),
                  callMs: 5000,
                  adapter: ADAPTERS[ex.id],
                }
              : {}),
          },
          distDir,
        ),
      ),
    ];
    const work = join(sandbox, "work", `${lesson}.ipynb`);
    writeNotebookAtomic(work, { ...nb, metadata: { ...nb.metadata, course: {} }, cells });
    const spec = readKernelSpec();
    const result = await runNotebook(work, {
      outDir: join(sandbox, "executed"),
      root: sandbox,
      continueOnError: true,
      timeout: options.timeout ?? 60,
      spec: {
        ...spec,
        env: { ...spec.env, NODE_OPTIONS: `--max-old-space-size=${options.memoryMb ?? 2048}` },
      },
    });
    const executed = result.executed?.cells ?? [];
    const firstGrading = nb.cells.length;
    let kernelDied: string | null = null;
    for (const failure of result.failures) {
      if (failure.cell > firstGrading) continue;
      graded.problems.push(`cell ${failure.cell}: ${failure.message}`);
      if (kernelDied === null && /kernel died|timed out/.test(failure.message))
        kernelDied = `cell ${failure.cell}`;
    }
    if (result.error !== null) graded.problems.push(result.error);
    graded.lines = exercises.map((ex, i) => {
      const { status, message } = verdictOf(
        ex,
        executed[firstGrading + i],
        markers[i],
        options.rubric,
        kernelDied,
      );
      return lineOf(ex, status, message);
    });
    if (options.executedOut && result.executed !== null)
      writeNotebookAtomic(join(options.executedOut, student, `${lesson}.ipynb`), result.executed);
  } catch (e) {
    graded.lines = exercises.map((ex) =>
      lineOf(ex, "error", `Grading failed: ${(e as Error).message}`),
    );
  } finally {
    rmSync(sandbox, { recursive: true, force: true });
  }
  return graded;
}
