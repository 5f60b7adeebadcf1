// The lesson's notebook as the exporter embeds it in the page (`<script type="application/json"
// id="course-notebook">`: every cell's source and metadata, no outputs), and the .ipynb that
// Download builds from it with the student's sources and this session's outputs.
import type { KernelOutput } from "./kernel";

/** One cell as embedded: its source as one string. */
export interface PageCell {
  id: string;
  cell_type: "code" | "markdown" | "raw";
  source: string;
  metadata: { tags?: string[]; course?: { exercise?: string }; [key: string]: unknown };
  attachments?: Record<string, unknown>;
}

/** The embedded notebook, with what the page needs to name its progress and its download. */
export interface PageNotebook {
  /** `NN-topic`, the page's name; progress is stored under it. */
  slug: string;
  /** "lesson" (a student page) or "solution" (the instructor edition's solution page). */
  kind: "lesson" | "solution";
  /** The lesson's exercise ids, in order (the exporter lists them). */
  exercises: string[];
  nbformat_minor: number;
  metadata: Record<string, unknown>;
  cells: PageCell[];
}

/** The kernelspec and language of the course's notebooks (CONTRIBUTING.md). */
export const KERNELSPEC = {
  name: "tslab",
  display_name: "TypeScript (course, tslab)",
  language: "typescript",
};
const LANGUAGE_INFO = { name: "typescript", file_extension: ".ts", mimetype: "text/typescript" };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Reads the page's embedded notebook; null when the page has none or it is not one. */
export function readPageNotebook(doc: Document): PageNotebook | null {
  const element = doc.getElementById("course-notebook");
  if (element === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(element.textContent ?? "");
  } catch {
    return null;
  }
  if (!isObject(value) || typeof value.slug !== "string" || !Array.isArray(value.cells))
    return null;
  const cells = value.cells.filter(
    (c): c is PageCell =>
      isObject(c) &&
      typeof c.source === "string" &&
      typeof c.id === "string" &&
      ["code", "markdown", "raw"].includes(c.cell_type as string) &&
      isObject(c.metadata),
  );
  if (cells.length !== value.cells.length) return null;
  return {
    slug: value.slug,
    kind: value.kind === "solution" ? "solution" : "lesson",
    exercises: Array.isArray(value.exercises)
      ? value.exercises.filter((id): id is string => typeof id === "string")
      : [],
    nbformat_minor: typeof value.nbformat_minor === "number" ? value.nbformat_minor : 5,
    metadata: isObject(value.metadata) ? value.metadata : {},
    cells,
  };
}

/** nbformat's multiline string: lines that keep their `\n`, as Jupyter writes them. */
export function toLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** A kernel output as nbformat stores it in a file (no transient fields, no updates). */
function storedOutput(o: KernelOutput): Record<string, unknown> | null {
  switch (o.output_type) {
    case "stream":
      return { output_type: "stream", name: o.name, text: toLines(o.text) };
    case "display_data":
      return { output_type: "display_data", data: storedBundle(o.data), metadata: o.metadata };
    case "error":
      return { output_type: "error", ename: o.ename, evalue: o.evalue, traceback: o.traceback };
    default:
      return null; // update_display_data is applied to its display before saving
  }
}

function storedBundle(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [mime, value] of Object.entries(data)) {
    out[mime] = typeof value === "string" && !mime.endsWith("json") ? toLines(value) : value;
  }
  return out;
}

/** What a code cell holds in this session, for the download. */
export interface SessionCell {
  source: string;
  executionCount: number | null;
  outputs: KernelOutput[];
}

/**
 * The notebook to download: nbformat 4.5 with the course's kernelspec, every cell's current source,
 * and the outputs and counts of this session (none for cells not run). `code` holds the code cells,
 * in order.
 */
export function toIpynb(nb: PageNotebook, code: SessionCell[]): Record<string, unknown> {
  let k = 0;
  const cells = nb.cells.map((cell) => {
    const base: Record<string, unknown> = {
      id: cell.id,
      cell_type: cell.cell_type,
      metadata: cell.metadata,
    };
    if (cell.cell_type !== "code") {
      if (cell.attachments !== undefined) base.attachments = cell.attachments;
      return { ...base, source: toLines(cell.source) };
    }
    const session = code[k++];
    return {
      ...base,
      execution_count: session.executionCount,
      outputs: session.outputs.map(storedOutput).filter((o) => o !== null),
      source: toLines(session.source),
    };
  });
  const metadata = { ...nb.metadata, kernelspec: KERNELSPEC, language_info: LANGUAGE_INFO };
  return { nbformat: 4, nbformat_minor: Math.max(5, nb.nbformat_minor), metadata, cells };
}

/** The download's file name: `NN-topic.ipynb` (`NN-topic-solution.ipynb` for a solution page). */
export function downloadName(nb: PageNotebook): string {
  return `${nb.slug}${nb.kind === "solution" ? "-solution" : ""}.ipynb`;
}
