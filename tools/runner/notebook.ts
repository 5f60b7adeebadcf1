/**
 * Reading, checking and writing nbformat 4 notebooks. Sources are only read; executed copies are
 * written atomically (a temp file renamed into place) as nbformat 4.5, with cell ids.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { NotebookFormatError, describeValue } from "./errors";
import type { Output } from "./outputs";

/** One notebook cell (the fields the runner reads and writes; others are kept as they are). */
export interface Cell {
  id?: string;
  cell_type: "code" | "markdown" | "raw";
  source: string | string[];
  metadata: { tags?: string[]; [key: string]: unknown };
  execution_count?: number | null;
  outputs?: Output[];
  [key: string]: unknown;
}

/** An nbformat 4 notebook. */
export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: { course?: { cellTimeout?: unknown; [key: string]: unknown }; [key: string]: unknown };
  cells: Cell[];
}

/** The text of a cell's source (nbformat allows a string or a list of lines; readNotebook checks). */
export function cellSource(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/** The first three lines of a cell's source (shown under a failure in the report). */
export function headOf(source: string): string {
  return source.split("\n").slice(0, 3).join("\n");
}

/** True when the cell carries `tag` in metadata.tags. */
export function hasTag(cell: Cell, tag: string): boolean {
  return Array.isArray(cell.metadata?.tags) && cell.metadata.tags.includes(tag);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** What is wrong with a cell for the runner, or null: its type, source, metadata and tags. */
function cellProblem(cell: unknown): string | null {
  if (!isObject(cell)) return `not an object (got ${describeValue(cell)})`;
  if (!["code", "markdown", "raw"].includes(cell.cell_type as string)) {
    return `no valid cell_type (expected "code", "markdown" or "raw", got ${describeValue(cell.cell_type)})`;
  }
  const { source, metadata } = cell;
  const badLine = Array.isArray(source) ? source.findIndex((line) => typeof line !== "string") : -1;
  if (badLine >= 0) {
    const got = describeValue((source as unknown[])[badLine]);
    return `source must be a string or a list of strings, got a list with ${got} at index ${badLine}`;
  }
  if (typeof source !== "string" && !Array.isArray(source)) {
    return `source must be a string or a list of strings, got ${describeValue(source)}`;
  }
  if (metadata !== undefined && !isObject(metadata)) {
    return `metadata must be an object, got ${describeValue(metadata)}`;
  }
  const tags = metadata?.tags;
  if (tags !== undefined && !(Array.isArray(tags) && tags.every((t) => typeof t === "string"))) {
    return `metadata.tags must be a list of strings, got ${describeValue(tags)}`;
  }
  return null;
}

/** Parses and checks notebook text (nbformat 4; every cell as `cellProblem` wants). */
export function parseNotebook(text: string): Notebook {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new NotebookFormatError(`not valid JSON (${(e as Error).message})`);
  }
  if (!isObject(json) || json.nbformat !== 4) {
    const got = isObject(json) ? describeValue(json.nbformat) : describeValue(json);
    throw new NotebookFormatError(`not an nbformat 4 notebook (nbformat is ${got})`);
  }
  if (!Array.isArray(json.cells)) {
    throw new NotebookFormatError(
      `nbformat 4 notebook without a cells list (cells is ${describeValue(json.cells)})`,
    );
  }
  if (json.metadata !== undefined && !isObject(json.metadata)) {
    throw new NotebookFormatError(
      `metadata must be an object, got ${describeValue(json.metadata)}`,
    );
  }
  if (json.metadata?.course !== undefined && !isObject(json.metadata.course)) {
    const got = describeValue(json.metadata.course);
    throw new NotebookFormatError(`metadata.course must be an object, got ${got}`);
  }
  json.cells.forEach((cell, i) => {
    const problem = cellProblem(cell);
    if (problem !== null) throw new NotebookFormatError(`cell ${i + 1}: ${problem}`);
  });
  return { ...json, metadata: json.metadata ?? {} } as unknown as Notebook;
}

/**
 * Reads and checks a notebook. Throws an Error ("no such file", "cannot read (EACCES)") or a
 * NotebookFormatError saying what is wrong and where (`cell 3: source must be …`); the runner
 * prefixes the path.
 */
export function readNotebook(path: string): Notebook {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === "ENOENT" ? "no such file" : `cannot read (${code})`);
  }
  return parseNotebook(text);
}

/** Where the executed copy of `source` goes: `outDir` + its path relative to `root`. */
export function executedPath(source: string, outDir: string, root: string = process.cwd()): string {
  const rel = relative(root, resolve(source));
  const inside = rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
  return resolve(
    root,
    outDir,
    inside ? rel : join("external", resolve(source).replace(/^[/\\]+/, "")),
  );
}

/** A copy of `nb` as nbformat 4.5: every cell has a unique id, code cells have outputs and counts. */
export function toExecutedCopy(nb: Notebook, cells: Cell[]): Notebook {
  const seen = new Set<string>();
  const withIds = cells.map((cell, i) => {
    let id = typeof cell.id === "string" && /^[a-zA-Z0-9-_]{1,64}$/.test(cell.id) ? cell.id : "";
    if (id === "" || seen.has(id)) id = `cell-${i + 1}`;
    seen.add(id);
    const base = { ...cell, id, metadata: cell.metadata ?? {} };
    if (cell.cell_type !== "code") return base;
    return { ...base, execution_count: cell.execution_count ?? null, outputs: cell.outputs ?? [] };
  });
  return {
    ...nb,
    nbformat: 4,
    nbformat_minor: Math.max(5, nb.nbformat_minor ?? 0),
    cells: withIds,
  };
}

/**
 * Writes `nb` to `path` atomically (temp file in the same folder, then rename). On failure (a
 * folder that is a file or read-only, a full disk) removes the temp file and throws an Error naming
 * `path` and the reason: `cannot write executed/x.ipynb: no space left on device (ENOSPC)`.
 */
export function writeNotebookAtomic(path: string, nb: Notebook): void {
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, JSON.stringify(nb, null, 1) + "\n");
    renameSync(temp, path);
  } catch (e) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // the temp file was never created (its folder could not be)
    }
    throw new Error(`cannot write ${path}: ${writeProblem(e as NodeJS.ErrnoException)}`);
  }
}

/** A short reason for a failed write: "no space left on device (ENOSPC)". */
function writeProblem(e: NodeJS.ErrnoException): string {
  const reasons: Record<string, string> = {
    ENOSPC: "no space left on device",
    ENOTDIR: "a parent of the output folder is a file, not a folder",
    EEXIST: "a parent of the output folder is a file, not a folder",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "read-only file system",
    EDQUOT: "disk quota exceeded",
  };
  return `${reasons[e.code ?? ""] ?? e.message} (${e.code ?? "error"})`;
}
