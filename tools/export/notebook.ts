// Reading executed notebooks (nbformat 4.5) and the course metadata the exporter needs.
import * as fs from "node:fs";
import * as path from "node:path";
import { checkNotebook } from "./validate";

/** A multiline string as nbformat stores it: one string or a list of lines. */
export type MultilineString = string | string[];

/** One cell output as nbformat 4 stores it. */
export interface Output {
  output_type: "stream" | "display_data" | "execute_result" | "error" | "update_display_data";
  name?: string;
  text?: MultilineString;
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

/** One notebook cell. */
export interface Cell {
  id?: string;
  /** Its 1-based position in the file, for warnings (set by `checkNotebook`; never written back). */
  number?: number;
  cell_type: "markdown" | "code" | "raw";
  source: MultilineString;
  metadata: { tags?: string[]; [key: string]: unknown };
  outputs?: Output[];
  execution_count?: number | null;
  attachments?: Record<string, Record<string, string>>;
}

/** The course's own notebook metadata (see CONTRIBUTING.md). */
export interface CourseMeta {
  lesson: number;
  title: string;
  summary: string;
  /** The notebook's per-cell time limit in seconds (the runner's and the runnable page's). */
  cellTimeout?: number;
}

/** An nbformat 4 notebook. */
export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: { course?: Partial<CourseMeta>; [key: string]: unknown };
  cells: Cell[];
}

/** An executed lesson found on disk: its notebook, where it came from and its page name. */
export interface Lesson {
  /** `NN-topic`, the notebook's file name without `.ipynb`; pages are `NN-topic.html`. */
  slug: string;
  file: string;
  course: CourseMeta;
  notebook: Notebook;
  /** The executed solution notebook beside it (`solutions/NN-topic.ipynb`), if there is one. */
  solution?: Notebook;
  solutionFile?: string;
  /** The files' JSON as read (for the clean copies students download). */
  raw: unknown;
  solutionRaw?: unknown;
  /** What reading the files found wrong (each starts with the file's path). */
  warnings: string[];
}

/** Joins nbformat's multiline strings. */
export function joinText(text: MultilineString | undefined): string {
  return Array.isArray(text) ? text.join("") : (text ?? "");
}

/**
 * Reads a notebook file and checks it field by field (validate.ts): wrong parts are dropped with a
 * warning naming the file; throws naming the file when it is not JSON or not an nbformat 4 notebook.
 */
export function readNotebook(file: string): {
  notebook: Notebook;
  raw: unknown;
  warnings: string[];
} {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`export: ${file} is not valid JSON (${(e as Error).message})`);
  }
  const { notebook, warnings } = checkNotebook(raw, file);
  return { notebook, raw, warnings: warnings.map((w) => `${file}: ${w}`) };
}

function courseMeta(nb: Notebook, slug: string): CourseMeta {
  const meta = nb.metadata.course ?? {};
  const lesson = typeof meta.lesson === "number" ? meta.lesson : Number.parseInt(slug, 10);
  return {
    lesson: Number.isFinite(lesson) ? lesson : 0,
    title: meta.title ?? slug,
    summary: meta.summary ?? "",
  };
}

/**
 * Lists the executed lessons in `dir` (`dir/NN-topic.ipynb`, solutions in `dir/solutions/`), sorted
 * by lesson number. Only executed copies are read, never the source notebooks.
 * Example: `findLessons("executed/notebooks")`.
 */
export function findLessons(dir: string): Lesson[] {
  if (!fs.existsSync(dir))
    throw new Error(`export: no executed notebooks in ${dir}; run the lessons first`);
  const names = fs.readdirSync(dir).filter((name) => /^\d+.*\.ipynb$/.test(name));
  const lessons = names.map((name): Lesson => {
    const slug = name.replace(/\.ipynb$/, "");
    const file = path.join(dir, name);
    const { notebook, raw, warnings } = readNotebook(file);
    const course = courseMeta(notebook, slug);
    const lesson: Lesson = { slug, file, course, notebook, raw, warnings };
    const solutionFile = path.join(dir, "solutions", name);
    if (fs.existsSync(solutionFile)) {
      const solution = readNotebook(solutionFile);
      Object.assign(lesson, {
        solution: solution.notebook,
        solutionFile,
        solutionRaw: solution.raw,
      });
      lesson.warnings.push(...solution.warnings);
    }
    return lesson;
  });
  return lessons.sort((a, b) => a.course.lesson - b.course.lesson || a.slug.localeCompare(b.slug));
}

/**
 * The notebook a student downloads: the executed file's JSON with every code cell's outputs and
 * execution count cleared (as lessons are committed), written as Jupyter writes (one-space indent).
 */
export function cleanCopy(raw: unknown): string {
  const nb = raw as { cells: unknown[] };
  const cells = nb.cells.map((cell) => {
    const c = cell as Record<string, unknown> | null;
    if (c === null || typeof c !== "object" || c.cell_type !== "code") return cell;
    return { ...c, outputs: [], execution_count: null };
  });
  return JSON.stringify({ ...nb, cells }, null, 1) + "\n";
}
