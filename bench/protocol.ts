/**
 * What the benchmark's parent and child processes agree on: engines, workloads (bench/README.md,
 * W1–W4), the sizes of the full and the quick run, and the result a child prints.
 */

/**
 * The engines compared: ours, another build of ours ("ours-main", loaded from the folder given
 * to `--compare`, e.g. main's dist/, to see a change's effect in the same run), TensorFlow.js on
 * its pure-JS CPU backend, on its wasm backend, and PyTorch (Debian's python3-torch, when installed:
 * bench/torch.ts) with `--threads` threads.
 */
export const ENGINES = ["ours", "ours-main", "tfjs-cpu", "tfjs-wasm", "torch"] as const;
export type Engine = (typeof ENGINES)[number];

/** The workloads; W1 runs at two sizes. */
export const WORKLOADS = ["W1-256", "W1-1024", "W2", "W3", "W4"] as const;
export type Workload = (typeof WORKLOADS)[number];

/** One child's measurement: `value` in `unit` (null when the engine cannot run the workload). */
export interface Result {
  engine: Engine;
  workload: Workload;
  unit: "GFLOP/s" | "samples/s";
  value: number | null;
  /** The median time the value was computed from, in seconds (per call, epoch or run). */
  seconds: number | null;
  /** The correctness check's verdict and figure, e.g. "ok: rel. error 3e-7". */
  check: string;
  note?: string;
}

/** The environment variable the parent passes `--threads` in (PyTorch's thread count). */
export const THREADS_ENV = "BENCH_THREADS";

/** The line prefix a child prints its Result JSON after (tfjs prints banners on stdout). */
export const RESULT_PREFIX = "BENCH-RESULT ";

/** Sizes of every workload; `quick` shrinks all of them so the harness runs in seconds. */
export interface Sizes {
  /** W1: the square size for "W1-256" and "W1-1024". */
  matmul: Record<"W1-256" | "W1-1024", number>;
  /** Single ops: warm-up calls, samples, and the minimum seconds of one sample. */
  op: { warmup: number; samples: number; minSeconds: number };
  /** W2: digits used, warm-up epochs, timed epochs, and the training accuracy the check asks for. */
  mlp: { limit: number; warmupEpochs: number; epochs: number; minAccuracy: number };
  /** W3: images, warm-up steps, timed runs, epochs per run (and steps per run for slow peers). */
  cnn: {
    images: number;
    warmupSteps: number;
    runs: number;
    epochsPerRun: number;
    slowSteps: number;
  };
  /** W4: x [N, C, H, W] and F filters. */
  conv: { n: number; c: number; h: number; w: number; f: number };
}

export function sizes(quick: boolean): Sizes {
  if (quick) {
    return {
      matmul: { "W1-256": 32, "W1-1024": 48 },
      op: { warmup: 1, samples: 3, minSeconds: 0.002 },
      mlp: { limit: 200, warmupEpochs: 1, epochs: 2, minAccuracy: 0.5 },
      cnn: { images: 64, warmupSteps: 1, runs: 1, epochsPerRun: 1, slowSteps: 1 },
      conv: { n: 2, c: 3, h: 8, w: 8, f: 4 },
    };
  }
  return {
    matmul: { "W1-256": 256, "W1-1024": 1024 },
    op: { warmup: 3, samples: 11, minSeconds: 0.1 },
    mlp: { limit: 1797, warmupEpochs: 1, epochs: 10, minAccuracy: 0.95 },
    cnn: { images: 2048, warmupSteps: 8, runs: 5, epochsPerRun: 2, slowSteps: 8 },
    conv: { n: 32, c: 16, h: 28, w: 28, f: 32 },
  };
}

/** FLOP of a 3×3, pad 1, stride 1 convolution of W4's shape: 2 × N·F·H·W·C·9 multiply-adds. */
export function convFlop(s: Sizes["conv"]): number {
  return 2 * s.n * s.f * s.h * s.w * s.c * 9;
}
