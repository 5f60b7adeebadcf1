/**
 * The globals a cell finds in the worker, as web/kernel/cell-env.d.ts declares them for the type
 * checker: the Node-formatted `console`, `global`, and a `process` whose `exit` stops the cell
 * with a clear message (a worker has no process to end). Errors that escape a cell later (a timer
 * that throws, a promise nobody awaited) are printed on stderr as tslab prints them, under the
 * cell running or last run.
 *
 * Example:
 *   installGlobals(cellConsole, (name, text) => sink.stream(name, text));
 */
import type { Write } from "./console";

/** Thrown by `process.exit()`: the cell stops, the kernel and its variables stay. */
export class ProcessExitError extends Error {
  constructor(code: unknown) {
    super(
      `process.exit(${code === undefined ? "" : String(code)}) ends a Node.js process; in the browser ` +
        `it stops this cell only (the kernel and the variables of earlier cells are kept)`,
    );
    this.name = "ProcessExit";
  }
}

interface Scope {
  addEventListener(type: string, listener: (event: ErrorLike) => void): void;
}
interface ErrorLike {
  preventDefault(): void;
  reason?: unknown;
  error?: unknown;
  message?: string;
}

export function installGlobals(
  cellConsole: { error(...args: unknown[]): void },
  write: Write,
): void {
  const scope = globalThis as unknown as Record<string, unknown> & Scope;
  scope.console = cellConsole;
  scope.global = globalThis;
  function exit(code?: unknown): never {
    const error = new ProcessExitError(code);
    Error.captureStackTrace?.(error, exit); // the stack starts in the cell
    throw error;
  }
  scope.process = {
    exit,
    env: {},
    argv: [],
    platform: "browser",
    version: "",
    versions: {},
    nextTick(callback: (...args: unknown[]) => void, ...args: unknown[]): void {
      queueMicrotask(() => callback(...args));
    },
    stdout: { write: (text: unknown) => (write("stdout", String(text)), true) },
    stderr: { write: (text: unknown) => (write("stderr", String(text)), true) },
  };
  scope.addEventListener("unhandledrejection", (event) => {
    event.preventDefault();
    cellConsole.error("UnhandledPromiseRejection:", event.reason);
  });
  scope.addEventListener("error", (event) => {
    event.preventDefault();
    cellConsole.error("UncaughtException:", event.error ?? event.message);
  });
}
