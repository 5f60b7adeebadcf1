/** Timing helpers shared by every engine's workloads (time inside the process, medians). */
import type { Sizes } from "./protocol";

/** The median of `xs` (mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Seconds since an arbitrary origin, from the monotonic clock. */
export function now(): number {
  return performance.now() / 1000;
}

/**
 * Single-op timing per bench/README.md: `warmup` calls, then `samples` samples, each of enough
 * back-to-back calls to last ≥ minSeconds; returns the median seconds per call.
 */
export function timeOp(call: () => void, op: Sizes["op"]): number {
  for (let i = 0; i < op.warmup; i++) call();
  const perCall: number[] = [];
  for (let s = 0; s < op.samples; s++) {
    const start = now();
    let calls = 0;
    let elapsed = 0;
    do {
      call();
      calls++;
      elapsed = now() - start;
    } while (elapsed < op.minSeconds);
    perCall.push(elapsed / calls);
  }
  return median(perCall);
}

/** Runs `run` `count` times and returns the median seconds of one run. */
export function timeRuns(run: () => void, count: number): number {
  const seconds: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = now();
    run();
    seconds.push(now() - start);
  }
  return median(seconds);
}

/** Largest |got − want| / max |want|: the W1 check against float64 dot products. */
export function relativeError(got: ArrayLike<number>, want: ArrayLike<number>): number {
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < want.length; i++) {
    worst = Math.max(worst, Math.abs(got[i] - want[i]));
    scale = Math.max(scale, Math.abs(want[i]));
  }
  return worst / (scale || 1);
}
