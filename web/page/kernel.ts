// The page's view of the kernel: the client API that web/kernel/client.ts implements (the contract
// of issue 16), and the one place that starts it.

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

export interface ExecuteResult {
  status: "ok" | "error" | "timeout" | "interrupted";
  executionCount: number;
  outputs: KernelOutput[];
}

export type KernelStatus = "unstarted" | "starting" | "idle" | "busy" | "dead";

/** What the page needs of a kernel (BrowserKernel's public API). */
export interface Kernel {
  execute(code: string, onOutput?: (o: KernelOutput) => void): Promise<ExecuteResult>;
  interrupt(): void;
  restart(): Promise<void>;
  readonly status: KernelStatus;
  onStatus?: (s: KernelStatus) => void;
}

declare global {
  interface Window {
    /** Test seam: when set before the page script runs, the page uses this kernel. */
    courseKernelFactory?: () => Kernel;
  }
}

/** Creates the page's kernel (nothing heavy loads until its first execute). */
export function createKernel(): Kernel {
  if (typeof window.courseKernelFactory === "function") return window.courseKernelFactory();
  throw new Error("course: no browser kernel in this build");
}
