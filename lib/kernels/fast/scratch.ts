/**
 * Reusable scratch buffers for the kernels (the im2col columns, their gradient, …).
 *
 * Module-level on purpose and documented as such: on the course VM a freshly touched 4 KiB page
 * costs ~11 µs, more than the arithmetic of a small convolution, so the kernels keep their large
 * temporaries between calls instead of allocating them each time. JavaScript runs one call at a
 * time, so a slot is never used by two kernels at once as long as a kernel does not call another
 * kernel that uses the same slot. Contents are garbage on return: callers overwrite before reading.
 */
const slots: Float64Array[] = [];

/** The scratch slots in use (one per temporary, so two temporaries never share memory). */
export const SCRATCH_COLS = 0;
export const SCRATCH_DCOLS = 1;
/** The image with a zero border, for the packed im2col's gathers (lib/kernels/im2col.ts). */
export const SCRATCH_PADDED = 2;

/**
 * A Float64Array of at least `length` entries for `slot`, reused across calls; grows (never
 * shrinks) when a larger one is asked for. Used by conv2d for its im2col buffers.
 * Example: const cols = scratch(SCRATCH_COLS, C * KH * KW * OH * OW);
 */
export function scratch(slot: number, length: number): Float64Array {
  const held = slots[slot];
  if (held !== undefined && held.length >= length) return held;
  const fresh = new Float64Array(Math.max(length, held === undefined ? 0 : held.length * 2));
  slots[slot] = fresh;
  return fresh;
}
