// Reading executed notebooks (nbformat 4.5) and the course metadata the exporter needs.
import * as fs from "node:fs";
import * as path from "node:path";

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
}

/** Joins nbformat's multiline strings. */
export function joinText(text: MultilineString | undefined): string {
  return Array.isArray(text) ? text.join("") : (text ?? "");
}

/** Reads and minimally validates a notebook file; throws naming the file when it is not one. */
export function readNotebook(file: string): Notebook {
  let nb: Notebook;
  try {
    nb = JSON.parse(fs.readFileSync(file, "utf8")) as Notebook;
  } catch (e) {
    throw new Error(`export: ${file} is not valid JSON (${(e as Error).message})`);
  }
  if (typeof nb !== "object" || nb === null || !Array.isArray(nb.cells) || nb.nbformat !== 4) {
    throw new Error(`export: ${file} is not an nbformat 4 notebook`);
  }
  return nb;
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
    const notebook = readNotebook(file);
    const solutionFile = path.join(dir, "solutions", name);
    const solution = fs.existsSync(solutionFile) ? readNotebook(solutionFile) : undefined;
    return { slug, file, course: courseMeta(notebook, slug), notebook, solution };
  });
  return lessons.sort((a, b) => a.course.lesson - b.course.lesson || a.slug.localeCompare(b.slug));
}
