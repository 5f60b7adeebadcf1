// The page's view of the kernel: BrowserKernel (web/kernel/client.ts, issue 16's contract), started
// on the first run with the lesson's time limit and the site's assets folder.
import { BrowserKernel } from "../kernel/client";
import { assetsUrl } from "./charts";

export type { ExecuteResult, KernelOutput, KernelStatus } from "../kernel/protocol";

/** What the page needs of a kernel (BrowserKernel's public API). */
export type Kernel = Pick<
  BrowserKernel,
  "execute" | "interrupt" | "restart" | "status" | "onStatus"
>;

/**
 * Creates the page's kernel (nothing loads until its first execute). `cellTimeoutSeconds` is the
 * notebook's `course.cellTimeout` when it has one, as the runner reads it (default 60 s).
 */
export function createKernel(cellTimeoutSeconds?: number): Kernel {
  return new BrowserKernel({ cellTimeoutSeconds, assetsUrl: assetsUrl("kernel/") });
}
