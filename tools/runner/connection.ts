/**
 * A Jupyter messaging client for one kernel, from its connection info alone: DEALER sockets on
 * shell, control and stdin, a SUBSCRIBER on iopub, a DEALER pinging the heartbeat. Replies and
 * iopub messages are routed to the request that caused them by `parent_header.msg_id`. It knows
 * nothing of the kernel's process (tools/runner/kernel.ts starts and stops that), so it can talk to
 * any kernel whose connection file it has.
 *
 * An execution ends when its execute_reply has arrived and iopub is drained: the `idle` status for
 * the request, or, if that status never comes, a second without a message (as nbclient copes with
 * a lost status), or the execution's time limit (at least 10 s after the reply). Messages for a
 * request that arrive later (a timer that prints after its cell ended) are still appended to that
 * request's `messages`.
 *
 * Example:
 *   const connection = new KernelConnection(info);
 *   const outcome = await connection.execute('console.log("hi")', 60_000);
 *   connection.close();
 */
import * as zmq from "zeromq";
import { randomUUID } from "node:crypto";
import type { ConnectionInfo } from "./launch";
import { decodeMessage, encodeMessage, makeMessage, type JupyterMessage } from "./wire";

/** What came back for one request so far: its iopub messages in order, its reply, the idle status. */
export interface Exchange {
  messages: JupyterMessage[];
  reply: Record<string, unknown> | null;
  idle: boolean;
  /** When the last reply or iopub message for this request arrived (ms since the epoch). */
  heardAt: number;
  /** Kept for late messages (executions), or forgotten once answered (other requests). */
  keep: boolean;
  wake: () => void;
}

/** How an execute_request ended: by its reply, by the time limit, or by the kernel going away. */
export interface ExecuteOutcome {
  status: "ok" | "error" | "abort" | "timeout" | "died";
  /** The request's iopub messages (outputs; status messages left out); later ones are appended. */
  messages: JupyterMessage[];
  reply: Record<string, unknown> | null;
  /** Whether the kernel's `idle` status for this request arrived (false: the drain timed out). */
  idle: boolean;
}

/** How long iopub is drained after an execute_reply that is not followed by its idle status. */
export interface DrainOptions {
  /** A pause this long without any message for the request ends the drain (default 1000 ms). */
  quietMs?: number;
  /** While messages keep coming, the drain lasts until the execution's time limit, or at least this
   * long after the reply (default 10 000 ms). */
  maxMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** The sockets to one kernel and the requests in flight on them. */
export class KernelConnection {
  private readonly session = randomUUID();
  private readonly shell = new zmq.Dealer({ linger: 0 });
  private readonly control = new zmq.Dealer({ linger: 0 });
  private readonly stdin = new zmq.Dealer({ linger: 0 });
  // No high-water mark: a burst of output is queued here rather than dropped (the default is 1000).
  private readonly iopub = new zmq.Subscriber({ linger: 0, receiveHighWaterMark: 0 });
  private readonly hb = new zmq.Dealer({ linger: 0 });
  private readonly exchanges = new Map<string, Exchange>();
  private endNote: string | null = null;

  constructor(
    private readonly info: ConnectionInfo,
    private readonly drain: DrainOptions = {},
  ) {
    const url = (port: number): string => `tcp://${info.ip}:${port}`;
    this.shell.connect(url(info.shell_port));
    this.control.connect(url(info.control_port));
    this.stdin.connect(url(info.stdin_port));
    this.iopub.connect(url(info.iopub_port));
    this.iopub.subscribe();
    this.hb.connect(url(info.hb_port));
    void this.listen(this.shell);
    void this.listen(this.control);
    void this.listen(this.iopub);
  }

  /** Null while the kernel can answer; else why not (set by `end`). */
  get ended(): string | null {
    return this.endNote;
  }

  /** Marks the kernel as gone (its process ended): every wait returns at once from now on. */
  end(note: string): void {
    this.endNote ??= note;
    for (const exchange of this.exchanges.values()) exchange.wake();
  }

  /** Sends a request on shell or control and returns its exchange (filled as answers arrive). */
  request(channel: "shell" | "control", type: string, content: Record<string, unknown>): Exchange {
    const message = makeMessage(this.session, type, content);
    const exchange: Exchange = {
      messages: [],
      reply: null,
      idle: false,
      heardAt: Date.now(),
      keep: type === "execute_request",
      wake: () => {},
    };
    for (const [id, old] of this.exchanges)
      if (!old.keep && old.reply !== null && old.idle) this.exchanges.delete(id);
    this.exchanges.set(message.header.msg_id, exchange);
    const socket = channel === "shell" ? this.shell : this.control;
    socket.send(encodeMessage(this.info.key, message)).catch(() => {});
    return exchange;
  }

  /** Waits until `ready(exchange)`, the connection ends or `ms` pass; returns `ready(exchange)`. */
  async wait(exchange: Exchange, ready: (e: Exchange) => boolean, ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (!ready(exchange) && this.endNote === null && Date.now() < deadline) {
      await new Promise<void>((wake) => {
        exchange.wake = wake;
        setTimeout(wake, Math.max(0, deadline - Date.now()));
      });
    }
    return ready(exchange);
  }

  /** Runs `code`: waits up to `timeoutMs` for the reply, then drains iopub (see the file comment). */
  execute(code: string, timeoutMs: number): Promise<ExecuteOutcome> {
    return this.outcome(this.sendExecute(code), timeoutMs);
  }

  /** Sends an execute_request for `code` (stop_on_error, no stdin); `outcome` waits for its end. */
  sendExecute(code: string): Exchange {
    return this.request("shell", "execute_request", {
      code,
      silent: false,
      store_history: true,
      user_expressions: {},
      allow_stdin: false,
      stop_on_error: true,
    });
  }

  /** How the execution of `exchange` ends: its reply within `timeoutMs`, then the drain. */
  async outcome(exchange: Exchange, timeoutMs: number): Promise<ExecuteOutcome> {
    const replied = await this.finish(exchange, timeoutMs, Date.now() + timeoutMs);
    const status: ExecuteOutcome["status"] = replied
      ? ((exchange.reply?.status as ExecuteOutcome["status"]) ?? "error")
      : this.endNote !== null
        ? "died"
        : "timeout";
    return { status, messages: exchange.messages, reply: exchange.reply, idle: exchange.idle };
  }

  /**
   * Waits for the reply to `exchange` and drains its iopub (until `deadline` at most, or 10 s after
   * the reply); false when no reply came within `timeoutMs`.
   */
  async finish(exchange: Exchange, timeoutMs: number, deadline = 0): Promise<boolean> {
    if (!(await this.wait(exchange, (e) => e.reply !== null, timeoutMs))) return false;
    await this.drainAfterReply(exchange, deadline);
    return true;
  }

  private async drainAfterReply(exchange: Exchange, deadline: number): Promise<void> {
    const quiet = this.drain.quietMs ?? 1_000;
    const until = Math.max(deadline, Date.now() + (this.drain.maxMs ?? 10_000));
    while (!exchange.idle && this.endNote === null && Date.now() < until) {
      const silentFor = Date.now() - exchange.heardAt;
      if (silentFor >= quiet) return;
      await this.wait(exchange, (e) => e.idle, Math.min(quiet - silentFor, until - Date.now()));
    }
  }

  /** True when the heartbeat echoes within `timeoutMs`. */
  async heartbeat(timeoutMs = 2_000): Promise<boolean> {
    const ping = randomUUID();
    await this.hb.send(["", ping]);
    const echo = this.hb.receive().then((frames) => frames.some((f) => f.toString() === ping));
    return Promise.race([echo, sleep(timeoutMs).then(() => false)]);
  }

  /** Closes the sockets; safe to call twice. */
  close(): void {
    for (const socket of [this.shell, this.control, this.stdin, this.iopub, this.hb]) {
      if (!socket.closed) socket.close();
    }
  }

  private async listen(socket: zmq.Dealer | zmq.Subscriber): Promise<void> {
    try {
      for await (const frames of socket) {
        let message: JupyterMessage;
        try {
          message = decodeMessage(this.info.key, frames);
        } catch {
          continue; // a malformed or badly signed message is dropped, as Jupyter does
        }
        const exchange = this.exchanges.get(message.parent_header.msg_id ?? "");
        if (exchange === undefined) continue;
        exchange.heardAt = Date.now();
        if (socket !== this.iopub) exchange.reply = message.content;
        else if (message.header.msg_type !== "status") exchange.messages.push(message);
        else exchange.idle ||= message.content.execution_state === "idle";
        exchange.wake();
      }
    } catch {
      // The socket was closed: nothing more will arrive here.
    }
  }
}
