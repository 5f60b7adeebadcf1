// Runs cells through the kernel one at a time, in the order asked, as Jupyter queues execute
// requests: a failed cell (unless tagged `raises-exception`) cancels the cells queued after it, and
// so do Interrupt and Restart. The kernel is created on the first run, so nothing heavy loads before.
import type { RunnableCell } from "./cell";
import { createKernel, type ExecuteResult, type Kernel, type KernelOutput } from "./kernel";

/** The result of running one cell (`window.course.run`, `runAll`). */
export interface CellResult {
  /** The cell's position among the page's code cells, from 0. */
  index: number;
  /** "aborted": the cell was queued but did not run (an earlier cell failed, or Interrupt/Restart). */
  status: ExecuteResult["status"] | "aborted";
  executionCount: number | null;
  outputs: KernelOutput[];
}

export interface SessionHooks {
  output(cell: RunnableCell, o: KernelOutput): void;
  finished(cell: RunnableCell, result: CellResult): void;
  kernelStatus(status: Kernel["status"]): void;
}

interface Queued {
  cell: RunnableCell;
  resolve: (result: CellResult) => void;
}

export class Session {
  private kernel: Kernel | null = null;
  private readonly queue: Queued[] = [];
  private running: Queued | null = null;

  constructor(
    private readonly hooks: SessionHooks,
    private readonly makeKernel: () => Kernel = () => createKernel(),
  ) {}

  get kernelStatus(): Kernel["status"] {
    return this.kernel?.status ?? "unstarted";
  }

  /** Queues one cell; resolves when it has run (or was cancelled). */
  run(cell: RunnableCell): Promise<CellResult> {
    return new Promise((resolve) => {
      cell.markQueued();
      this.queue.push({ cell, resolve });
      void this.pump();
    });
  }

  /** Queues `cells` in order; resolves with every result once the last has run or was cancelled. */
  runAll(cells: RunnableCell[]): Promise<CellResult[]> {
    return Promise.all(cells.map((cell) => this.run(cell)));
  }

  /** Ends the running cell and cancels the queued ones; false when nothing was running. */
  interrupt(): boolean {
    this.cancelQueued();
    if (this.running === null) return false;
    this.kernel?.interrupt();
    return true;
  }

  /** A fresh kernel: the running cell ends, queued cells are cancelled, every variable is gone. */
  async restart(): Promise<void> {
    this.cancelQueued();
    if (this.kernel === null) return;
    if (this.running !== null) this.kernel.interrupt();
    await this.kernel.restart();
  }

  private ensureKernel(): Kernel {
    if (this.kernel === null) {
      this.kernel = this.makeKernel();
      this.kernel.onStatus = (status) => this.hooks.kernelStatus(status);
    }
    return this.kernel;
  }

  private async pump(): Promise<void> {
    if (this.running !== null) return;
    for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
      this.running = next;
      const result = await this.execute(next.cell);
      this.running = null;
      if (result.status !== "ok" && !next.cell.raisesException) this.cancelQueued();
      next.resolve(result);
    }
  }

  private async execute(cell: RunnableCell): Promise<CellResult> {
    cell.markRunning();
    let outcome: ExecuteResult;
    try {
      const kernel = this.ensureKernel();
      outcome = await kernel.execute(cell.source(), (o) => {
        cell.output(o);
        this.hooks.output(cell, o);
      });
    } catch (error) {
      // The kernel itself failed (its scripts did not load, the worker could not start).
      const e = error instanceof Error ? error : new Error(String(error));
      const output: KernelOutput = {
        output_type: "error",
        ename: "KernelError",
        evalue: `the kernel could not run this cell: ${e.message}`,
        traceback: [],
      };
      cell.output(output);
      this.hooks.output(cell, output);
      outcome = { status: "error", executionCount: cell.executionCount ?? 0, outputs: [output] };
    }
    cell.finish(outcome);
    const result: CellResult = { index: cell.index, ...outcome };
    this.hooks.finished(cell, result);
    return result;
  }

  private cancelQueued(): void {
    for (const item of this.queue.splice(0)) {
      item.cell.unqueue();
      item.resolve({
        index: item.cell.index,
        status: "aborted",
        executionCount: null,
        outputs: [],
      });
    }
  }
}
