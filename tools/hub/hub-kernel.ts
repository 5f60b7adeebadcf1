/**
 * A kernel behind a JupyterHub, spoken to as a browser does: created through the single-user
 * server's REST API (through the hub's proxy), then the Jupyter messaging protocol over the
 * kernel's websocket (`/user/NAME/api/kernels/ID/channels`, JSON text frames). Used by the hub test
 * and the load test. Needs a global `WebSocket`: Node ≥ 22, or Node 20 with `--experimental-websocket`.
 *
 *   const kernel = await HubKernel.open("http://127.0.0.1:8000", "ann", token, "course/notebooks/00-welcome.ipynb");
 *   const reply = await kernel.execute("1 + 1", 60_000);   // { status: "ok", outputs: [...] }
 *   await kernel.close();
 */
import { randomUUID } from "node:crypto";

/** One iopub output of an execution (stream, execute_result, display_data, error), as sent. */
export interface HubOutput {
  msg_type: string;
  content: Record<string, unknown>;
}

/** How an execution ended, and what it printed. */
export interface HubExecution {
  status: "ok" | "error" | "abort" | "timeout" | "closed";
  outputs: HubOutput[];
  /** The text of every stream and text/plain result, concatenated. */
  text: string;
}

interface WireMessage {
  header: { msg_id: string; msg_type: string };
  parent_header: { msg_id?: string };
  content: Record<string, unknown>;
  channel: string;
}

interface Pending {
  outputs: HubOutput[];
  reply: Record<string, unknown> | null;
  idle: boolean;
  done: () => void;
}

/** A kernel of a user's server behind the hub. */
export class HubKernel {
  private readonly session = randomUUID();
  private readonly pending = new Map<string, Pending>();
  private closed = false;

  private constructor(
    private readonly api: string,
    private readonly token: string,
    readonly id: string,
    private readonly sessionId: string,
    private socket: WebSocket,
  ) {
    this.listen(socket);
  }

  private listen(socket: WebSocket): void {
    socket.addEventListener("message", (event) => this.receive(event.data));
    socket.addEventListener("close", () => {
      if (socket !== this.socket) return;
      this.closed = true;
      for (const p of this.pending.values()) p.done();
    });
  }

  /**
   * Connects a new websocket to the same kernel, as a front end does after the connection dropped
   * (for instance when the kernel died and the server restarted it); waits until it answers.
   */
  async reconnect(timeoutMs = 120_000): Promise<void> {
    const socket = await HubKernel.connect(this.api, this.id, this.token);
    const old = this.socket;
    this.socket = socket;
    this.closed = false;
    this.listen(socket);
    old.close();
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if ((await this.request("kernel_info_request", {}, 2_000)).status !== "timeout") return;
    }
    throw new Error(`kernel ${this.id} did not answer after reconnecting`);
  }

  private static async connect(api: string, id: string, token: string): Promise<WebSocket> {
    const url = `${api.replace(/^http/, "ws")}/kernels/${id}/channels?token=${encodeURIComponent(token)}`;
    const socket = new WebSocket(url);
    await new Promise<void>((opened, failed) => {
      socket.addEventListener("open", () => opened(), { once: true });
      socket.addEventListener(
        "error",
        () => failed(new Error(`websocket ${url.split("?")[0]} failed`)),
        { once: true },
      );
    });
    return socket;
  }

  /** Opens `notebook` (a path in `user`'s server) with a `kernelName` kernel and connects to it. */
  static async open(
    hub: string,
    user: string,
    token: string,
    notebook: string,
    kernelName = "tslab",
  ): Promise<HubKernel> {
    if (typeof WebSocket === "undefined")
      throw new Error(
        "HubKernel needs a global WebSocket: Node >= 22, or node --experimental-websocket",
      );
    const api = `${hub.replace(/\/$/, "")}/user/${encodeURIComponent(user)}/api`;
    // A session, as a front end opens a notebook: its kernel runs in the notebook's folder.
    const response = await fetch(`${api}/sessions`, {
      method: "POST",
      headers: { Authorization: `token ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        path: notebook,
        name: "",
        type: "notebook",
        kernel: { name: kernelName },
      }),
    });
    if (!response.ok)
      throw new Error(`POST ${api}/sessions: ${response.status} ${await response.text()}`);
    const { id: sessionId, kernel: started } = (await response.json()) as {
      id: string;
      kernel: { id: string };
    };
    const id = started.id;
    const socket = await HubKernel.connect(api, id, token);
    const kernel = new HubKernel(api, token, id, sessionId, socket);
    // The kernel may still be starting: ask kernel_info until it answers.
    for (let i = 0; i < 60; i++) {
      const info = await kernel.request("kernel_info_request", {}, 2_000);
      if (info.status !== "timeout") return kernel;
    }
    await kernel.close();
    throw new Error(`kernel ${id} of ${user} did not answer kernel_info within 120 s`);
  }

  /** Runs `code` and waits for its reply and the kernel's return to idle. */
  execute(code: string, timeoutMs: number): Promise<HubExecution> {
    const content = {
      code,
      silent: false,
      store_history: true,
      user_expressions: {},
      allow_stdin: false,
      stop_on_error: true,
    };
    return this.request("execute_request", content, timeoutMs);
  }

  /** Interrupts the running cell (REST: as JupyterLab's stop button). */
  async interrupt(): Promise<void> {
    await fetch(`${this.api}/kernels/${this.id}/interrupt`, {
      method: "POST",
      headers: { Authorization: `token ${this.token}` },
    });
  }

  /** Closes the websocket and the session, which shuts the kernel down. */
  async close(): Promise<void> {
    this.socket.close();
    await fetch(`${this.api}/sessions/${this.sessionId}`, {
      method: "DELETE",
      headers: { Authorization: `token ${this.token}` },
    }).catch(() => undefined);
  }

  private request(
    type: string,
    content: Record<string, unknown>,
    timeoutMs: number,
  ): Promise<HubExecution> {
    const msgId = randomUUID();
    const message = {
      header: {
        msg_id: msgId,
        msg_type: type,
        session: this.session,
        username: "course",
        date: new Date().toISOString(),
        version: "5.3",
      },
      parent_header: {},
      metadata: {},
      content,
      channel: "shell",
      buffers: [],
    };
    return new Promise((resolve) => {
      const pending: Pending = { outputs: [], reply: null, idle: false, done: () => undefined };
      const timer = setTimeout(() => pending.done(), timeoutMs);
      pending.done = () => {
        clearTimeout(timer);
        this.pending.delete(msgId);
        const ended = pending.reply !== null && pending.idle;
        const status = ended
          ? ((pending.reply?.status as HubExecution["status"]) ?? "error")
          : this.closed
            ? "closed"
            : "timeout";
        const text = pending.outputs
          .map((o) =>
            o.msg_type === "stream"
              ? String(o.content.text ?? "")
              : String(
                  (o.content.data as Record<string, unknown> | undefined)?.["text/plain"] ?? "",
                ),
          )
          .join("");
        resolve({ status, outputs: pending.outputs, text });
      };
      this.pending.set(msgId, pending);
      if (this.closed) return pending.done();
      this.socket.send(JSON.stringify(message));
    });
  }

  private receive(data: unknown): void {
    if (typeof data !== "string") return; // binary frames carry buffers, which these tests never ask for
    let message: WireMessage;
    try {
      message = JSON.parse(data) as WireMessage;
    } catch {
      return;
    }
    const pending = this.pending.get(message.parent_header?.msg_id ?? "");
    if (pending === undefined) return;
    if (message.channel === "iopub") {
      if (message.header.msg_type === "status")
        pending.idle ||= message.content.execution_state === "idle";
      else pending.outputs.push({ msg_type: message.header.msg_type, content: message.content });
    } else if (message.channel === "shell") {
      pending.reply = message.content;
    }
    if (pending.reply !== null && pending.idle) pending.done();
  }
}
