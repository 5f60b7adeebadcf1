// A lesson page made runnable: every code cell of the exported page becomes a RunnableCell, the
// toolbar drives the session, progress is restored and saved, and `window.course` is returned.
import { RunnableCell } from "./cell";
import { courseApi, type CourseApi } from "./api";
import { downloadName, toIpynb, type PageNotebook } from "./notebook";
import { Displays } from "./displays";
import { errorText } from "./outputs";
import { LessonProgress, verdictOf } from "./progress";
import { Session, type CellResult } from "./session";
import { createKernel, type KernelOutput } from "./kernel";
import { browserStorage } from "./storage";
import { Toolbar } from "./toolbar";

/** The page's code cells, paired with the embedded notebook's; null when they do not match. */
function findCells(nb: PageNotebook): Array<{ element: HTMLElement; cellIndex: number }> | null {
  const elements = Array.from(document.querySelectorAll<HTMLElement>(".code-cell[data-cell]"));
  const codeIndices = nb.cells.flatMap((c, i) => (c.cell_type === "code" ? [i] : []));
  const found = elements.map((element) => ({ element, cellIndex: Number(element.dataset.cell) }));
  const matches =
    found.length === codeIndices.length && found.every((f, k) => f.cellIndex === codeIndices[k]);
  return matches ? found : null;
}

/** The notebook's own per-cell limit (`course.cellTimeout`, as the runner reads it), if valid. */
function cellTimeout(nb: PageNotebook): number | undefined {
  const course = nb.metadata.course as { cellTimeout?: unknown } | undefined;
  const seconds = course?.cellTimeout;
  return typeof seconds === "number" && seconds > 0 ? seconds : undefined;
}

function storageName(nb: PageNotebook): string {
  return nb.kind === "solution" ? `${nb.slug}-solution` : nb.slug;
}

function saveFile(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/x-ipynb+json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Sets up the runnable lesson; null (the page stays as exported) when the page has no cells to run. */
export function setUpLesson(nb: PageNotebook): CourseApi | null {
  const main = document.querySelector<HTMLElement>("main");
  const pairs = findCells(nb);
  if (main === null || pairs === null || pairs.length === 0) return null;
  const progress = new LessonProgress(browserStorage(), storageName(nb), nb.exercises);
  const displays = new Displays();
  const cells: RunnableCell[] = [];
  let toolbar: Toolbar | null = null;

  const showProgress = (): void =>
    toolbar?.setProgress(progress.passed().length, progress.exercises.length);
  const session = new Session(
    {
      output: (cell, o) => {
        if (o.output_type === "update_display_data") applyUpdate(cells, cell, o);
        const verdict = verdictOf(o);
        if (verdict !== null && progress.recordVerdict(verdict.exercise, verdict.status)) {
          const count = `${progress.passed().length} of ${progress.exercises.length}`;
          toolbar?.announce(`Exercise ${verdict.exercise} passed: ${count} exercises passed.`);
        }
      },
      finished: (cell, result) => announceResult(cell, result),
      kernelStatus: (status) => toolbar?.setKernelStatus(status),
    },
    () => createKernel(cellTimeout(nb)),
  );
  const announceResult = (cell: RunnableCell, result: CellResult): void => {
    const name = `Cell ${cell.index + 1}`;
    const error = result.outputs.find((o) => o.output_type === "error");
    if (result.status === "ok") toolbar?.announce(`${name} ran [${result.executionCount}].`);
    else if (result.status === "interrupted") toolbar?.announce(`${name} was interrupted.`);
    else if (error?.output_type === "error")
      toolbar?.announce(`${name} failed: ${errorText(error).split("\n")[0]}`);
    else toolbar?.announce(`${name} failed (${result.status}).`);
  };

  const runCell = (cell: RunnableCell): Promise<CellResult> => session.run(cell);
  pairs.forEach(({ element, cellIndex }, index) => {
    const data = nb.cells[cellIndex];
    const cell: RunnableCell = new RunnableCell(element, {
      index,
      total: pairs.length,
      id: data.id,
      source: data.source,
      tags: data.metadata.tags ?? [],
      displays,
      hooks: {
        run: () => void runCell(cell),
        runAndAdvance: () => {
          void runCell(cell);
          const next = cells[index + 1];
          if (next !== undefined) {
            next.focus();
            next.element.scrollIntoView({ block: "nearest" });
          }
        },
        changed: (text) => progress.recordEdit(data.id, text, data.source),
      },
    });
    const edit = progress.editOf(data.id);
    if (edit !== undefined) cell.setSource(edit);
    cell.onRunClick(() => void runCell(cell));
    cells.push(cell);
  });

  const runAll = async (): Promise<CellResult[]> => {
    const results = await session.runAll(cells);
    const ran = results.filter((r) => r.status !== "aborted").length;
    const failed = results.filter((r) => r.status !== "ok" && r.status !== "aborted").length;
    toolbar?.announce(`Run all: ${ran} of ${cells.length} cells ran, ${failed} failed.`);
    return results;
  };
  const restart = async (): Promise<void> => {
    await session.restart();
    toolbar?.announce("The kernel restarted: run the cells again from the top.");
  };
  toolbar = new Toolbar(main, {
    runAll: () => void runAll(),
    interrupt: () => {
      if (!session.interrupt()) return;
      toolbar?.notice(
        "Interrupted: the kernel was stopped, so the variables of earlier cells are gone. " +
          "Run the cells above again (Run all) before going on.",
      );
    },
    restart: () => void restart(),
    download: () => {
      const notebook = toIpynb(nb, cells.map(sessionCell));
      saveFile(downloadName(nb), JSON.stringify(notebook, null, 1) + "\n");
    },
    reset: () => {
      void session.restart();
      for (const cell of cells) cell.reset();
      progress.reset();
      toolbar?.announce("The lesson was reset to its original cells.");
    },
  });
  progress.onChange = () => {
    showProgress();
    if (progress.saveFailed)
      toolbar?.notice(
        "Your edits could not be saved in this browser (its storage is full or turned off). " +
          "Use Download .ipynb to keep your work.",
        "warning",
      );
  };
  showProgress();
  reportLoadProblem(progress, toolbar);
  addEventListener("pagehide", () => progress.save());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") progress.save();
  });
  return courseApi({ cells, session, runAll, restart });
}

/**
 * An update of a display shown by another, finished cell changes that cell's saved outputs too (the
 * running cell's come with its result), as Jupyter saves the updated display.
 */
function applyUpdate(
  cells: RunnableCell[],
  running: RunnableCell,
  update: Extract<KernelOutput, { output_type: "update_display_data" }>,
): void {
  for (const cell of cells) {
    if (cell === running) continue;
    cell.outputs = cell.outputs.map((o) =>
      o.output_type === "display_data" && o.transient?.display_id === update.transient.display_id
        ? { ...o, data: update.data, metadata: update.metadata }
        : o,
    );
  }
}

const sessionCell = (cell: RunnableCell) => ({
  source: cell.source(),
  executionCount: cell.executionCount,
  outputs: cell.outputs,
});

function reportLoadProblem(progress: LessonProgress, toolbar: Toolbar): void {
  const { problem, backupKey } = progress.loaded;
  if (problem === "corrupt")
    toolbar.notice(
      "Your saved progress for this lesson could not be read, so the lesson starts afresh. " +
        `The unreadable entry was kept in this browser's storage as "${backupKey}".`,
      "warning",
    );
  else if (problem === "unavailable")
    toolbar.notice(
      "This browser does not let the page keep your edits (storage is turned off): " +
        "use Download .ipynb to keep your work.",
      "warning",
    );
}
