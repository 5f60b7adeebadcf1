/**
 * What the page and the kernel's Web Worker say to each other, and the shapes the page sees.
 *
 * The page talks to `BrowserKernel` (./client.ts) only; the worker messages below are that
 * class's business. Outputs are nbformat 4 outputs, as the exporter already renders them.
 */

/** One output, as nbformat writes it (what the exporter already renders). */
export type KernelOutput =
  | { output_type: "stream"; name: "stdout" | "stderr"; text: string }
  | {
      output_type: "display_data";
      data: Record<string, unknown>;
      metadata: Record<string, unknown>;
      transient?: { display_id?: string };
    }
  | {
      output_type: "update_display_data";
      data: Record<string, unknown>;
      metadata: Record<string, unknown>;
      transient: { display_id: string };
    }
  | { output_type: "error"; ename: string; evalue: string; traceback: string[] };

/** How a cell ended. */
export type ExecuteStatus = "ok" | "error" | "timeout" | "interrupted";

export interface ExecuteResult {
  status: ExecuteStatus;
  /**
   * As Jupyter counts: +1 per execute request that ran in this kernel session (a session ends with
   * restart, interrupt or a timeout, which all end the worker). 0 for a request that never ran
   * (it was still queued when the kernel was interrupted).
   */
  executionCount: number;
  /** Everything streamed via onOutput, display updates applied, consecutive streams merged. */
  outputs: KernelOutput[];
}

export interface KernelOptions {
  /** Seconds a cell may run before the worker is ended (default: the runner's 60). */
  cellTimeoutSeconds?: number;
  /**
   * Where the kernel's assets are, relative to the page (default "assets/kernel/", as the
   * exporter lays out site/). The page loads them with `<script src>` on the first execute.
   */
  assetsUrl?: string;
}

export type KernelStatus = "unstarted" | "starting" | "idle" | "busy" | "dead";

/** The runner's per-cell limit (tools/runner: "A cell may run 60 s"). */
export const DEFAULT_CELL_TIMEOUT_SECONDS = 60;

/** The global that the kernel's asset scripts fill: asset name → JavaScript source text. */
export const ASSET_REGISTRY = "__dlKernelAssets";

/** The asset scripts, in the order they are put into the worker's Blob (see README.md). */
export const KERNEL_ASSETS = ["kernel-typescript.js", "kernel-types.js", "kernel-worker.js"];

/** Page → worker. */
export type ToWorker = { kind: "execute"; id: number; code: string };

/**
 * Worker → page. `id` is the cell the outputs belong to: the running one, or the last one run
 * (a timer or a promise can print after its cell has finished). Outputs come in batches, in order.
 */
export type FromWorker =
  | { kind: "ready" }
  | { kind: "outputs"; id: number; outputs: KernelOutput[] }
  | { kind: "done"; id: number; status: "ok" | "error" };
