/**
 * The fast kernels' worker threads (Node): a small pool that runs part of a large matrix product
 * or convolution on the other cores while the calling thread runs its own part.
 *
 * How: each worker (./thread-worker.ts) loads its own copy of the fast kernels (its own WebAssembly
 * micro-kernel and packed buffers) and sleeps in `Atomics.wait`. A job's arrays are copied into
 * one SharedArrayBuffer (`stage`), the job's description goes down the worker's MessagePort, and
 * one Atomics counter wakes it. The caller computes its own share meanwhile, then waits for the
 * worker's `done` counter and copies the worker's outputs back. The split (./thread-control.ts)
 * gives each output element to exactly one thread, which sums it in the single-thread order:
 * results are bit-identical to one thread.
 *
 * Started lazily (the first op large enough), sized by `setThreads` (default: every core, capped by
 * DL_THREADS), never keeping a process alive (`unref`). Node only: a browser page uses
 * ./thread-pool.browser.ts, where `threadCount()` is 1. A worker that throws or exits fails the op
 * with a KernelThreadError and the pool is rebuilt at the next op; one that never answers is given
 * up after `DEADLINE_MS` (nothing hangs forever).
 * Example: if (workersAvailable() > 0) runSplit(task, arrays, 1, runMyShare, copyBack)
 */
import { availableParallelism } from "node:os";
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  MessageChannel,
  type MessagePort,
  Worker,
  receiveMessageOnPort,
} from "node:worker_threads";
import { ArgumentError, KernelThreadError } from "../../errors";
import {
  CLAIMED,
  EXITED,
  FINISHED,
  OK,
  POSTED,
  STATUS,
  type Task,
  type TaskArrays,
} from "./thread-control";

/** How long a worker may stay silent on one job before it is taken for dead (generous: a slow VM). */
const DEADLINE_MS = 60_000;
const SLICE_MS = 50; // how often a wait looks at the worker's status

interface Member {
  worker: Worker;
  port: MessagePort;
  control: Int32Array;
  posted: number;
  /** The last job this thread took over from it (see `claim`). */
  ranHere: number;
  dead: string | null;
}

const cores = Math.max(1, availableParallelism());
let wanted = defaultThreads();
let members: Member[] = [];
let stage: Float64Array = new Float64Array(0);
let stageSent = new WeakSet<Member>();
const workerScript = findWorkerFile();
let splitting = false; // a split op is running: the ops inside its shares run on their thread alone

/** The compiled worker: beside this file in dist/, or dist/'s copy when lib runs from source (vitest). */
function findWorkerFile(): string | null {
  const here = join(__dirname, "thread-worker.js");
  if (!__filename.endsWith(".ts")) return here;
  const built = join(__dirname, "..", "..", "..", "dist", "kernels", "fast", "thread-worker.js");
  return existsSync(built) ? built : null;
}

/**
 * The thread count when none is asked for: DL_THREADS from the environment (e.g. DL_THREADS=1 for
 * kernels that share a machine), else every core. ArgumentError names a DL_THREADS that is not a
 * whole number ≥ 1.
 */
export function defaultThreads(): number {
  const text = process.env.DL_THREADS;
  if (text === undefined || text === "") return cores;
  return checkThreads(Number(text), `DL_THREADS=${JSON.stringify(text)}: the thread count`);
}

/**
 * Sets how many threads the fast kernels use: 1 (this thread only) up to the number of cores
 * (more is capped there). Takes effect at the next op; a smaller pool stops its extra workers.
 * Throws ArgumentError for anything but a whole number ≥ 1 (see `checkThreads`).
 * Example: setThreads(1) // single-threaded, e.g. when many kernels share the machine
 */
export function setThreads(count: number): void {
  wanted = checkThreads(count);
  if (members.length > wanted - 1) stopWorkers(members.splice(wanted - 1));
}

/** `count` capped at the cores; ArgumentError unless it is a whole number ≥ 1. */
export function checkThreads(count: number, where = "kernels.use: threads"): number {
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1) {
    throw new ArgumentError(
      `${where} must be a whole number ≥ 1 (1 = no worker threads), got ${String(count)}`,
    );
  }
  return Math.min(count, cores);
}

/** How many threads the fast kernels use now (this one included). */
export function threadCount(): number {
  return workerScript === null ? 1 : wanted;
}

/** Starts the missing workers (lazily, at the first op that splits). */
function ensureWorkers(): Member[] | null {
  const file = workerScript;
  if (file === null) return null;
  while (members.length < wanted - 1) {
    const { port1, port2 } = new MessageChannel();
    const control = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
    const worker = new Worker(file, {
      workerData: { port: port2, control },
      transferList: [port2],
    });
    const member: Member = { worker, port: port1, control, posted: 0, ranHere: 0, dead: null };
    worker.on("error", (error) => (member.dead = error.message));
    worker.on("exit", (code) => (member.dead ??= `it exited with code ${code}`));
    worker.unref(); // an idle pool never keeps the process alive
    port1.unref();
    members.push(member);
  }
  return members;
}

/**
 * Runs `task` on `workers` workers (worker i takes share task.firstShare + i) while this thread
 * runs `runHere` (its own share, or another part of the op). The arrays are staged in shared
 * memory for the workers; a share no worker has started when `runHere` is done is run here
 * instead, by `runShare(staged, share)`; `copyBack(staged, share)` then copies each share's
 * outputs home. Throws KernelThreadError when a worker failed (the pool is rebuilt at the next op).
 * Example: runSplit(task, { a, b, out }, 1, () => mine(), runShare, (staged, s) => copyRows(staged, s))
 */
export function runSplit(
  task: Task,
  arrays: TaskArrays,
  workers: number,
  runHere: () => void,
  runShare: (staged: TaskArrays, share: number) => void,
  copyBack: (staged: TaskArrays, share: number) => void,
): void {
  if (members.some((member) => member.dead !== null)) restart(); // died between ops
  const pool = ensureWorkers();
  if (pool === null || pool.length < workers || workers < 1) {
    throw new KernelThreadError(
      `${task.op}: ${workers} worker thread(s) asked for, ${pool?.length ?? 0} running`,
    );
  }
  const used = pool.slice(0, workers);
  const staged = stageArrays(arrays, task);
  used.forEach((member, i) => post(member, task, staged.layout, task.firstShare + i));
  let failure: unknown = null;
  const problems: string[] = [];
  splitting = true;
  try {
    runHere();
    used.forEach((member, i) => {
      // the crash jobs of the tests must run where they were sent
      if (task.op !== "crash" && claim(member)) runShare(staged.views, task.firstShare + i);
    });
  } catch (error) {
    failure = error;
  } finally {
    splitting = false;
    for (const member of used) {
      const problem = waitFor(member);
      if (problem !== null) problems.push(problem);
    }
  }
  if (problems.length > 0) {
    restart();
    throw new KernelThreadError(
      `${task.op}: a kernel worker thread failed (${problems[0]}); the pool restarts at the next op. ` +
        'Run the op again, or use kernels.use("fast", { threads: 1 }) to stay on one thread',
    );
  }
  if (failure !== null) throw failure;
  for (let i = 0; i < workers; i++) copyBack(staged.views, task.firstShare + i);
}

/** Takes `member`'s job for this thread, if the worker has not started it: true when taken. */
function claim(member: Member): boolean {
  const job = member.posted;
  if (Atomics.compareExchange(member.control, CLAIMED, job - 1, job) !== job - 1) return false;
  member.ranHere = job;
  return true;
}

/** Where a worker finds one of a job's arrays: [a SharedArrayBuffer or null for the stage, start, length]. */
type Place = [SharedArrayBuffer | null, number, number];

/**
 * Copies the job's arrays into the shared stage (grown when needed) and views them there; an
 * array already in shared memory (the buffer pool's, when there are workers) is used in place,
 * not copied, and its view is the array itself (so `copyBack` has nothing to copy).
 */
function stageArrays(
  arrays: TaskArrays,
  task: Task,
): { views: TaskArrays; layout: Record<string, Place> } {
  const copied = Object.values(arrays).filter((array) => array !== null && !isShared(array));
  const total = copied.reduce((sum, array) => sum + (array as Float64Array).length, 0);
  if (stage.length < total) {
    stage = new Float64Array(new SharedArrayBuffer(Math.max(total, 2 * stage.length) * 8));
    stageSent = new WeakSet();
  }
  const views: TaskArrays = {};
  const layout: Record<string, Place> = {};
  let at = 0;
  for (const [name, array] of Object.entries(arrays)) {
    if (array === null) continue;
    if (isShared(array)) {
      views[name] = array;
      layout[name] = [array.buffer as SharedArrayBuffer, array.byteOffset / 8, array.length];
      continue;
    }
    const view = stage.subarray(at, at + array.length);
    const read = task.inputs[name];
    if (read !== undefined) view.set(array.subarray(read[0], read[1]), read[0]);
    views[name] = view;
    layout[name] = [null, at, array.length];
    at += array.length;
  }
  return { views, layout };
}

/** Is `array` in memory every thread can see (a SharedArrayBuffer)? */
export function isShared(array: Float64Array): boolean {
  return array.buffer instanceof SharedArrayBuffer;
}

function post(member: Member, task: Task, layout: Record<string, Place>, share: number): void {
  const fresh = !stageSent.has(member);
  stageSent.add(member);
  member.port.postMessage({ task, layout, share, stage: fresh ? stage.buffer : undefined });
  member.posted += 1;
  Atomics.store(member.control, POSTED, member.posted);
  Atomics.notify(member.control, POSTED);
}

/**
 * Waits until `member` finished its job: null when it did (or when this thread ran the job itself:
 * the worker only has to skip it, later), else what went wrong.
 */
function waitFor(member: Member): string | null {
  const { control } = member;
  const job = member.posted;
  if (member.ranHere === job) return null;
  let waited = 0; // in SLICE_MS steps (counted, not read from a clock: lib reads no clock)
  while (Atomics.load(control, FINISHED) !== job) {
    if (member.dead !== null) return member.dead;
    if (Atomics.load(control, STATUS) === EXITED) return "it exited";
    if (waited * SLICE_MS >= DEADLINE_MS) return `no answer in ${DEADLINE_MS / 1000} s`;
    const seen = Atomics.load(control, FINISHED);
    if (Atomics.wait(control, FINISHED, seen, SLICE_MS) === "timed-out") waited += 1;
  }
  if (Atomics.load(control, STATUS) === OK) return null;
  const report = receiveMessageOnPort(member.port)?.message as { error?: string } | undefined;
  return report?.error ?? "it failed";
}

/** Stops every worker; the next op that splits starts new ones, with a new stage (a worker given up
 * on might still write into the old one). */
export function restart(): void {
  stopWorkers(members);
  members = [];
  stage = new Float64Array(0);
}

/** How many workers a job can have now (threads − 1, or 0 where workers cannot start). */
export function workersAvailable(): number {
  return splitting || wanted === 1 || workerScript === null ? 0 : wanted - 1;
}

function stopWorkers(stopping: Member[]): void {
  for (const member of stopping) {
    member.port.close();
    void member.worker.terminate();
  }
}
