// The fast matrix product's two micro-kernels (WebAssembly SIMD and TypeScript) and the loader.
// Its agreement with the reference loops is in tests/kernels/kernels.test.ts.
import { afterEach, describe, expect, it } from "vitest";
import { ArgumentError } from "../../../lib/errors";
import {
  type MicroKernel,
  matmulInto,
  microKernel,
  setMicroKernel,
} from "../../../lib/kernels/fast/matmul";
import { loadWasmGemm } from "../../../lib/kernels/fast/matmul-wasm";
import { Rng } from "../../../lib/rng";
import { randomArray } from "../helpers";

const MICRO_KERNELS: MicroKernel[] = ["wasm", "js"];

describe("the wasm and js micro-kernels", () => {
  afterEach(() => setMicroKernel("wasm"));

  it("give the same bits on random shapes, transposes and block edges", () => {
    const rng = new Rng(4);
    const table = [
      { m: 4, k: 256, n: 4 },
      { m: 37, k: 9, n: 785 },
      { m: 130, k: 300, n: 1030, transA: true },
      { m: 16, k: 72, n: 196, transB: true, accumulate: true },
      { m: 129, k: 513, n: 3 },
    ];
    for (const dims of table) {
      const a = randomArray(rng, dims.m * dims.k);
      const b = randomArray(rng, dims.k * dims.n);
      const start = randomArray(rng, dims.m * dims.n);
      const results = MICRO_KERNELS.map((name) => {
        setMicroKernel(name);
        const out = Float64Array.from(start);
        matmulInto(a, b, out, dims);
        return out;
      });
      expect(results[0]).toEqual(results[1]);
    }
  });

  it("fall back to TypeScript where WebAssembly is missing: the loader returns null", () => {
    const g = globalThis as { WebAssembly?: unknown };
    const saved = g.WebAssembly;
    g.WebAssembly = undefined;
    try {
      expect(loadWasmGemm()).toBeNull();
    } finally {
      g.WebAssembly = saved;
    }
    expect(loadWasmGemm()).not.toBeNull();
  });

  it("default to wasm where WebAssembly SIMD exists (Node 20 has it)", () => {
    expect(microKernel()).toBe("wasm");
  });

  it("setMicroKernel switches, and rejects other names naming the option", () => {
    setMicroKernel("js");
    expect(microKernel()).toBe("js");
    expect(() => setMicroKernel("gpu" as MicroKernel)).toThrow(ArgumentError);
    expect(() => setMicroKernel("gpu" as MicroKernel)).toThrow(
      'kernels.use: the fast matmul must be "wasm" or "js", got "gpu"',
    );
    expect(microKernel()).toBe("js");
  });
});
