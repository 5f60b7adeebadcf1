/**
 * The kernel's Web Worker: receives cells from the page (./client.ts), compiles and runs them with
 * tslab's semantics (./executor.ts), and posts their outputs back. Built by web/kernel/build.mjs
 * into assets/kernel/kernel-worker.js, after ./install-math.ts (Node's Math, set up before any
 * other code is evaluated), the TypeScript compiler and the type files in the worker's Blob.
 */
import { setKernelWriter } from "../../../lib/show/display-hook.browser";
import type { FromWorker, KernelOutput, ToWorker } from "../protocol";
import { makeConsole } from "./console";
import { Executor } from "./executor";
import { installGlobals } from "./globals";
import { OutputSink } from "./sink";

interface WorkerScope {
  postMessage(message: FromWorker): void;
  addEventListener(type: "message", listener: (event: { data: ToWorker }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
const sink = new OutputSink((message) => scope.postMessage(message));
const cellConsole = makeConsole((name, text) => sink.stream(name, text));
const executor = new Executor(cellConsole);
installGlobals(cellConsole, (name, text) => sink.stream(name, text));

setKernelWriter((message, update) => {
  // Jupyter carries outputs as JSON: what cannot be written as JSON does not reach the page.
  const data = JSON.parse(JSON.stringify(message.data)) as Record<string, unknown>;
  const metadata = JSON.parse(JSON.stringify(message.metadata)) as Record<string, unknown>;
  const id = message.transient.display_id;
  let output: KernelOutput;
  if (update && id !== undefined) {
    output = { output_type: "update_display_data", data, metadata, transient: { display_id: id } };
  } else {
    output = { output_type: "display_data", data, metadata };
    if (id !== undefined) output.transient = { display_id: id };
  }
  sink.display(output);
});

/** Cells run one after another, even when the page sends the next before one has finished. */
let queue: Promise<void> = Promise.resolve();

scope.addEventListener("message", ({ data }) => {
  if (data.kind !== "execute") return;
  queue = queue.then(async () => {
    sink.begin(data.id);
    let status: "ok" | "error" = "error";
    try {
      status = await executor.execute(data.code, (output) => sink.display(output));
    } catch (error) {
      sink.display({
        output_type: "error",
        ename: "KernelError",
        evalue: `the browser kernel failed: ${error instanceof Error ? error.message : String(error)}`,
        traceback: [],
      });
    }
    sink.end();
    scope.postMessage({ kind: "done", id: data.id, status });
  });
});

executor.warmUp();
scope.postMessage({ kind: "ready" });
