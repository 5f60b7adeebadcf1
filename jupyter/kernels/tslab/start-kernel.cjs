/**
 * The course's tslab kernel, started by kernel.json (Jupyter, VS Code and the course runner alike).
 * It assembles tslab's own parts (converter, executor, Jupyter server) as tslab's `startKernel`
 * does, with four changes that a course needs:
 *
 * 1. No lost output. tslab sends every iopub message without waiting for the previous send, and
 *    zeromq.js answers a send made while another is pending with EBUSY after 512 sends in a row
 *    without a turn of the event loop. So a loop of 800 `console.log` lost everything after line
 *    ~510 and the `idle` status too (console.log swallows the error). Here iopub messages are
 *    queued and sent one at a time, in order, and the publisher has no high-water mark (0 = no
 *    limit; the default 1000 drops messages under a burst). And consecutive writes to a stream are
 *    sent as one message, as ipykernel does (see `coalescing`).
 * 2. Errors thrown later, by a timer, an event handler or a promise nobody awaited, are printed
 *    with the execution that started them (`… started by In [3]: Error: boom`), found through an
 *    AsyncLocalStorage around each execution; tslab printed them unlabelled into whichever cell ran.
 * 3. Kernel → Interrupt prints one line instead of a Node stack, and calls the listeners that lib's
 *    live displays put in `globalThis[Symbol.for("course.kernel.interruptListeners")]`. tslab runs a
 *    cell with vm's breakOnSigint: SIGINT terminates a synchronous cell (V8 termination: no `catch`
 *    or `finally` in it runs) and surfaces as ERR_SCRIPT_EXECUTION_INTERRUPTED ("Script execution
 *    was interrupted by `SIGINT`"); a cell awaiting something is rejected with tslab's
 *    "Interrupted asynchronously". Either way the cell's own code cannot tell its display.
 * 4. When the process that started the kernel is gone (JPY_PARENT_PID: set by Jupyter and by the
 *    runner), a watchdog thread, which runs even while a cell loops forever, kills every process
 *    the kernel started and then the kernel: nothing outlives a killed runner or Jupyter server.
 *
 * kernel.json finds this file by walking up from the notebook's folder; tslab is resolved from
 * the notebook's folder, as tslab itself does. `killTree` is also used by the runner.
 */
"use strict";
const { AsyncLocalStorage } = require("node:async_hooks");
const { readFileSync, readdirSync } = require("node:fs");
const { inspect } = require("node:util");
const { Worker } = require("node:worker_threads");

/** The global Set of callbacks run after Kernel → Interrupt stopped a cell (read by lib/show). */
const INTERRUPT_LISTENERS = Symbol.for("course.kernel.interruptListeners");

/** Every live descendant of `pid` (children first), from /proc; empty where there is no /proc. */
function descendants(pid) {
  const children = new Map();
  let names = [];
  try {
    names = readdirSync("/proc");
  } catch {
    return [];
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue; // it ended meanwhile
    }
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ")".
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(name));
  }
  const found = [];
  for (let queue = [pid]; queue.length > 0;) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // already gone, or not ours
  }
}

/**
 * Kills `pid` and everything it started: its descendants (also those that left its process group
 * with setsid or `detached: true`) are stopped first, so none can start another while we look, then
 * killed with its process group, then `pid` itself. Linux finds descendants in /proc; elsewhere only
 * the process group and `pid` are killed.
 */
function killTree(pid) {
  const stopped = new Set();
  for (let round = 0; round < 20; round++) {
    const fresh = descendants(pid).filter((p) => !stopped.has(p));
    if (fresh.length === 0) break;
    for (const p of fresh) {
      signal(p, "SIGSTOP");
      stopped.add(p);
    }
  }
  for (const p of stopped) signal(p, "SIGKILL");
  signal(-pid, "SIGKILL"); // its process group, when it leads one (the runner and Jupyter start it so)
  signal(pid, "SIGKILL");
}

/** The watchdog thread: polls the parent every 250 ms; when it is gone, kills this kernel's tree. */
const WATCHDOG = `
const { workerData } = require("node:worker_threads");
const { killTree } = require(workerData.launcher);
const { parent, startPpid, kernel } = workerData;
const alive = (pid) => {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === "EPERM"; }
};
setInterval(() => {
  // Orphaned (re-parented to init or a subreaper), or the watched process no longer exists.
  if ((startPpid === parent && process.ppid !== parent) || !alive(parent)) killTree(kernel);
}, 250);
`;

function startWatchdog() {
  const parent = Number(process.env.JPY_PARENT_PID);
  if (!Number.isInteger(parent) || parent <= 1) return;
  const workerData = { parent, startPpid: process.ppid, kernel: process.pid, launcher: __filename };
  new Worker(WATCHDOG, { eval: true, workerData }).unref();
}

/** Sends a socket's messages one at a time, in order (zeromq.js refuses a send while one is pending). */
class OrderedSender {
  constructor(socket) {
    this.socket = socket;
    this.queue = [];
    this.sending = false;
    this.closeWhenDone = false;
  }

  send(frames) {
    this.queue.push(frames);
    if (!this.sending) void this.drain();
  }

  async drain() {
    this.sending = true;
    while (this.queue.length > 0 && !this.socket.closed) {
      const batch = this.queue;
      this.queue = [];
      for (const frames of batch) {
        try {
          await this.socket.send(frames);
        } catch {
          break; // the socket was closed: the kernel is shutting down
        }
      }
    }
    this.sending = false;
    if (this.closeWhenDone && !this.socket.closed) this.socket.close();
  }

  close() {
    if (this.sending) this.closeWhenDone = true;
    else this.socket.close();
  }
}

/**
 * Output is coalesced as ipykernel does: consecutive writes to the same stream go out as one
 * message, sent before any display, at the end of the execution, on the next turn of the event
 * loop, or once 64 KiB have gathered. A loop of 50 000 console.log is then ten messages, not 50 000.
 */
function coalescing(Handler) {
  return class CoalescingHandler extends Handler {
    pending = null;

    flush() {
      const pending = this.pending;
      this.pending = null;
      if (pending !== null) pending.send(pending.name, pending.text);
    }

    createWriteToIopub(name, writeStream) {
      return super.createWriteToIopub(name, (stream, text) => {
        if (
          this.pending !== null &&
          (this.pending.send !== writeStream || this.pending.name !== stream)
        )
          this.flush();
        if (this.pending === null) {
          this.pending = { send: writeStream, name: stream, text: "" };
          setImmediate(() => this.flush());
        }
        this.pending.text += text;
        if (this.pending.text.length >= 65536) this.flush();
      });
    }

    async handleExecute(req, writeStream, writeDisplayData) {
      this.flush();
      const display = (data, update) => {
        this.flush();
        writeDisplayData(data, update);
      };
      try {
        return await super.handleExecute(req, writeStream, display);
      } finally {
        this.flush();
      }
    }
  };
}

/** Loads tslab's modules from the notebook's folder, as tslab's own startKernel finds a local tslab. */
function tslab(name) {
  return require(require.resolve(`tslab/dist/${name}`, { paths: [process.cwd()] }));
}

/** tslab's converters (TypeScript → JavaScript), created on first use, as tslab's ConverterSetImpl. */
function converters(createConverter) {
  const made = {};
  const get = (kind) =>
    (made[kind] ??= createConverter({ isJS: false, isBrowser: kind === "browser" }));
  return {
    get node() {
      return get("node");
    },
    get browser() {
      return get("browser");
    },
    close: () => Object.values(made).forEach((c) => c.close()),
  };
}

function isInterrupt(e) {
  return (
    e instanceof Error &&
    (e.code === "ERR_SCRIPT_EXECUTION_INTERRUPTED" || e.message === "Interrupted asynchronously")
  );
}

/** What the executor prints for a failed cell: an interrupt becomes one line, and tells listeners. */
function printCellError(...args) {
  if (args.length !== 1 || !isInterrupt(args[0])) return console.error(...args);
  for (const listener of globalThis[INTERRUPT_LISTENERS]) {
    try {
      listener();
    } catch {
      // a display that cannot update must not hide the interrupt
    }
  }
  console.error("Interrupted: the cell was stopped (Kernel → Interrupt)");
}

/** Starts the kernel on the connection file `configPath`. */
function start(configPath) {
  const { createConverter } = tslab("converter");
  const { createExecutor } = tslab("executor");
  const { ZmqServer, JupyterHandlerImpl } = tslab("jupyter");
  globalThis[INTERRUPT_LISTENERS] = new Set();
  const convs = converters(createConverter);
  // Create the converter before answering kernel_info, as tslab does (seconds of start-up).
  if (!convs.node) throw new Error("tslab: no TypeScript converter");
  const executor = createExecutor(process.cwd(), convs, {
    log: console.log,
    error: printCellError,
  });
  // Each execution runs inside its number (tslab's execution_count): callbacks it schedules keep it.
  const executions = new AsyncLocalStorage();
  const execute = executor.execute;
  let count = 0;
  executor.execute = (src) => {
    globalThis[INTERRUPT_LISTENERS].clear(); // a display an earlier cell left unfinished is not ours
    return executions.run(++count, () => execute(src));
  };
  let handler = null;
  const late = (what, e) => {
    const n = executions.getStore();
    const origin = n === undefined ? "from outside any cell" : `started by In [${n}]`;
    // A stream message of its own, so the runner finds its label at the start of one: not merged
    // with the callback's own stderr lines before it, nor with another late error in the same turn.
    handler?.flush();
    console.error(`${what} ${origin}: ${inspect(e)}`);
    handler?.flush();
  };
  process.on("uncaughtException", (e) =>
    late("Uncaught error in a timer, event or promise callback", e),
  );
  process.on("unhandledRejection", (e) => late("Unhandled promise rejection", e));
  process.on("SIGINT", () => executor.interrupt());

  class CourseServer extends ZmqServer {
    bindSocket(socket, port) {
      if (socket === this.iopub) {
        socket.sendHighWaterMark = 0;
        this.iopub = new OrderedSender(socket);
      }
      return super.bindSocket(socket, port);
    }
  }
  const Handler = coalescing(JupyterHandlerImpl);
  handler = new Handler(executor, false);
  new CourseServer(handler, configPath).init();
  startWatchdog();
}

module.exports = { start, killTree, descendants };
