/**
 * The page side of the browser kernel: runs cells in a Web Worker started from a Blob, one at a
 * time, with a time limit, interrupt and restart. See README.md for how a page loads it.
 *
 * Example:
 *   const kernel = new BrowserKernel();
 *   const result = await kernel.execute('import * as dl from "../dist";\ndl.tensor([1, 2])', (o) => show(o));
 *   // result.status === "ok", result.executionCount === 1, result.outputs: [{ output_type: "stream", … }]
 */
import { loadWorkerUrl } from "./loader";
import {
  DEFAULT_CELL_TIMEOUT_SECONDS,
  type ExecuteResult,
  type ExecuteStatus,
  type FromWorker,
  type KernelOptions,
  type KernelOutput,
  type KernelStatus,
  type ToWorker,
} from "./protocol";
import { OutputCollector } from "./outputs";

export type {
  ExecuteResult,
  KernelOptions,
  KernelOutput,
  KernelStatus,
  ExecuteStatus,
} from "./protocol";

/** One execute request, from the call until it settles. */
interface Request {
  id: number;
  code: string;
  outputs: OutputCollector;
  count: number;
  resolve(result: ExecuteResult): void;
}

let nextId = 0;

export class BrowserKernel {
  private currentStatus: KernelStatus = "unstarted";
  onStatus?: (s: BrowserKernel["status"]) => void;

  private readonly timeoutSeconds: number;
  private readonly assetsUrl: string;
  private worker: Worker | null = null;
  /** Settles when the worker said "ready" (rejects when it could not start). */
  private started: Promise<void> | null = null;
  private readonly queue: Request[] = [];
  private running: Request | null = null;
  /** The last cells sent: late outputs (timers, unhandled rejections) go to the one named. */
  private recent: Request[] = [];
  private executionCount = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: KernelOptions = {}) {
    const seconds = options.cellTimeoutSeconds ?? DEFAULT_CELL_TIMEOUT_SECONDS;
    if (!(seconds > 0)) {
      throw new RangeError(`BrowserKernel: cellTimeoutSeconds must be > 0, got ${seconds}`);
    }
    this.timeoutSeconds = seconds;
    this.assetsUrl = options.assetsUrl ?? "assets/kernel/";
  }

  get status(): KernelStatus {
    return this.currentStatus;
  }

  /** Runs one cell's source; outputs stream to onOutput as they come. Queued if busy. */
  execute(code: string, onOutput?: (o: KernelOutput) => void): Promise<ExecuteResult> {
    return new Promise((resolve) => {
      const request: Request = {
        id: ++nextId,
        code: String(code),
        outputs: new OutputCollector(onOutput),
        count: 0,
        resolve,
      };
      this.queue.push(request);
      this.pump();
    });
  }

  /**
   * Ends the running cell (terminates the worker; state is lost), resolves the running execute
   * with "interrupted" and queued ones too; the next execute starts a fresh worker.
   */
  interrupt(): void {
    if (this.running === null && this.queue.length === 0) return;
    this.stop("interrupted");
    this.setStatus("dead");
  }

  /** Ends the worker (and every pending cell, "interrupted") and starts a fresh one. */
  async restart(): Promise<void> {
    this.stop("interrupted");
    await this.start().catch(() => undefined);
  }

  private setStatus(status: KernelStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    try {
      this.onStatus?.(status);
    } catch (error) {
      console.error("BrowserKernel: onStatus threw", error);
    }
  }

  /** Starts the worker unless it is running; settles when it is ready. */
  private start(): Promise<void> {
    if (this.started !== null) return this.started;
    this.setStatus("starting");
    this.executionCount = 0;
    this.started = loadWorkerUrl(this.assetsUrl).then(
      (url) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(url, { name: "dl-kernel" });
          this.worker = worker;
          worker.onmessage = (event: MessageEvent<FromWorker>) => {
            if (event.data.kind === "ready") {
              resolve();
              return;
            }
            this.receive(event.data);
          };
          worker.onerror = (event: ErrorEvent) => {
            event.preventDefault();
            const message = event.message || "the kernel's worker failed to load";
            reject(new Error(message));
            this.crashed(message);
          };
        }),
    );
    const started = this.started;
    started.then(
      () => {
        if (this.started === started && this.currentStatus === "starting") this.setStatus("idle");
      },
      () => {
        // The assets did not load or the worker failed: the next execute tries again.
        if (this.started !== started) return;
        this.worker?.terminate();
        this.worker = null;
        this.started = null;
        this.setStatus("dead");
      },
    );
    return started;
  }

  /** Sends the next queued cell when the kernel is free. */
  private pump(): void {
    if (this.running !== null || this.queue.length === 0) return;
    const request = this.queue.shift()!;
    this.running = request;
    this.setStatus(this.started === null ? "starting" : "busy");
    this.start().then(
      () => {
        if (this.running !== request) return;
        this.setStatus("busy");
        request.count = ++this.executionCount;
        this.recent = [...this.recent.slice(-3), request];
        this.timer = setTimeout(() => this.timedOut(request), this.timeoutSeconds * 1000);
        const message: ToWorker = { kind: "execute", id: request.id, code: request.code };
        this.worker!.postMessage(message);
      },
      (error: unknown) => {
        if (this.running !== request) return;
        const reason = error instanceof Error ? error.message : String(error);
        request.outputs.add(kernelError("KernelError", `the kernel could not start: ${reason}`));
        this.finish(request, "error");
        this.stop("interrupted");
        this.setStatus("dead");
      },
    );
  }

  private receive(message: FromWorker): void {
    if (message.kind === "outputs") {
      const target = this.recent.find((r) => r.id === message.id);
      for (const output of message.outputs) target?.outputs.add(output);
    } else if (message.kind === "done" && this.running?.id === message.id) {
      this.finish(this.running, message.status);
      this.setStatus("idle");
      this.pump();
    }
  }

  private finish(request: Request, status: ExecuteStatus): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.running === request) this.running = null;
    request.resolve({
      status,
      executionCount: request.count,
      outputs: request.outputs.outputs,
    });
  }

  private timedOut(request: Request): void {
    if (this.running !== request) return;
    const s = this.timeoutSeconds;
    request.outputs.add(
      kernelError("TimeoutError", `timed out after ${s} s`, [
        `TimeoutError: timed out after ${s} s`,
        "The kernel was restarted: run the cells above again before running this one.",
      ]),
    );
    this.finish(request, "timeout");
    this.stop("interrupted");
    this.setStatus("dead");
  }

  /** The worker died on its own (it failed to load, or ran out of memory). */
  private crashed(message: string): void {
    const request = this.running;
    if (request !== null) {
      request.outputs.add(kernelError("KernelDied", `the kernel died: ${message}`));
      this.finish(request, "error");
    }
    this.stop("interrupted");
    this.setStatus("dead");
  }

  /** Terminates the worker; the running and queued cells end with `status`. */
  private stop(status: ExecuteStatus): void {
    this.worker?.terminate();
    this.worker = null;
    this.started = null;
    this.recent = [];
    const running = this.running;
    if (running !== null) {
      running.outputs.add(
        kernelError("Interrupted", "the cell was interrupted", [
          "Interrupted: the cell was interrupted",
          "The kernel was restarted: run the cells above again before running this one.",
        ]),
      );
      this.finish(running, status);
    }
    for (const queued of this.queue.splice(0)) this.finish(queued, status);
  }
}

function kernelError(ename: string, evalue: string, traceback?: string[]): KernelOutput {
  return { output_type: "error", ename, evalue, traceback: traceback ?? [`${ename}: ${evalue}`] };
}
