/**
 * Runs one notebook top to bottom in its own tslab kernel and writes its executed copy.
 *
 * Example:
 *   const result = await runNotebook("notebooks/01-neuron.ipynb", { outDir: "executed" });
 *   if (!result.ok) console.log(result.failures[0].message);
 */
import { dirname, resolve } from "node:path";
import { outcomeError } from "./cell-errors";
import { describeError } from "./errors";
import { KernelClient } from "./kernel";
import type { KernelSpec } from "./launch";
import {
  cellSource,
  executedPath,
  hasTag,
  headOf,
  readNotebook,
  toExecutedCopy,
  writeNotebookAtomic,
} from "./notebook";
import type { Cell, Notebook } from "./notebook";
import { checkSeconds } from "./options";
import { checkOutputPath } from "./output-path";
import { RunRecord, ownOutputs } from "./run-record";

/** Options shared by `runNotebook` and `runNotebooks`. */
export interface RunOptions {
  /** Folder of the executed copies, mirroring paths relative to `root` (default "executed"). */
  outDir?: string;
  /** Folder the mirrored paths are relative to (default: the current directory). */
  root?: string;
  /** Per-cell limit in seconds; when given it wins over the notebook's `course.cellTimeout` (default 60). */
  timeout?: number;
  /** Run the remaining cells after a failure (default false: stop the notebook). */
  continueOnError?: boolean;
  /** Kernelspec to start (default: the project's jupyter/kernels/tslab/kernel.json). */
  spec?: KernelSpec;
  /** Kernel start-up limit in ms (default 90 000). */
  startTimeoutMs?: number;
  /** Other source notebooks no executed copy may overwrite (runNotebooks passes every path it runs). */
  sources?: readonly string[];
}

/** A cell that failed: where, what the cell starts with, and the message to show. */
export interface CellFailure {
  /** 1-based position of the cell in the notebook (markdown cells count). */
  cell: number;
  /** The first lines of the cell's source. */
  head: string;
  /** The TypeScript diagnostic or exception message (with its line in the cell when known). */
  message: string;
  line: number | null;
}

/** The verdict on one notebook. */
export interface NotebookResult {
  path: string;
  /** The executed copy, or null when the notebook could not be read or the copy not written. */
  outPath: string | null;
  ok: boolean;
  seconds: number;
  cellsRun: number;
  codeCells: number;
  failures: CellFailure[];
  /** A problem with the notebook as a whole: unreadable, a bad cellTimeout, an output path onto a
   * source, the kernel failed to start (`path: ArgumentError: …`). */
  error: string | null;
  /** The executed notebook (null when it could not be read). */
  executed: Notebook | null;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** State of one notebook's run. */
interface Run {
  kernel: KernelClient;
  cells: Cell[];
  /** Every executed cell's messages (the live arrays: late ones keep arriving) and late errors. */
  record: RunRecord;
  count: number;
  failures: CellFailure[];
}

/** Executes cell `i`; returns false when the notebook must stop. */
async function runCell(
  run: Run,
  i: number,
  seconds: number,
  options: RunOptions,
  cwd: string,
): Promise<boolean> {
  const cell = run.cells[i];
  const source = cellSource(cell);
  let outcome = await run.kernel.execute(source, seconds * 1000);
  if (outcome.status === "abort") {
    // tslab aborts what arrives while it resets after a failure: settle longer and send it again.
    await sleep(1_000);
    outcome = await run.kernel.execute(source, seconds * 1000);
  }
  if (outcome.status === "timeout") {
    await run.kernel.interrupt();
    if (!(await run.kernel.finishLast(5_000))) run.kernel.kill();
  }
  const error = outcomeError(outcome, ownOutputs(outcome.messages), source, seconds);
  // How the kernel ended goes into the cell's error output too, not only into the report.
  if (error && outcome.status === "died" && run.kernel.exited !== null)
    error.evalue += ` (${run.kernel.exited})`;
  run.record.add(i, outcome, error);
  run.cells[i] = { ...cell, execution_count: ++run.count };
  const lateFailures = run.record.lateFailures(run.cells);
  run.failures.push(...lateFailures);
  if (error === null) return lateFailures.length === 0 || options.continueOnError === true;
  if (run.kernel.exited !== null) {
    run.kernel.kill();
    if (options.continueOnError) {
      run.kernel = await KernelClient.start({
        cwd,
        spec: options.spec,
        startTimeoutMs: options.startTimeoutMs,
      });
      run.record.newKernel();
    }
  }
  await sleep(350); // tslab aborts requests arriving within 200 ms of a failed cell
  if (hasTag(cell, "raises-exception") && outcome.status === "error") return true;
  run.failures.push({
    cell: i + 1,
    head: headOf(source),
    message: `${error.ename}: ${error.evalue}${error.line === null ? "" : ` (line ${error.line})`}`,
    line: error.line,
  });
  return options.continueOnError === true;
}

/** The per-cell limit: the option, else the notebook's course.cellTimeout, else 60 s; checked. */
function cellSeconds(nb: Notebook, options: RunOptions): number {
  if (options.timeout !== undefined) return checkSeconds("timeout", options.timeout);
  const fromMetadata = nb.metadata.course?.cellTimeout;
  if (fromMetadata === undefined) return 60;
  return checkSeconds("metadata course.cellTimeout", fromMetadata);
}

/** Runs every code cell of `path` in order and writes the executed copy (even after a crash). */
export async function runNotebook(path: string, options: RunOptions = {}): Promise<NotebookResult> {
  const start = Date.now();
  const result: NotebookResult = {
    path,
    outPath: null,
    ok: false,
    seconds: 0,
    cellsRun: 0,
    codeCells: 0,
    failures: [],
    error: null,
    executed: null,
  };
  const fail = (e: unknown): NotebookResult => ({
    ...result,
    error: `${path}: ${describeError(e)}`,
    seconds: (Date.now() - start) / 1000,
  });
  let nb: Notebook;
  let seconds: number;
  let outPath: string;
  try {
    nb = readNotebook(path);
    seconds = cellSeconds(nb, options);
    outPath = executedPath(path, options.outDir ?? "executed", options.root);
    checkOutputPath(outPath, [path, ...(options.sources ?? [])]);
  } catch (e) {
    return fail(e);
  }
  const cells = nb.cells.map((cell) =>
    cell.cell_type === "code" ? { ...cell, outputs: [], execution_count: null } : cell,
  );
  const codeIndices = cells.flatMap((cell, i) => (cell.cell_type === "code" ? [i] : []));
  const cwd = dirname(resolve(path));
  result.codeCells = codeIndices.length;
  result.outPath = outPath;
  let run: Run | null = null;
  try {
    run = {
      kernel: await KernelClient.start({
        cwd,
        spec: options.spec,
        startTimeoutMs: options.startTimeoutMs,
      }),
      cells,
      record: new RunRecord(),
      count: 0,
      failures: result.failures,
    };
    for (const i of codeIndices) {
      result.cellsRun++;
      if (!(await runCell(run, i, seconds, options, cwd))) break;
    }
  } catch (e) {
    result.error = `${path}: ${describeError(e)}`;
  } finally {
    await run?.kernel.shutdown();
    if (run !== null) {
      // Late errors that arrived after the last cell, then every cell's outputs, late ones included.
      result.failures.push(...run.record.lateFailures(run.cells));
      run.record.fillOutputs(run.cells);
    }
    result.executed = toExecutedCopy(nb, run?.cells ?? cells);
    try {
      // Checked again: a cell may have replaced the output folder by a link to the sources.
      checkOutputPath(outPath, [path, ...(options.sources ?? [])]);
      writeNotebookAtomic(outPath, result.executed);
    } catch (e) {
      // The outputs so far stay in result.executed; the message names the notebook and the copy.
      const problem = `${path}: ${describeError(e)}`;
      result.error = result.error === null ? problem : `${result.error}\n${problem}`;
      result.outPath = null;
    }
  }
  result.ok = result.error === null && result.failures.length === 0;
  result.seconds = (Date.now() - start) / 1000;
  return result;
}
