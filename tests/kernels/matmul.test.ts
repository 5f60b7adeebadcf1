import { describe, expect, it } from "vitest";
import { Rng } from "../../lib/data/rng";
import { matmulInto } from "../../lib/kernels/matmul";
import { matmulReference } from "../../lib/kernels/matmul-reference";
import { expectClose, randomArray } from "./helpers";

const sizes = [1, 3, 7, 17, 33, 65];
const flags = [false, true];

describe("matmulInto", () => {
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
