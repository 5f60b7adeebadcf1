// `window.course`: the small, documented object through which tests and instructors' own checks
// drive a lesson page (README, "Run the lessons in your browser"). Cells are numbered among the
// page's code cells, from 0.
import type { CellStatus, RunnableCell } from "./cell";
import type { KernelOutput } from "./kernel";
import type { CellResult, Session } from "./session";

/** One code cell as `cells()` reports it. */
export interface CellInfo {
  index: number;
  /** The cell id in the notebook. */
  id: string;
  source: string;
  status: CellStatus;
  executionCount: number | null;
  /** This session's outputs as nbformat writes them (a display's MIME bundle is its `data`). */
  outputs: KernelOutput[];
  tags: string[];
}

export interface CourseApi {
  /** Runs every code cell in order (Run all); resolves with one result per cell. */
  runAll(): Promise<CellResult[]>;
  /** Runs one cell (queued behind a running one). */
  run(index: number): Promise<CellResult>;
  cells(): CellInfo[];
  /** Replaces a cell's text, as if the student typed it (saved like an edit). */
  setSource(index: number, text: string): void;
  /** Ends the running cell (Interrupt). */
  interrupt(): void;
  /** A fresh kernel (Restart). */
  restart(): Promise<void>;
}

export function courseApi(parts: {
  cells: RunnableCell[];
  session: Session;
  runAll: () => Promise<CellResult[]>;
  restart: () => Promise<void>;
}): CourseApi {
  const { cells } = parts;
  const cellAt = (method: string, index: unknown): RunnableCell => {
    if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= cells.length)
      throw new RangeError(
        `course.${method}: index must be an integer from 0 to ${cells.length - 1}, got ${String(index)}`,
      );
    return cells[index];
  };
  return {
    runAll: parts.runAll,
    run: (index) => {
      try {
        return parts.session.run(cellAt("run", index));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    cells: () =>
      cells.map((cell) => ({
        index: cell.index,
        id: cell.id,
        source: cell.source(),
        status: cell.status,
        executionCount: cell.executionCount,
        outputs: cell.outputs,
        tags: cell.tags,
      })),
    setSource: (index, text) => {
      const cell = cellAt("setSource", index);
      if (typeof text !== "string")
        throw new TypeError(`course.setSource: text must be a string, got ${typeof text}`);
      cell.setSource(text);
    },
    interrupt: () => void parts.session.interrupt(),
    restart: parts.restart,
  };
}
