/**
 * A worker thread of the fast kernels (started by ./thread-pool.ts, Node only). It sleeps in
 * `Atomics.wait` until a job is posted, reads it from its MessagePort, runs its share of the op
 * on views of the shared stage with its own copy of the single-thread kernels, and counts the job
 * finished (status OK, or FAILED after posting the error's text). Never splits work itself.
 */
import { receiveMessageOnPort, workerData } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";
import { conv2dBackwardImages, conv2dForwardImages } from "./conv2d";
import { matmulBlock } from "./matmul";
import {
  CLAIMED,
  EXITED,
  FAILED,
  FINISHED,
  OK,
  POSTED,
  STATUS,
  type Task,
  type TaskArrays,
  shareRange,
} from "./thread-control";
import { setThreads } from "./thread-pool";

interface Job {
  task: Task;
  layout: Record<string, [SharedArrayBuffer | null, number, number]>;
  share: number;
  stage?: SharedArrayBuffer;
}

const { port, control } = workerData as { port: MessagePort; control: Int32Array };
let stage: Float64Array = new Float64Array(0);
setThreads(1);
// a worker that ends (process.exit, an uncaught error) says so at once: the caller stops waiting
process.on("exit", () => {
  Atomics.store(control, STATUS, EXITED);
  Atomics.notify(control, FINISHED);
});

/** Runs share `share` of the job on the stage's arrays. */
function run({ task, layout, share }: Job): void {
  const arrays: TaskArrays = {};
  for (const [name, [buffer, at, length]] of Object.entries(layout)) {
    arrays[name] =
      buffer === null ? stage.subarray(at, at + length) : new Float64Array(buffer, at * 8, length);
  }
  const get = (name: string) => arrays[name] as Float64Array;
  if (task.op === "matmul") {
    const { m, n } = task.dims;
    const [lo, hi] = shareRange(task.byRows ? m : n, share, task.shares, 4);
    matmulBlock(
      get("a"),
      get("b"),
      get("out"),
      task.dims,
      task.byRows ? [lo, hi, 0, n] : [0, m, lo, hi],
    );
  } else if (task.op === "conv2dForward") {
    const images = shareRange(task.d.n, share, task.shares, 1);
    conv2dForwardImages(get("x"), get("w"), arrays.bias ?? null, task.d, get("out"), images);
  } else if (task.op === "crash") {
    if (task.how === "exit") process.exit(3);
    throw new Error("a crash asked for by a test");
  } else {
    const images = shareRange(task.d.n, share, task.shares, 1);
    const grads = { dx: get("dx"), dw: null, db: null };
    conv2dBackwardImages(new Float64Array(0), get("w"), get("gradOut"), task.d, grads, images);
  }
}

let finished = 0;
for (;;) {
  Atomics.wait(control, POSTED, finished);
  let received = receiveMessageOnPort(port);
  while (received === undefined) {
    Atomics.wait(control, POSTED, finished + 1, 1); // the message is a moment behind the signal
    received = receiveMessageOnPort(port);
  }
  const job = received.message as Job;
  if (job.stage !== undefined) stage = new Float64Array(job.stage);
  let status = OK;
  try {
    // run it unless the calling thread took it (it was done with its own share first)
    if (Atomics.compareExchange(control, CLAIMED, finished, finished + 1) === finished) run(job);
  } catch (error) {
    status = FAILED;
    port.postMessage({
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
  }
  finished += 1;
  Atomics.store(control, STATUS, status);
  Atomics.store(control, FINISHED, finished);
  Atomics.notify(control, FINISHED);
}
