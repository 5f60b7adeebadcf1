/**
 * The browser kernel's stand-in for ./display-hook.ts: the worker (web/kernel/worker) installs a
 * writer that posts display and update messages to the page.
 */
import type { WriteDisplayData } from "./display-hook";

let writer: WriteDisplayData | null = null;

export function kernelWriter(): WriteDisplayData | null {
  return writer;
}

/** Installs (or, with null, removes) the writer that `dl.show` sends its outputs through. */
export function setKernelWriter(write: WriteDisplayData | null): void {
  writer = write;
}
