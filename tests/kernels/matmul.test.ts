import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Rng } from "../../lib/data/rng";
import { ArgumentError } from "../../lib/errors";
import {
  matmulBackend,
  matmulInto,
  setMatmulBackend,
  type MatmulBackend,
} from "../../lib/kernels/matmul";
import { matmulReference } from "../../lib/kernels/matmul-reference";
import { loadWasmGemm } from "../../lib/kernels/matmul-wasm";
import { expectClose, randomArray } from "./helpers";

const sizes = [1, 3, 7, 17, 33, 65];
const flags = [false, true];

const backends: MatmulBackend[] = ["wasm", "js"];

describe.each(backends)("matmulInto on the %s micro-kernel", (name) => {
  let previous: MatmulBackend;
  beforeEach(() => {
    previous = setMatmulBackend(name);
  });
  afterEach(() => {
    setMatmulBackend(previous);
  });

  it("matmulInto(a, b, out, {m: 2, k: 3, n: 2}) computes the worked example", () => {
    // [[1, 2, 3], [4, 5, 6]] · [[7, 8], [9, 10], [11, 12]]: 1*7 + 2*9 + 3*11 = 58, …
    const out = new Float64Array(4);
    matmulInto(
      Float64Array.from([1, 2, 3, 4, 5, 6]),
      Float64Array.from([7, 8, 9, 10, 11, 12]),
      out,
      {
        m: 2,
        k: 3,
        n: 2,
      },
    );
    expect(Array.from(out)).toEqual([58, 64, 139, 154]);
  });

  it("matches the reference for odd sizes and every transA/transB/accumulate (rel. error < 1e-12)", () => {
    const rng = new Rng(1);
    let cases = 0;
    for (const m of sizes) {
      for (const k of sizes) {
        const n = sizes[rng.int(0, sizes.length)];
        for (const transA of flags) {
          for (const transB of flags) {
            for (const accumulate of flags) {
              const a = randomArray(rng, m * k);
              const b = randomArray(rng, k * n);
              const start = randomArray(rng, m * n);
              const fast = Float64Array.from(start);
              const ref = Float64Array.from(start);
              const dims = { m, k, n, transA, transB, accumulate };
              matmulInto(a, b, fast, dims);
              matmulReference(a, b, ref, dims);
              expectClose(fast, ref, 1e-12);
              cases++;
            }
          }
        }
      }
    }
    expect(cases).toBe(sizes.length * sizes.length * 8);
  });

  it("matches the reference across cache-block edges (k > 256, n > 1024, m > 128)", () => {
    const rng = new Rng(2);
    const table = [
      { m: 130, k: 300, n: 9 },
      { m: 5, k: 513, n: 1030, transB: true },
      { m: 131, k: 257, n: 6, transA: true, accumulate: true },
    ];
    for (const dims of table) {
      const a = randomArray(rng, dims.m * dims.k);
      const b = randomArray(rng, dims.k * dims.n);
      const fast = randomArray(rng, dims.m * dims.n);
      const ref = Float64Array.from(fast);
      matmulInto(a, b, fast, dims);
      matmulReference(a, b, ref, dims);
      expectClose(fast, ref, 1e-12);
    }
  });

  it("leaves out past m×n untouched and ignores stale scratch from a previous larger call", () => {
    const rng = new Rng(3);
    const big = { m: 40, k: 40, n: 40 };
    matmulInto(randomArray(rng, 1600), randomArray(rng, 1600), new Float64Array(1600), big);
    const a = randomArray(rng, 21 * 19);
    const b = randomArray(rng, 19 * 23);
    const out = new Float64Array(21 * 23 + 5).fill(7);
    const ref = new Float64Array(21 * 23);
    matmulInto(a, b, out, { m: 21, k: 19, n: 23 });
    matmulReference(a, b, ref, { m: 21, k: 19, n: 23 });
    expectClose(out.subarray(0, ref.length), ref, 1e-12);
    expect(Array.from(out.subarray(ref.length))).toEqual([7, 7, 7, 7, 7]);
  });
});

describe("the wasm and js micro-kernels", () => {
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
      const results = backends.map((name) => {
        const previous = setMatmulBackend(name);
        const out = Float64Array.from(start);
        matmulInto(a, b, out, dims);
        setMatmulBackend(previous);
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
    expect(matmulBackend()).toBe("wasm");
  });

  it("setMatmulBackend returns the previous choice and rejects other names by name", () => {
    const previous = setMatmulBackend("js");
    expect(matmulBackend()).toBe("js");
    expect(setMatmulBackend(previous)).toBe("js");
    expect(() => setMatmulBackend("gpu" as MatmulBackend)).toThrow(ArgumentError);
    expect(() => setMatmulBackend("gpu" as MatmulBackend)).toThrow(
      'setMatmulBackend: expected "wasm" or "js", got gpu',
    );
    expect(matmulBackend()).toBe(previous);
  });
});
