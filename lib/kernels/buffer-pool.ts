/**
 * Reuse of large float64 buffers between training steps.
 *
 * Why: on the course VM the first write to a freshly allocated 4 KiB page costs ~11 µs, so a
 * 1.6 MB activation made new every step costs 1–2 ms in page faults against ~0.2 ms for
 * rewriting a buffer already in use. A CNN step makes ~11 MB of intermediate arrays.
 *
 * How: ops ask `allocate(length)` for their outputs and gradients (zeros, like
 * `new Float64Array(length)`). After a training step, `releaseGraph` (lib/autograd/release.ts)
 * hands the intermediate buffers back with `recycle`, and the next step's `allocate` of the same
 * length gets one of them back instead of fresh memory. A buffer is recycled only while exactly
 * the tensors being released wrap it (`Tensor` counts its wrappers with `noteWrapped`), so a
 * `detach`ed or reshaped alias kept elsewhere keeps its buffer. Buffers below MIN_LENGTH are not
 * pooled (the JavaScript heap makes them cheaply), and the pool holds at most LIMIT_BYTES.
 *
 * Example: const out = allocate(n * f * plane); // zeros, maybe last step's memory
 */

/** Buffers shorter than this (8 KiB) bypass the pool. */
export const MIN_LENGTH = 1024;
/** The most memory the pool keeps for reuse (beyond it, released buffers go to the GC). */
export const LIMIT_BYTES = 256 * 1024 * 1024;

const free = new Map<number, Float64Array[]>();
/** Buffers made by `allocate` → how many tensors wrap them. */
const wrappers = new WeakMap<Float64Array, number>();
let pooledBytes = 0;

/**
 * A zero-filled Float64Array of `length` entries: a recycled one of that exact length when the
 * pool has one, else a new one. Example: const dx = allocate(x.size);
 */
export function allocate(length: number): Float64Array {
  if (length < MIN_LENGTH) return new Float64Array(length);
  const reused = free.get(length)?.pop();
  if (reused === undefined) {
    const fresh = new Float64Array(length);
    wrappers.set(fresh, 0);
    return fresh;
  }
  pooledBytes -= reused.byteLength;
  reused.fill(0);
  wrappers.set(reused, 0);
  return reused;
}

/** Counts one more tensor wrapping `data` (called by the Tensor constructor). */
export function noteWrapped(data: Float64Array): void {
  const count = wrappers.get(data);
  if (count !== undefined) wrappers.set(data, count + 1);
}

/** How many tensors wrap `data`, or undefined when it did not come from `allocate`. */
export function wrapCount(data: Float64Array): number | undefined {
  return wrappers.get(data);
}

/**
 * Takes `data` back for reuse by `allocate`. The caller promises that nothing reads or writes it
 * any more (releaseGraph checks that only released tensors wrap it). Returns whether the pool
 * kept it: false for buffers not made by `allocate` or when the pool is full.
 */
export function recycle(data: Float64Array): boolean {
  if (!wrappers.has(data)) return false;
  wrappers.delete(data); // a second recycle of the same buffer is then a no-op
  if (pooledBytes + data.byteLength > LIMIT_BYTES) return false;
  const stack = free.get(data.length);
  if (stack === undefined) free.set(data.length, [data]);
  else stack.push(data);
  pooledBytes += data.byteLength;
  return true;
}

/** What the pool holds now: buffers and bytes ready for reuse (tests, diagnostics). */
export function poolStats(): { buffers: number; bytes: number } {
  let buffers = 0;
  for (const stack of free.values()) buffers += stack.length;
  return { buffers, bytes: pooledBytes };
}

/** Empties the pool (the GC takes the buffers). Example: clearPool() before measuring memory. */
export function clearPool(): void {
  free.clear();
  pooledBytes = 0;
}
