/**
 * Reuse of large float64 arrays between training steps: `fast`'s allocate, release and keep.
 *
 * Why: on the course VM the first write to a freshly allocated 4 KiB page costs ~11 µs, so a
 * 1.6 MB activation made new every step costs 1–2 ms in page faults against ~0.2 ms for
 * rewriting an array already in use. A CNN step makes ~11 MB of intermediate arrays.
 *
 * How: ops ask `allocate(length)` for their outputs and gradients (zeros, like
 * `new Float64Array(length)`). After a training step, `releaseGraph` (lib/autograd/release.ts)
 * hands the intermediate arrays back with `release`, and the next step's `allocate` of the same
 * length gets one of them back instead of fresh memory. Only arrays made here are reused, each at
 * most once per release; an array that left the engine (`keep`: someone read `tensor.data`, or a
 * tensor shares it) is forgotten, so whoever holds it keeps its numbers. Arrays below MIN_LENGTH
 * are not pooled (the JavaScript heap makes them cheaply), and the pool holds at most LIMIT_BYTES.
 *
 * Example: const out = allocate(n * f * plane); // zeros, maybe last step's memory
 */

import { workersAvailable } from "./thread-pool";

/** Arrays shorter than this (8 KiB) bypass the pool. */
export const MIN_LENGTH = 1024;
/**
 * With worker threads, arrays from this length on (256 KiB) are made in shared memory, so that a
 * worker reads and writes them in place instead of through copies (./thread-pool.ts).
 */
export const SHARED_LENGTH = 32768;
/** The most memory the pool keeps for reuse (beyond it, released arrays go to the GC). */
export const LIMIT_BYTES = 256 * 1024 * 1024;

const free = new Map<number, Float64Array[]>();
/** Arrays made by `allocate`, in use, that the pool may take back. */
const owned = new WeakSet<Float64Array>();
let pooledBytes = 0;

/**
 * A zero-filled Float64Array of `length` entries: a released one of that exact length when the
 * pool has one, else a new one. Example: const dx = allocate(x.length);
 */
export function allocate(length: number): Float64Array {
  if (length < MIN_LENGTH) return new Float64Array(length);
  const reused = free.get(length)?.pop();
  if (reused === undefined) {
    const shared = length >= SHARED_LENGTH && workersAvailable() > 0;
    const fresh = shared
      ? new Float64Array(new SharedArrayBuffer(length * 8))
      : new Float64Array(length);
    owned.add(fresh);
    return fresh;
  }
  pooledBytes -= reused.byteLength;
  reused.fill(0);
  owned.add(reused);
  return reused;
}

/**
 * Like `allocate`, without the zero fill of a reused array: for an op that writes every entry of
 * its output (ReLU, pooling, a convolution that starts from its bias). A W3 profile spent ~5 % of
 * a step zero-filling arrays those ops then overwrote whole; the numbers are the same, one pass
 * over memory fewer. Example: const out = allocateToOverwrite(x.length); // then write all of it
 */
export function allocateToOverwrite(length: number): Float64Array {
  const reused = length < MIN_LENGTH ? undefined : free.get(length)?.pop();
  if (reused === undefined) return allocate(length);
  pooledBytes -= reused.byteLength;
  owned.add(reused);
  return reused;
}

/**
 * Takes `data` back for reuse by `allocate`. The caller promises that the engine no longer reads
 * it; arrays not made here, kept, or already released are left alone (to the GC).
 */
export function release(data: Float64Array): void {
  if (!owned.delete(data)) return;
  if (pooledBytes + data.byteLength > LIMIT_BYTES) return;
  const stack = free.get(data.length);
  if (stack === undefined) free.set(data.length, [data]);
  else stack.push(data);
  pooledBytes += data.byteLength;
}

/** `data` has left the engine: never hand its memory to anyone else. */
export function keep(data: Float64Array): void {
  owned.delete(data);
}

/** What the pool holds now: arrays and bytes ready for reuse (tests, diagnostics). */
export function poolStats(): { buffers: number; bytes: number } {
  let buffers = 0;
  for (const stack of free.values()) buffers += stack.length;
  return { buffers, bytes: pooledBytes };
}

/** Empties the pool (the GC takes the arrays). Example: clearPool() before measuring memory. */
export function clearPool(): void {
  free.clear();
  pooledBytes = 0;
}
