import { ArgumentError } from "../../errors";
import type { MatmulDims } from "../kernels";
import { matmul as matmulReference } from "../reference/matmul";
import { macroKernelJs } from "./matmul-micro";
import { KC, MC, NC, NR, SMALL, packA, packB } from "./matmul-pack";
import { productInto } from "./matmul-sums";
import { type MacroKernel, loadWasmGemm } from "./matmul-wasm";
import { type Inputs, type Task, shareRange } from "./thread-control";
import { runSplit, workersAvailable } from "./thread-pool";

// From this many multiply-adds on, the product is split across the worker threads when there are
// any (waking a worker and staging the arrays in shared memory costs ~0.1 ms; this is ~0.2 ms of work).
const THREADED = 1 << 21;

/** Where the micro-kernel runs: WebAssembly SIMD, or plain TypeScript (same bits either way). */
export type MicroKernel = "wasm" | "js";

// The packed panels live in the WebAssembly module's memory when it loads, else in the
// TypeScript kernel's own buffers; either way they are reused by every call (a freshly touched
// 4 KiB page costs ~11 µs on the course VM, more than small products).
const wasm = loadWasmGemm();
let ts: MacroKernel | null = null;
let backend: MicroKernel = wasm === null ? "js" : "wasm";

/**
 * Chooses the micro-kernel (`dl.kernels.use("fast", { matmul })` calls it): "wasm" (the default
 * where WebAssembly SIMD exists) or "js". Both give the same bits; "js" is the readable fallback,
 * kept for comparison. Throws ArgumentError for another name, or "wasm" where it could not be loaded.
 */
export function setMicroKernel(name: MicroKernel): void {
  if (name !== "wasm" && name !== "js") {
    throw new ArgumentError(
      `kernels.use: the fast matmul must be "wasm" or "js", got ${JSON.stringify(name) ?? String(name)}`,
    );
  }
  if (name === "wasm" && wasm === null) {
    throw new ArgumentError(
      'kernels.use: the "wasm" matmul is unavailable here (no WebAssembly SIMD); use "js"',
    );
  }
  backend = name;
}

/** The micro-kernel in use: "wasm" or "js". */
export function microKernel(): MicroKernel {
  return backend;
}

/** The micro-kernel chosen when none is asked for: "wasm" where it loaded, else "js". */
export function defaultMicroKernel(): MicroKernel {
  return wasm === null ? "js" : "wasm";
}

/** The active backend's packed buffers and macro-kernel (the TypeScript one made on first use). */
export function active(): MacroKernel {
  if (backend === "wasm" && wasm !== null) return wasm;
  if (ts === null) {
    const packedA = new Float64Array(MC * KC);
    const packedB = new Float64Array(KC * NC);
    ts = {
      packedA,
      packedB,
      macroKernel: (out, block) => macroKernelJs(packedA, packedB, out, block),
    };
  }
  return ts;
}

/**
 * Matrix multiplication, fast: out (m×n) = op(a) · op(b), optionally added into out.
 *
 *   out[i, j] (+)= Σ_p op(a)[i, p] · op(b)[p, j]
 *
 * Same contract and result as the reference `matmul` (the same bits when k ≤ 256 and out starts at zero). Blocked for the caches, with a
 * and b packed into contiguous panels (which also absorbs transA / transB: all four variants run
 * at the same speed) and a 4×4 register-tiled micro-kernel, in WebAssembly SIMD where available
 * (./wasm/gemm.wat) else TypeScript (./matmul-micro.ts). Tensor ops and layers call it.
 * Example: matmulInto(a, b, out, { m: 2, k: 3, n: 4, transB: true });
 */
export function matmulInto(
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
  dims: MatmulDims,
): void {
  const { m, k, n, accumulate = false } = dims;
  if (m * n * k < SMALL) {
    matmulReference(a, b, out, dims);
    return;
  }
  // Split the longer side of out between the threads: every out[i, j] is still summed by one
  // thread in the single-thread order, so the bits are the same for any split.
  const byRows = m >= n;
  const side = byRows ? m : n;
  const shares = Math.min(workersAvailable() + 1, Math.floor(side / 8));
  if (shares < 2 || m * n * k < THREADED) {
    if (!accumulate && productInto(active(), a, b, out, dims)) return; // one block: no zero fill
    matmulBlock(a, b, out, dims, [0, m, 0, n]);
    return;
  }
  const block = (share: number): Block => {
    const [lo, hi] = shareRange(side, share, shares, 4);
    return byRows ? [lo, hi, 0, n] : [0, m, lo, hi];
  };
  // the workers' rows of a (all of it when it is stored transposed), all of b, their part of out
  const [r0, , c0] = block(1);
  const inputs: Inputs = {
    a: byRows && !dims.transA ? [r0 * k, m * k] : [0, m * k],
    b: [0, k * n],
    ...(accumulate ? { out: byRows ? [r0 * n, m * n] : [c0, m * n] } : {}),
  };
  const task: Task = { op: "matmul", dims, byRows, firstShare: 1, shares, inputs };
  const arrays = { a: a.subarray(0, m * k), b: b.subarray(0, k * n), out: out.subarray(0, m * n) };
  runSplit(
    task,
    arrays,
    shares - 1,
    () => matmulBlock(a, b, out, dims, block(0)),
    (staged, share) => {
      const [sa, sb, so] = [staged.a, staged.b, staged.out] as Float64Array[];
      matmulBlock(sa, sb, so, dims, block(share)); // a worker's share, run here (runSplit)
    },
    (staged, share) => copyBlock(staged.out as Float64Array, out, n, block(share)),
  );
}

/** Rows [i0, i1) and columns [j0, j1) of a matrix. */
export type Block = [i0: number, i1: number, j0: number, j1: number];

/**
 * The block [i0, i1) × [j0, j1) of out = op(a) · op(b) (or out += … with `accumulate`), by the
 * blocked, packed loops: what one thread computes of `matmulInto` (./thread-worker.ts runs the
 * other shares). Each entry gets the same bits whatever the block: its sums run over p in order,
 * in KC-deep steps from p = 0. Example: matmulBlock(a, b, out, { m, k, n }, [0, m, 0, n]);
 */
export function matmulBlock(
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
  dims: MatmulDims,
  [r0, r1, c0, c1]: Block,
): void {
  const { m, k, n, transA = false, transB = false, accumulate = false } = dims;
  const { packedA, packedB, macroKernel } = active();
  if (!accumulate) for (let i = r0; i < r1; i++) out.fill(0, i * n + c0, i * n + c1);
  for (let j0 = c0; j0 < c1; j0 += NC) {
    const nc = Math.min(NC, c1 - j0);
    for (let p0 = 0; p0 < k; p0 += KC) {
      const kc = Math.min(KC, k - p0);
      packB(b, transB, packedB, { k, n, p0, kc, j0, nc });
      for (let i0 = r0; i0 < r1; i0 += MC) {
        const mc = Math.min(MC, r1 - i0);
        packA(a, transA, packedA, { m, k, i0, mc, p0, kc });
        macroKernel(out, { ldc: n, i0, mc, j0, nc, kc });
      }
    }
  }
}

/** Copies the block of `from` into `to` (both row-major, n wide). */
function copyBlock(from: Float64Array, to: Float64Array, n: number, [i0, i1, j0, j1]: Block): void {
  if (from.buffer === to.buffer) return; // the worker wrote in place (`to` is in shared memory)
  if (j0 === 0 && j1 === n) {
    to.set(from.subarray(i0 * n, i1 * n), i0 * n);
    return;
  }
  for (let i = i0; i < i1; i++) to.set(from.subarray(i * n + j0, i * n + j1), i * n + j0);
}

/**
 * `out += a · B` (no transposes; each out value gets its whole sum at once, `out + Σₚ`), where
 * the caller writes B straight into the packed panel layout, skipping the intermediate B matrix
 * and its packing pass: `fillB(packed, width)` must set
 * packed[⌊j/width⌋·width·k + p·width + j mod width] = B[p, j] for every p < k,
 * j < ⌈n/width⌉·width (zeros past n). The convolution uses it with an im2col that writes panels
 * (lesson 7's fast path). The arithmetic is `matmulInto`'s with `accumulate`, bit for bit.
 * Returns false, doing nothing, when the problem is too small or does not fit one cache block
 * (k > 256 or n > 1024): the caller then uses `matmulInto`.
 * Shapes: a [m, k], out [m, n]. Example: matmulIntoPackedB(w, out, { m, k, n }, fill)
 */
export function matmulIntoPackedB(
  a: Float64Array,
  out: Float64Array,
  dims: { m: number; k: number; n: number },
  fillB: (packed: Float64Array, width: number) => void,
): boolean {
  const { m, k, n } = dims;
  if (m * n * k < SMALL || k > KC || n > NC) return false;
  const { packedA, packedB, macroKernel } = active();
  fillB(packedB, NR);
  for (let i0 = 0; i0 < m; i0 += MC) {
    const mc = Math.min(MC, m - i0);
    packA(a, false, packedA, { m, k, i0, mc, p0: 0, kc: k });
    macroKernel(out, { ldc: n, i0, mc, j0: 0, nc: n, kc: k });
  }
  return true;
}
