/**
 * One kernel process and the connection to it: started from a kernelspec (tools/runner/launch.ts),
 * spoken to through a KernelConnection (tools/runner/connection.ts), interrupted, shut down, and
 * killed with everything it started. A runner that exits, by any signal, takes its kernels along:
 * on exit it kills them here, and the course's kernel watches its parent (JPY_PARENT_PID) for the
 * one exit nothing can catch, SIGKILL (jupyter/kernels/tslab/start-kernel.cjs).
 *
 * Example:
 *   const kernel = await KernelClient.start({ cwd: "notebooks" });
 *   const outcome = await kernel.execute('console.log("hi")', 60_000);
 *   await kernel.shutdown();
 */
import {
  KernelConnection,
  type DrainOptions,
  type Exchange,
  type ExecuteOutcome,
} from "./connection";
import {
  descendantsOf,
  killProcessGroup,
  killProcessTree,
  launchKernel,
  readKernelSpec,
  type KernelSpec,
  type LaunchedKernel,
} from "./launch";

export type { ExecuteOutcome } from "./connection";

/** Options of `KernelClient.start`. */
export interface StartOptions {
  /** The kernel's working directory (the notebook's folder). */
  cwd: string;
  /** The kernelspec (default: the project's jupyter/kernels/tslab/kernel.json). */
  spec?: KernelSpec;
  /** How long to wait for the first kernel_info_reply, in ms (default 90 000: slow on busy CPUs). */
  startTimeoutMs?: number;
  /** How iopub is drained after each reply (see KernelConnection). */
  drain?: DrainOptions;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** A running kernel process and the connection that talks to it. */
/** A kernel process that runs but never answered kernel_info (see `KernelClient.start`). */
class SilentKernelError extends Error {
  override readonly name = "Error";
}

export class KernelClient {
  readonly connection: KernelConnection;
  private lastExecute: Exchange | null = null;
  private killed = false;

  private constructor(
    private readonly launched: LaunchedKernel,
    private readonly spec: KernelSpec,
    drain: DrainOptions | undefined,
  ) {
    const { info, child } = launched;
    this.connection = new KernelConnection(info, drain);
    // A runner that exits (or crashes) takes its kernels with it.
    process.once("exit", this.killOnExit);
    // A command that cannot be run (not installed, wrong path) emits "error" and never "exit".
    child.on("error", (e: NodeJS.ErrnoException) => {
      const what =
        e.code === "ENOENT" ? "kernel command not found" : `cannot run the kernel (${e.code})`;
      this.connection.end(`${what}: ${JSON.stringify(spec.argv[0])}`);
    });
    child.on("exit", (code, signal) => {
      this.connection.end(signal === null ? `exit code ${code}` : `signal ${signal}`);
    });
  }

  /**
   * Starts a kernel and waits until it answers kernel_info on shell and publishes on iopub. A kernel
   * that runs but stays silent is killed and started once more on fresh ports: the connection file
   * names ports found free a moment before the kernel binds them, and another process starting at
   * the same time (a second kernel, a test server) can take one in between. A kernel that exits or
   * cannot be run is not retried.
   */
  static async start(options: StartOptions): Promise<KernelClient> {
    try {
      return await KernelClient.startOnce(options);
    } catch (e) {
      if (!(e instanceof SilentKernelError)) throw e;
      return await KernelClient.startOnce(options);
    }
  }

  private static async startOnce(options: StartOptions): Promise<KernelClient> {
    const spec = options.spec ?? readKernelSpec();
    const client = new KernelClient(await launchKernel(spec, options.cwd), spec, options.drain);
    const limit = options.startTimeoutMs ?? 90_000;
    const deadline = Date.now() + limit;
    while (Date.now() < deadline && client.connection.ended === null) {
      // Sockets connect lazily and iopub drops what it sends before we subscribe: retry until both work.
      const exchange = client.connection.request("shell", "kernel_info_request", {});
      const answered = (e: Exchange): boolean => e.reply !== null && e.idle;
      if (await client.connection.wait(exchange, answered, 2_000)) return client;
    }
    const silent = client.connection.ended === null;
    const why = client.connection.ended ?? `no kernel_info_reply within ${limit} ms`;
    const log = client.launched.log().trim();
    client.kill();
    const message = `kernel failed to start (${why})${log ? `:\n${log}` : ""}`;
    throw silent ? new SilentKernelError(message) : new Error(message);
  }

  /** Null while the kernel runs, else how it ended ("exit code 1", "signal SIGKILL"). */
  get exited(): string | null {
    return this.connection.ended ?? (this.killed ? "killed by the runner" : null);
  }

  /** The kernel's process id. */
  get pid(): number | undefined {
    return this.launched.child.pid;
  }

  /** The tail of the kernel process's own stdout/stderr. */
  log(): string {
    return this.launched.log();
  }

  /** Runs `code` (see KernelConnection.execute). */
  async execute(code: string, timeoutMs: number): Promise<ExecuteOutcome> {
    this.lastExecute = this.connection.sendExecute(code);
    return this.connection.outcome(this.lastExecute, timeoutMs);
  }

  /** Waits for the last execute_request to end (after an interrupt); false after `timeoutMs`. */
  async finishLast(timeoutMs: number): Promise<boolean> {
    return this.lastExecute === null || this.connection.finish(this.lastExecute, timeoutMs);
  }

  /** Interrupts the running cell: SIGINT, or interrupt_request when the spec's interrupt_mode says so. */
  async interrupt(): Promise<void> {
    if (this.spec.interrupt_mode === "message") {
      const exchange = this.connection.request("control", "interrupt_request", {});
      await this.connection.wait(exchange, (e) => e.reply !== null, 2_000);
    } else {
      this.launched.child.kill("SIGINT");
    }
  }

  /** True when the heartbeat echoes within `timeoutMs`. */
  heartbeat(timeoutMs = 2_000): Promise<boolean> {
    return this.connection.heartbeat(timeoutMs);
  }

  /**
   * Asks the kernel to shut down (control channel) and waits up to 3 s for it to exit; then kills
   * whatever is left of it: the kernel if it is still running, and the processes its cells started
   * (looked up before asking, since once the kernel has exited they are no longer its children).
   */
  async shutdown(): Promise<void> {
    const started = this.running() ? descendantsOf(this.pid as number) : [];
    if (this.exited === null) {
      const exchange = this.connection.request("control", "shutdown_request", { restart: false });
      await this.connection.wait(exchange, (e) => e.reply !== null, 3_000);
      for (let i = 0; i < 30 && this.connection.ended === null; i++) await sleep(100);
    }
    for (const pid of started) killProcessTree(pid);
    this.kill();
  }

  private readonly killOnExit = (): void => this.kill();

  /** True until the process has exited and been reaped (until then its pid cannot be reused). */
  private running(): boolean {
    const { pid, exitCode, signalCode } = this.launched.child;
    return pid !== undefined && exitCode === null && signalCode === null;
  }

  /** Kills the kernel and everything it started, and closes the sockets; safe to call twice. */
  kill(): void {
    process.removeListener("exit", this.killOnExit);
    const pid = this.launched.child.pid;
    // After the kernel exited, its pid may be reused: only its process group is left to kill.
    if (this.running()) killProcessTree(pid as number);
    else if (pid !== undefined) killProcessGroup(pid);
    this.killed = true;
    this.connection.close();
    this.launched.cleanup();
  }
}
