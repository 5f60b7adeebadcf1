/**
 * The browser's stand-in for ./thread-pool.ts: a page's kernel runs in one Web Worker without
 * worker threads of its own (no SharedArrayBuffer without cross-origin isolation, which a page
 * opened from file:// or a plain static host does not have), so every op runs on one thread.
 * `setThreads` still checks its argument, so a lesson's `kernels.use` fails the same way everywhere.
 */
import { ArgumentError, KernelThreadError } from "../../errors";
import type { Task, TaskArrays } from "./thread-control";

export function setThreads(count: number): void {
  checkThreads(count);
}

export function checkThreads(count: number): number {
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1) {
    throw new ArgumentError(
      `kernels.use: threads must be a whole number ≥ 1 (1 = no worker threads), got ${String(count)}`,
    );
  }
  return 1;
}

export function defaultThreads(): number {
  return 1;
}

export function threadCount(): number {
  return 1;
}

export function workersAvailable(): number {
  return 0;
}

export function restart(): void {}

export function isShared(array: Float64Array): boolean {
  return typeof SharedArrayBuffer !== "undefined" && array.buffer instanceof SharedArrayBuffer;
}

export function runSplit(task: Task, _arrays: TaskArrays, workers: number): void {
  throw new KernelThreadError(
    `${task.op}: ${workers} worker thread(s) asked for, none in a browser`,
  );
}
