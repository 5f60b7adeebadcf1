/**
 * W1–W4 on PyTorch (Debian's `python3-torch`, CPU, float32, NCHW), with `--threads` threads. The
 * data is made here, seeded, exactly as for the other engines (bench/data.ts), written to a
 * temporary folder as raw arrays, and `bench/torch_bench.py` runs the workload with the same
 * protocol under /usr/bin/python3 (BENCH_PYTHON overrides it); the checks are made here, on what
 * it gives back. Where PyTorch is not installed, `torchMissing()` says why and the bench skips it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dl, kernels } from "./engine";
import { cnnData, convData, digitsData, glorot, matmulData } from "./data";
import { convFlop, type Result, type Sizes, type Workload } from "./protocol";
import { relativeError } from "./timing";

type Partial = Omit<Result, "engine" | "workload">;

// build/bench/torch.js → the project root is two folders up; the script is not compiled.
const SCRIPT = join(__dirname, "..", "..", "bench", "torch_bench.py");

/** The Python that has PyTorch: Debian's, not a python3 earlier on PATH. */
export function python(): string {
  const given = process.env.BENCH_PYTHON;
  return given === undefined || given === "" ? "/usr/bin/python3" : given;
}

/**
 * glibc malloc tunables that keep freed memory for reuse (no mmap below 32 MiB, no trimming), as
 * our fast kernels' buffer pool and tfjs-wasm's heap do: without them every large PyTorch output
 * is a fresh mmap whose first touch costs ~11 µs a page on this VM. The hand-made figures of
 * bench/README.md were taken this way. A GLIBC_TUNABLES already set is kept.
 */
const MALLOC_TUNABLES =
  "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824";

/** How to get PyTorch, for the skip message and the README. */
export const TORCH_INSTALL =
  "apt-get install -y python3-torch libopenblas0-pthread (Debian), run by /usr/bin/python3";

/** Null when `python()` can import torch; otherwise the reason, for the bench to print. */
export function torchMissing(): string | null {
  const probe = spawnSync(python(), ["-c", "import torch, numpy; print(torch.__version__)"], {
    encoding: "utf8",
  });
  if (probe.error !== undefined) return `${python()} cannot run (${probe.error.message})`;
  if (probe.status !== 0) {
    const why = probe.stderr.trim().split("\n").slice(-1)[0] ?? `exit ${probe.status}`;
    return `${python()} cannot import torch (${why})`;
  }
  return null;
}

type Arrays = Record<string, Float64Array | Int32Array>;

interface TorchOutput {
  seconds: number;
  output?: string;
  predictions?: number[];
  firstLoss?: number;
  version: string;
  threads: number;
  /** The BLAS library torch loaded: "OpenBLAS", or the reference BLAS (25–50× slower). */
  blas: string;
}

/** Writes the arrays and job.json to a temporary folder, runs the script, returns its result. */
function runScript(
  workload: Workload,
  sz: Sizes,
  threads: number,
  arrays: Arrays,
  shapes: Record<string, number[]>,
  read?: (dir: string, out: TorchOutput) => Float32Array,
): { out: TorchOutput; got: Float32Array | null } {
  const dir = mkdtempSync(join(tmpdir(), "bench-torch-"));
  try {
    const files: Record<string, [string, string, number[]]> = {};
    for (const [name, a] of Object.entries(arrays)) {
      const file = `${name}.bin`;
      writeFileSync(join(dir, file), new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
      files[name] = [file, a instanceof Float64Array ? "<f8" : "<i4", shapes[name]];
    }
    writeFileSync(
      join(dir, "job.json"),
      JSON.stringify({ workload, sizes: sz, threads, arrays: files }),
    );
    const child = spawnSync(python(), [SCRIPT, dir], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
      env: { ...process.env, GLIBC_TUNABLES: process.env.GLIBC_TUNABLES ?? MALLOC_TUNABLES },
    });
    const line = child.stdout?.split("\n").find((l) => l.startsWith("BENCH-TORCH "));
    if (line === undefined) {
      const why = (child.stderr || child.error?.message || `exit ${child.status}`).trim();
      throw new Error(`torch_bench.py failed: ${why.split("\n").slice(-1)[0]}`);
    }
    const out = JSON.parse(line.slice("BENCH-TORCH ".length)) as TorchOutput;
    return { out, got: read === undefined ? null : read(dir, out) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const readOutput = (dir: string, out: TorchOutput): Float32Array => {
  const bytes = readFileSync(join(dir, out.output ?? "out.f32"));
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
};

function note(out: TorchOutput): string {
  return `PyTorch ${out.version}, ${out.threads} thread${out.threads === 1 ? "" : "s"}, ${out.blas}`;
}

function w1(s: number, sz: Sizes, threads: number, workload: Workload): Partial {
  const { a, b, want } = matmulData(s);
  const { out, got } = runScript(
    workload,
    sz,
    threads,
    { a, b },
    { a: [s, s], b: [s, s] },
    readOutput,
  );
  const err = relativeError(got!, want);
  return {
    unit: "GFLOP/s",
    value: (2 * s ** 3) / out.seconds / 1e9,
    seconds: out.seconds,
    check: verdict(err < 1e-5, `rel. error ${err.toExponential(1)}`),
    note: note(out),
  };
}

function w4(sz: Sizes, threads: number): Partial {
  const c = sz.conv;
  const { x, w } = convData(c);
  const shapes = { x: [c.n, c.c, c.h, c.w], w: [c.f, c.c, 3, 3] };
  const { out, got } = runScript("W4", sz, threads, { x, w }, shapes, readOutput);
  const d = kernels.conv2dDims([c.n, c.c, c.h, c.w], [c.f, c.c, 3, 3], { padding: 1 });
  const err = relativeError(got!, kernels.conv2dReference(x, w, null, d));
  return {
    unit: "GFLOP/s",
    value: convFlop(c) / out.seconds / 1e9,
    seconds: out.seconds,
    check: verdict(err < 1e-5, `rel. error vs plain loops ${err.toExponential(1)}`),
    note: note(out),
  };
}

/** W2: the weights Glorot-uniform from the same seed as tfjs's, laid out [in, out]. */
function w2(sz: Sizes, threads: number): Partial {
  const { x, labels, n } = digitsData(sz.mlp.limit);
  const rng = new dl.Rng(2);
  const layers: [number, number][] = [
    [64, 128],
    [128, 128],
    [128, 10],
  ];
  const arrays: Arrays = { x, labels };
  const shapes: Record<string, number[]> = { x: [n, 64], labels: [n] };
  layers.forEach(([i, o], k) => {
    arrays[`w${k + 1}`] = glorot(rng, i * o, i, o);
    arrays[`b${k + 1}`] = new Float64Array(o);
    shapes[`w${k + 1}`] = [i, o];
    shapes[`b${k + 1}`] = [o];
  });
  const { out } = runScript("W2", sz, threads, arrays, shapes);
  const right = out.predictions!.filter((p, i) => p === labels[i]).length;
  return {
    unit: "samples/s",
    value: n / out.seconds,
    seconds: out.seconds,
    check: verdict(right / n >= sz.mlp.minAccuracy, `train accuracy ${(right / n).toFixed(3)}`),
    note: note(out),
  };
}

/** W3: filters [F, C, 3, 3] and the dense layer [784, 10], Glorot-uniform, zero biases. */
function w3(sz: Sizes, threads: number): Partial {
  const { images, epochsPerRun } = sz.cnn;
  const { x, labels } = cnnData(images);
  const rng = new dl.Rng(3);
  const arrays: Arrays = {
    x,
    labels,
    k1: glorot(rng, 9 * 8, 9, 72),
    c1: new Float64Array(8),
    k2: glorot(rng, 9 * 8 * 16, 72, 144),
    c2: new Float64Array(16),
    wd: glorot(rng, 7840, 784, 10),
    bd: new Float64Array(10),
  };
  const shapes = {
    x: [images, 1, 28, 28],
    labels: [images],
    k1: [8, 1, 3, 3],
    c1: [8],
    k2: [16, 8, 3, 3],
    c2: [16],
    wd: [784, 10],
    bd: [10],
  };
  const { out } = runScript("W3", sz, threads, arrays, shapes);
  const first = out.firstLoss!;
  const ok = Number.isFinite(first) && Math.abs(first - Math.LN10) < 1;
  return {
    unit: "samples/s",
    value: (images * epochsPerRun) / out.seconds,
    seconds: out.seconds,
    check: verdict(ok, `first loss ${first.toFixed(3)}`),
    note: note(out),
  };
}

function verdict(ok: boolean, detail: string): string {
  return `${ok ? "ok" : "FAILED"}: ${detail}`;
}

/** Runs one workload on PyTorch with `threads` threads. */
export function runTorch(workload: Workload, sz: Sizes, threads: number): Partial {
  if (workload === "W1-256" || workload === "W1-1024")
    return w1(sz.matmul[workload], sz, threads, workload);
  if (workload === "W2") return w2(sz, threads);
  if (workload === "W3") return w3(sz, threads);
  return w4(sz, threads);
}
