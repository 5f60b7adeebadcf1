/**
 * The nbformat 4 types, once for the tools (the solution generator today; the runner and the
 * exporter keep their own copies until they move here, see the lead's note in issue 18's branch).
 * Only the fields the tools read are typed; others pass through as `unknown`.
 * Example: const nb = JSON.parse(text) as Notebook; nb.cells.map(cellSource)
 */

/** A multiline string as nbformat stores it: one string or a list of lines. */
export type MultilineString = string | string[];

/** One cell output as nbformat 4 stores it. */
export interface Output {
  output_type: "stream" | "display_data" | "execute_result" | "error" | "update_display_data";
  name?: string;
  text?: MultilineString;
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  execution_count?: number | null;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

/** One notebook cell; `metadata.course.exercise` names an exercise cell's exercise. */
export interface Cell {
  id?: string;
  cell_type: "markdown" | "code" | "raw";
  source: MultilineString;
  metadata: {
    tags?: string[];
    course?: { exercise?: string; [key: string]: unknown };
    [key: string]: unknown;
  };
  outputs?: Output[];
  execution_count?: number | null;
  attachments?: Record<string, Record<string, string>>;
  [key: string]: unknown;
}

/** An nbformat 4 notebook (CONTRIBUTING.md lists the course's own metadata). */
export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: { course?: Record<string, unknown>; [key: string]: unknown };
  cells: Cell[];
  [key: string]: unknown;
}

/** The text of a cell's source (nbformat allows a string or a list of lines). */
export function cellSource(cell: Pick<Cell, "source">): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}
