/**
 * The browser kernel's stand-in for ./time-limit.ts: a Web Worker has no vm watchdog, and none is
 * needed there, because the cell's own time limit ends the worker (and the endless loop with it).
 */
import type { LimitedRun } from "./time-limit";

/** Runs the code as it is; the cell's time limit covers an endless loop. */
export function makeTimeLimit(_timeoutMs: number): (run: () => unknown) => LimitedRun {
  return (run) => ({ timedOut: false, value: run() });
}
