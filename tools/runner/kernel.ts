/**
 * A client for one Jupyter kernel over zeromq: DEALER sockets on shell, control and stdin, a
 * SUBSCRIBER on iopub and a DEALER pinging the REP heartbeat. Replies and iopub messages are routed
 * to the request that caused them by `parent_header.msg_id`.
 *
 * Example:
 *   const kernel = await KernelClient.start({ cwd: "notebooks" });
 *   const outcome = await kernel.execute('console.log("hi")', 60_000);
 *   await kernel.shutdown();
 */
import * as zmq from "zeromq";
import { launchKernel, readKernelSpec, type KernelSpec, type LaunchedKernel } from "./launch";
import { decodeMessage, encodeMessage, makeMessage, type JupyterMessage } from "./wire";
import { randomUUID } from "node:crypto";

/** What came back for one request: its iopub messages in order, its reply, and whether it ended. */
export interface Exchange {
  messages: JupyterMessage[];
  reply: Record<string, unknown> | null;
  idle: boolean;
  wake: () => void;
}

/** How an execute_request ended: by its reply, by the time limit, or by the kernel dying. */
export interface ExecuteOutcome {
  status: "ok" | "error" | "abort" | "timeout" | "died";
  messages: JupyterMessage[];
  reply: Record<string, unknown> | null;
}

/** Options of `KernelClient.start`. */
export interface StartOptions {
  /** The kernel's working directory (the notebook's folder). */
  cwd: string;
  /** The kernelspec (default: the project's jupyter/kernels/tslab/kernel.json). */
  spec?: KernelSpec;
  /** How long to wait for the first kernel_info_reply, in ms (default 90 000: slow on busy CPUs). */
  startTimeoutMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** A running kernel and the sockets that talk to it. */
export class KernelClient {
  private readonly session = randomUUID();
  private readonly shell = new zmq.Dealer({ linger: 0 });
  private readonly control = new zmq.Dealer({ linger: 0 });
  private readonly stdin = new zmq.Dealer({ linger: 0 });
  private readonly iopub = new zmq.Subscriber({ linger: 0 });
  private readonly hb = new zmq.Dealer({ linger: 0 });
  private readonly pending = new Map<string, Exchange>();
  private exitNote: string | null = null;
  private lastExecute: Exchange | null = null;
  private killed = false;

  private constructor(
    private readonly launched: LaunchedKernel,
    private readonly spec: KernelSpec,
  ) {
    const { info, child } = launched;
    const url = (port: number): string => `tcp://${info.ip}:${port}`;
    this.shell.connect(url(info.shell_port));
    this.control.connect(url(info.control_port));
    this.stdin.connect(url(info.stdin_port));
    this.iopub.connect(url(info.iopub_port));
    this.iopub.subscribe();
    this.hb.connect(url(info.hb_port));
    // A runner that exits (or crashes) takes its kernels with it.
    process.once("exit", this.killOnExit);
    // A command that cannot be run (not installed, wrong path) emits "error" and never "exit".
    child.on("error", (e: NodeJS.ErrnoException) => {
      const what =
        e.code === "ENOENT" ? "kernel command not found" : `cannot run the kernel (${e.code})`;
      this.exitNote = `${what}: ${JSON.stringify(spec.argv[0])}`;
      for (const exchange of this.pending.values()) exchange.wake();
    });
    child.on("exit", (code, signal) => {
      this.exitNote = signal === null ? `exit code ${code}` : `signal ${signal}`;
      for (const exchange of this.pending.values()) exchange.wake();
    });
    void this.listen(this.shell);
    void this.listen(this.control);
    void this.listen(this.iopub);
  }

  /** Starts a kernel and waits until it answers kernel_info on shell and publishes on iopub. */
  static async start(options: StartOptions): Promise<KernelClient> {
    const spec = options.spec ?? readKernelSpec();
    const client = new KernelClient(await launchKernel(spec, options.cwd), spec);
    const deadline = Date.now() + (options.startTimeoutMs ?? 90_000);
    while (Date.now() < deadline && client.exitNote === null) {
      // Sockets connect lazily and iopub drops what it sends before we subscribe: retry until both work.
      const exchange = client.request(client.shell, "kernel_info_request", {});
      if (await client.wait(exchange, (e) => e.reply !== null && e.idle, 2_000)) return client;
    }
    const why =
      client.exitNote ?? `no kernel_info_reply within ${options.startTimeoutMs ?? 90_000} ms`;
    const log = client.launched.log().trim();
    client.kill();
    throw new Error(`kernel failed to start (${why})${log ? `:\n${log}` : ""}`);
  }

  /** Null while the kernel runs, else how it ended ("exit code 1", "signal SIGKILL"). */
  get exited(): string | null {
    return this.exitNote ?? (this.killed ? "killed by the runner" : null);
  }

  /** The tail of the kernel process's own stdout/stderr. */
  log(): string {
    return this.launched.log();
  }

  /** Runs `code`; resolves when the reply and the iopub idle status have both arrived. */
  async execute(code: string, timeoutMs: number): Promise<ExecuteOutcome> {
    const content = { code, silent: false, store_history: true, user_expressions: {} };
    const exchange = this.request(this.shell, "execute_request", {
      ...content,
      allow_stdin: false,
      stop_on_error: true,
    });
    this.lastExecute = exchange;
    const done = await this.wait(exchange, (e) => e.reply !== null && e.idle, timeoutMs);
    const status = done
      ? ((exchange.reply?.status as ExecuteOutcome["status"]) ?? "error")
      : this.exitNote !== null
        ? "died"
        : "timeout";
    return { status, messages: exchange.messages, reply: exchange.reply };
  }

  /** Waits for the last execute_request to end (after an interrupt); false after `timeoutMs`. */
  async finishLast(timeoutMs: number): Promise<boolean> {
    const exchange = this.lastExecute;
    if (exchange === null) return true;
    return this.wait(exchange, (e) => e.reply !== null && e.idle, timeoutMs);
  }

  /** Interrupts the running cell: SIGINT, or interrupt_request when the spec's interrupt_mode says so. */
  async interrupt(): Promise<void> {
    if (this.spec.interrupt_mode === "message") {
      await this.wait(
        this.request(this.control, "interrupt_request", {}),
        (e) => e.reply !== null,
        2_000,
      );
    } else {
      this.launched.child.kill("SIGINT");
    }
  }

  /** True when the heartbeat echoes within `timeoutMs`. */
  async heartbeat(timeoutMs = 2_000): Promise<boolean> {
    const ping = randomUUID();
    await this.hb.send(["", ping]);
    const echo = this.hb.receive().then((frames) => frames.some((f) => f.toString() === ping));
    return Promise.race([echo, sleep(timeoutMs).then(() => false)]);
  }

  /** Asks the kernel to shut down (control channel), then kills it if it has not exited in 3 s. */
  async shutdown(): Promise<void> {
    if (this.exited === null) {
      const exchange = this.request(this.control, "shutdown_request", { restart: false });
      await this.wait(exchange, (e) => e.reply !== null, 3_000);
      for (let i = 0; i < 30 && this.exitNote === null; i++) await sleep(100);
    }
    this.kill();
  }

  private readonly killOnExit = (): void => {
    if (this.exitNote === null) this.launched.child.kill("SIGKILL");
  };

  /** Kills the process (SIGKILL) and closes the sockets; safe to call twice. */
  kill(): void {
    process.removeListener("exit", this.killOnExit);
    if (this.exitNote === null) this.launched.child.kill("SIGKILL");
    this.killed = true;
    for (const socket of [this.shell, this.control, this.stdin, this.iopub, this.hb]) {
      if (!socket.closed) socket.close();
    }
    this.launched.cleanup();
  }

  private request(socket: zmq.Dealer, type: string, content: Record<string, unknown>): Exchange {
    const message = makeMessage(this.session, type, content);
    const exchange: Exchange = { messages: [], reply: null, idle: false, wake: () => {} };
    for (const [id, old] of this.pending)
      if (old.reply !== null && old.idle) this.pending.delete(id);
    this.pending.set(message.header.msg_id, exchange);
    socket.send(encodeMessage(this.launched.info.key, message)).catch(() => {});
    return exchange;
  }

  private async wait(
    exchange: Exchange,
    ready: (e: Exchange) => boolean,
    ms: number,
  ): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (!ready(exchange) && this.exitNote === null && Date.now() < deadline) {
      await new Promise<void>((wake) => {
        exchange.wake = wake;
        setTimeout(wake, Math.max(0, deadline - Date.now()));
      });
    }
    return ready(exchange);
  }

  private async listen(socket: zmq.Dealer | zmq.Subscriber): Promise<void> {
    try {
      for await (const frames of socket) {
        let message: JupyterMessage;
        try {
          message = decodeMessage(this.launched.info.key, frames);
        } catch {
          continue; // a malformed or badly signed message is dropped, as Jupyter does
        }
        const exchange = this.pending.get(message.parent_header.msg_id ?? "");
        if (exchange === undefined) continue;
        if (socket === this.iopub) {
          const { msg_type } = message.header;
          if (msg_type === "status") exchange.idle ||= message.content.execution_state === "idle";
          else exchange.messages.push(message);
        } else {
          exchange.reply = message.content;
        }
        exchange.wake();
      }
    } catch {
      // The socket was closed (kill): nothing more will arrive here.
    }
  }
}
