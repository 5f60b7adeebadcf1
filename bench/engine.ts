/**
 * Our engine as the benchmark loads it: a compiled dist/ (what notebooks import with
 * `import * as dl from "../dist"`), required at run time, typed by lib/. The folder is the
 * project's dist/, or BENCH_DIST when set: the parent sets it for the "ours-main" engine
 * (`--compare DIR`), another build of the engine measured in the same run.
 */
import { isAbsolute, join, resolve } from "node:path";
import type * as DL from "../lib/index";
import type { MatmulDims } from "../lib/kernels/kernels";
import type { Conv2dDims } from "../lib/kernels/dims";

// build/bench/engine.js → the project root is two folders up.
const ROOT = join(__dirname, "..", "..");
const given = process.env.BENCH_DIST;
/** The dist folder this process measures. */
export const DIST =
  given === undefined || given === ""
    ? join(ROOT, "dist")
    : isAbsolute(given)
      ? given
      : resolve(ROOT, given);
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const dl = require(DIST) as typeof DL;
export type { DL };

/** The kernels the workloads call, found in either kernel API (see `kernelsOf`). */
export interface BenchKernels {
  matmul(a: Float64Array, b: Float64Array, out: Float64Array, dims: MatmulDims): void;
  matmulReference(a: Float64Array, b: Float64Array, out: Float64Array, dims: MatmulDims): void;
  conv2dForward(
    x: Float64Array,
    w: Float64Array,
    b: Float64Array | null,
    d: Conv2dDims,
  ): Float64Array;
  conv2dReference(
    x: Float64Array,
    w: Float64Array,
    b: Float64Array | null,
    d: Conv2dDims,
  ): Float64Array;
  conv2dDims: typeof DL.kernels.conv2dDims;
  /** The fast matmul's micro-kernel in use: "wasm" or "js". */
  microKernel(): string;
}

/**
 * The fast and the plain kernels of a loaded engine: `dl.kernels.fast` / `.reference` (one
 * interface, two implementations), or, for a dist built before that interface (issue 18), the
 * older flat names (`matmulInto`, `conv2dReference`, `matmulBackend`), so that `--compare` can
 * measure such a build beside this one.
 */
export function kernelsOf(engine: typeof DL): BenchKernels {
  const k = engine.kernels as unknown as Record<string, never>;
  if ("fast" in k) {
    const { fast, reference } = engine.kernels;
    return {
      matmul: fast.matmul,
      matmulReference: reference.matmul,
      conv2dForward: fast.conv2dForward,
      conv2dReference: reference.conv2dForward,
      conv2dDims: engine.kernels.conv2dDims,
      microKernel: () => engine.kernels.current().matmul ?? "none",
    };
  }
  const old = k as unknown as Record<string, (...args: never[]) => never>;
  return {
    matmul: old.matmulInto,
    matmulReference: old.matmulReference,
    conv2dForward: old.conv2dForward,
    conv2dReference: old.conv2dReference,
    conv2dDims: old.conv2dDims as unknown as BenchKernels["conv2dDims"],
    microKernel: old.matmulBackend as unknown as () => string,
  };
}

/** This process's engine's kernels. */
export const kernels = kernelsOf(dl);
