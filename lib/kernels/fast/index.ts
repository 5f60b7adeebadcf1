import type { Kernels } from "../kernels";
import { allocate, keep, release } from "./buffer-pool";
import { conv2dBackward, conv2dForward } from "./conv2d";
import {
  type MicroKernel,
  defaultMicroKernel,
  matmulInto,
  microKernel,
  setMicroKernel,
} from "./matmul";
import { avgPool2dBackward, avgPool2dForward, maxPool2dBackward, maxPool2dForward } from "./pool2d";
import { reluBackward, reluForward } from "./relu";
import { checkThreads, defaultThreads, setThreads, threadCount } from "./thread-pool";

/**
 * The fast kernels (the default): the same numbers as `reference`, computed with cache-blocked,
 * packed matrix products on a WebAssembly SIMD micro-kernel (./wasm/gemm.wat), im2col
 * convolutions written straight into the packed panels, branch-free ReLU and 2×2 max pooling,
 * and memory reused between training steps (./buffer-pool.ts, ./scratch.ts). Every piece of
 * kernel state lives in this folder. See bench/README.md for what each piece buys.
 * Example: dl.kernels.use("fast", { matmul: "js" }) runs the TypeScript micro-kernel instead.
 */
export const fast: Kernels = {
  name: "fast",
  allocate,
  release,
  keep,
  matmul: matmulInto,
  conv2dForward,
  conv2dBackward,
  maxPool2dForward,
  maxPool2dBackward,
  avgPool2dForward,
  avgPool2dBackward,
  reluForward,
  reluBackward,
};

/** Options of the fast kernels: which micro-kernel the matrix product runs on, on how many threads. */
export interface FastOptions {
  /** "wasm" (WebAssembly SIMD, the default where it loads) or "js" (the same loop in TypeScript). */
  matmul?: MicroKernel;
  /**
   * Threads for large matrix products and convolutions: 1 (no worker threads) up to the number of
   * cores (the default, or DL_THREADS from the environment; more is capped there). Same bits for
   * any count. Always 1 in a browser page (no worker threads there).
   */
  threads?: number;
}

/** Applies `options` (a missing option means its default). Throws ArgumentError for a bad value. */
export function configureFast(options: FastOptions): void {
  const threads = checkThreads(options.threads === undefined ? defaultThreads() : options.threads); // both checked before any change
  setMicroKernel(options.matmul ?? defaultMicroKernel());
  setThreads(threads);
}

/** The options in effect now. */
export function fastOptions(): Required<FastOptions> {
  return { matmul: microKernel(), threads: threadCount() };
}

export type { MicroKernel };
