/**
 * Reading, checking and writing nbformat 4 notebooks. Sources are only read; executed copies are
 * written atomically (a temp file renamed into place) as nbformat 4.5, with cell ids.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
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
  metadata: { course?: { cellTimeout?: number; [key: string]: unknown }; [key: string]: unknown };
  cells: Cell[];
}

/** The text of a cell's source (nbformat allows a string or a list of lines). */
export function cellSource(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/** True when the cell carries `tag` in metadata.tags. */
export function hasTag(cell: Cell, tag: string): boolean {
  return Array.isArray(cell.metadata?.tags) && cell.metadata.tags.includes(tag);
}

/**
 * Reads and checks a notebook; throws an Error naming the file when it is missing, is not JSON or
 * is not nbformat 4 with a list of cells.
 */
export function readNotebook(path: string): Notebook {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === "ENOENT" ? `${path}: no such file` : `${path}: cannot read (${code})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${(e as Error).message})`);
  }
  const nb = json as Partial<Notebook> | null;
  if (nb === null || typeof nb !== "object" || nb.nbformat !== 4) {
    const got = nb !== null && typeof nb === "object" ? String(nb.nbformat) : typeof json;
    throw new Error(`${path}: not an nbformat 4 notebook (nbformat is ${got})`);
  }
  if (!Array.isArray(nb.cells))
    throw new Error(`${path}: nbformat 4 notebook without a cells list`);
  const bad = nb.cells.findIndex((cell) => !["code", "markdown", "raw"].includes(cell?.cell_type));
  if (bad >= 0) throw new Error(`${path}: cell ${bad + 1} has no valid cell_type`);
  return { ...nb, metadata: nb.metadata ?? {} } as Notebook;
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
