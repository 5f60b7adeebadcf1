import { KC, MC, MR, NC, NR } from "./matmul-pack";
import { GEMM_WASM_BASE64 } from "./wasm/gemm-binary";

/** A macro-kernel and the packed buffers it reads (for WebAssembly, views into its memory). */
export interface MacroKernel {
  /** Packed block of a (MC·KC entries) and of b (KC·NC), written by packA / packB. */
  readonly packedA: Float64Array;
  readonly packedB: Float64Array;
  /** out[i0.., j0..] (mc×nc, row stride ldc) += packedA block · packedB block, kc deep. */
  macroKernel(
    out: Float64Array,
    block: { ldc: number; i0: number; mc: number; j0: number; nc: number; kc: number },
  ): void;
  /**
   * The same block's sums themselves, sums[i·ld + j] = Σ_p (each from 0, in p order), in a buffer
   * reused by the next call (WebAssembly only: ./matmul-sums.ts reads them without an output).
   */
  productSums?(block: { mc: number; nc: number; kc: number }): { sums: Float64Array; ld: number };
}

type GemmExports = {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  macro: (a: number, b: number, c: number, mc: number, nc: number, kc: number, ldc: number) => void;
};

/** The part of the WebAssembly API used here (its full types come with lib "dom", not loaded here). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

const BYTES = Float64Array.BYTES_PER_ELEMENT;
const PAGE = 65536;

/**
 * Instantiates ./wasm/gemm.wat (compiled into ./wasm/gemm-binary.ts) and lays out its memory:
 * packed a at byte 0, packed b after it, then the MC×NC block of sums the kernel writes.
 * Returns null where WebAssembly or its SIMD instructions are missing, or where compiling,
 * instantiating or growing its memory fails (a process under `ulimit -v` cannot reserve the
 * memory WebAssembly asks for): the TypeScript kernel is then used. Synchronous: Node compiles a
 * module this small on the spot.
 * Example: const gemm = loadWasmGemm(); if (gemm) packA(a, false, gemm.packedA, …)
 */
export function loadWasmGemm(): MacroKernel | null {
  try {
    return instantiate();
  } catch {
    return null; // e.g. "RangeError: WebAssembly.Instance(): Out of memory"
  }
}

function instantiate(): MacroKernel | null {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm === undefined) return null;
  const bytes = Uint8Array.from(atob(GEMM_WASM_BASE64), (c) => c.charCodeAt(0));
  if (!wasm.validate(bytes)) return null;
  const instance = new wasm.Instance(new wasm.Module(bytes), {});
  const { memory, macro } = instance.exports as GemmExports;
  const aAt = 0;
  const bAt = aAt + MC * KC * BYTES;
  const sumsAt = bAt + KC * NC * BYTES;
  const end = sumsAt + MC * NC * BYTES;
  memory.grow(Math.ceil(end / PAGE) - memory.buffer.byteLength / PAGE);
  const packedA = new Float64Array(memory.buffer, aAt, MC * KC);
  const packedB = new Float64Array(memory.buffer, bAt, KC * NC);
  const sums = new Float64Array(memory.buffer, sumsAt, MC * NC);
  const productSums = ({ mc, nc, kc }: { mc: number; nc: number; kc: number }) => {
    // the kernel stores whole 4×4 tiles: rows of sums are nc rounded up to NR wide
    const width = Math.ceil(nc / NR) * NR;
    macro(aAt, bAt, sumsAt, Math.ceil(mc / MR) * MR, width, kc, width * BYTES);
    return { sums, ld: width };
  };
  return {
    packedA,
    packedB,
    productSums,
    macroKernel(out, { ldc, i0, mc, j0, nc, kc }) {
      const width = productSums({ mc, nc, kc }).ld;
      for (let i = 0; i < mc; i++) {
        const o = (i0 + i) * ldc + j0;
        const s = i * width;
        for (let j = 0; j < nc; j++) out[o + j] += sums[s + j];
      }
    },
  };
}
