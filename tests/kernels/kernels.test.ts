// The kernel interface (lib/kernels/kernels.ts), tried on both implementations: the lecture's
// worked examples, gradients by central differences, the accumulate contract of the backward
// functions; then `fast` against `reference`, bit for bit where they add in the same order
// (matmul up to depth 256, ReLU, pooling, the convolution's forward) and to 1e-12 elsewhere.
import { describe, expect, it } from "vitest";
import { describeFastOptions } from "../each-kernels";
import { conv2dDims, pool2dDims, type Conv2dDims } from "../../lib/kernels/dims";
import { fast } from "../../lib/kernels/fast";
import type { Kernels } from "../../lib/kernels/kernels";
import { reference } from "../../lib/kernels/reference";
import { Rng } from "../../lib/rng";
import { expectClose, randomArray } from "./helpers";

const IMPLEMENTATIONS: Kernels[] = [reference, fast];

/** Values a kernel must carry through exactly: zeros of both signs, infinities, NaN. */
const SPECIAL = [0, -0, 1, -1, 2.5, -2.5, Infinity, -Infinity, NaN];

/** Random numbers with a few special values mixed in (every 7th), for the elementwise kernels. */
function withSpecials(rng: Rng, length: number): Float64Array {
  const out = randomArray(rng, length);
  for (let i = 0; i < length; i += 7) out[i] = SPECIAL[rng.int(0, SPECIAL.length)];
  return out;
}

/** Equal as numbers, NaN equal to NaN, +0 and −0 equal (what `toEqual` does with Array.from). */
const same = (a: Float64Array, b: Float64Array) => expect(Array.from(a)).toEqual(Array.from(b));

describe.each(IMPLEMENTATIONS)("the $name kernels", (k) => {
  it("matmul computes the worked example [[1, 2, 3], [4, 5, 6]] · [[7, 8], [9, 10], [11, 12]]", () => {
    const out = new Float64Array(4);
    k.matmul(Float64Array.of(1, 2, 3, 4, 5, 6), Float64Array.of(7, 8, 9, 10, 11, 12), out, {
      m: 2,
      k: 3,
      n: 2,
    });
    expect(Array.from(out)).toEqual([58, 64, 139, 154]); // 1·7 + 2·9 + 3·11 = 58, …
  });

  it("conv2dForward reproduces the lecture: the first destination value is 5 (no kernel flip)", () => {
    const d = conv2dDims([1, 1, 3, 3], [1, 1, 3, 3], {});
    const x = Float64Array.of(5, 2, 6, 4, 3, 4, 3, 9, 2);
    const w = Float64Array.of(-1, 0, 1, 2, 1, 2, 1, -2, 0);
    // (-1*5)+(0*2)+(1*6)+(2*4)+(1*3)+(2*4)+(1*3)+(-2*9)+(0*2) = 5
    expect(k.conv2dForward(x, w, null, d)[0]).toBe(5);
    expect(k.conv2dForward(x, w, Float64Array.of(0.5), d)[0]).toBe(5.5);
  });

  it("a delta kernel convolves to the identity", () => {
    const rng = new Rng(3);
    const d = conv2dDims([2, 1, 5, 6], [1, 1, 3, 3], { padding: 1 });
    const x = randomArray(rng, 60);
    const delta = Float64Array.of(0, 0, 0, 0, 1, 0, 0, 0, 0);
    same(k.conv2dForward(x, delta, null, d), x);
  });

  it("max pooling of the lecture's 4x4 layer gives [[8, 9], [5, 6]], and routes gradients to the winners", () => {
    const x = Float64Array.of(4, 1, 5, 0, 7, 8, 9, 8, 3, 5, 6, 5, 2, 4, 1, 0);
    const d = pool2dDims([1, 1, 4, 4], { size: 2 });
    const { out, argmax } = k.maxPool2dForward(x, d);
    expect(Array.from(out)).toEqual([8, 9, 5, 6]);
    expect(Array.from(argmax)).toEqual([5, 6, 9, 10]);
    const dx = new Float64Array(16);
    k.maxPool2dBackward(Float64Array.of(1, 2, 3, 4), argmax, dx);
    expect(Array.from(dx)).toEqual([0, 0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 0]);
    expect(Array.from(k.avgPool2dForward(x, d))).toEqual([5, 5.5, 3.5, 3]);
  });

  it("reluForward is max(0, x): NaN stays NaN, −0 becomes 0; reluBackward passes where x > 0 or NaN", () => {
    const x = Float64Array.of(-2, -0, 0, 3, Infinity, -Infinity, NaN);
    expect(Array.from(k.reluForward(x))).toEqual([0, 0, 0, 3, Infinity, 0, NaN]);
    expect(Object.is(k.reluForward(x)[1], 0)).toBe(true);
    const dx = new Float64Array(7).fill(1);
    k.reluBackward(x, Float64Array.of(5, 5, 5, 5, 5, 5, 5), dx);
    expect(Array.from(dx)).toEqual([1, 1, 1, 6, 6, 1, 6]);
  });

  it("backward functions add into the arrays they are given (gradients accumulate)", () => {
    const rng = new Rng(8);
    const d = conv2dDims([2, 2, 5, 5], [3, 2, 3, 3], { padding: 1 });
    const x = randomArray(rng, 100);
    const w = randomArray(rng, 54);
    const g = randomArray(rng, d.n * d.f * d.oh * d.ow);
    const fresh = { dx: new Float64Array(100), dw: new Float64Array(54), db: new Float64Array(3) };
    k.conv2dBackward(x, w, g, d, fresh);
    const twice = { dx: new Float64Array(100), dw: new Float64Array(54), db: new Float64Array(3) };
    k.conv2dBackward(x, w, g, d, twice);
    k.conv2dBackward(x, w, g, d, twice);
    expectClose(
      twice.dx,
      fresh.dx.map((v) => 2 * v),
      1e-14,
    );
    expectClose(
      twice.dw,
      fresh.dw.map((v) => 2 * v),
      1e-14,
    );
    expectClose(
      twice.db,
      fresh.db.map((v) => 2 * v),
      1e-14,
    );
    const onlyW = { dx: null, dw: new Float64Array(54), db: null };
    k.conv2dBackward(x, w, g, d, onlyW);
    same(onlyW.dw, fresh.dw);
    const pd = pool2dDims([1, 2, 4, 4], { size: 2 });
    const gp = randomArray(rng, 8);
    const [zeros, ones] = [new Float64Array(32), new Float64Array(32).fill(1)];
    k.avgPool2dBackward(gp, pd, zeros);
    k.avgPool2dBackward(gp, pd, ones);
    same(
      ones,
      zeros.map((v) => 1 + v),
    );
  });

  it("conv2dBackward matches central differences of Σ out · g (stride 2, padding 1)", () => {
    const rng = new Rng(5);
    const d = conv2dDims([1, 2, 5, 4], [3, 2, 3, 2], { stride: 2, padding: 1 });
    const x = randomArray(rng, 40);
    const w = randomArray(rng, 36);
    const b = randomArray(rng, 3);
    const g = randomArray(rng, d.n * d.f * d.oh * d.ow);
    const loss = (): number => k.conv2dForward(x, w, b, d).reduce((s, v, i) => s + v * g[i], 0);
    const grads = { dx: new Float64Array(40), dw: new Float64Array(36), db: new Float64Array(3) };
    k.conv2dBackward(x, w, g, d, grads);
    const eps = 1e-6;
    for (const [arr, grad] of [
      [x, grads.dx],
      [w, grads.dw],
      [b, grads.db],
    ] as const) {
      for (let i = 0; i < arr.length; i++) {
        const old = arr[i];
        arr[i] = old + eps;
        const up = loss();
        arr[i] = old - eps;
        const down = loss();
        arr[i] = old;
        expect(grad[i]).toBeCloseTo((up - down) / (2 * eps), 6);
      }
    }
  });

  it("average pooling backward is the adjoint of forward: <avg(x), g> = <x, avgBack(g)>", () => {
    const rng = new Rng(9);
    const d = pool2dDims([2, 3, 7, 6], { size: 3, stride: 2 });
    const x = randomArray(rng, d.n * d.c * d.h * d.w);
    const g = randomArray(rng, d.n * d.c * d.oh * d.ow);
    const dx = new Float64Array(x.length);
    k.avgPool2dBackward(g, d, dx);
    const lhs = k.avgPool2dForward(x, d).reduce((s, v, i) => s + v * g[i], 0);
    expect(lhs).toBeCloseTo(
      dx.reduce((s, v, i) => s + v * x[i], 0),
      12,
    );
  });

  it("allocate gives zeros of the length asked; release and keep take any array", () => {
    for (const n of [0, 3, 1024, 5000]) {
      const a = k.allocate(n);
      expect(a.length).toBe(n);
      expect(a.every((v) => v === 0)).toBe(true);
      k.keep(a);
      k.release(a);
      k.release(new Float64Array(n));
    }
  });
});

/** Random conv sizes: channels, kernel, image, stride and padding (C·KH·KW at most 4·3·3 = 36). */
function randomConv(rng: Rng): Conv2dDims {
  const c = rng.int(1, 5);
  const kh = rng.int(1, 4);
  const kw = rng.int(1, 4);
  const xShape = [rng.int(1, 4), c, rng.int(kh, 12), rng.int(kw, 12)];
  return conv2dDims(xShape, [rng.int(1, 6), c, kh, kw], {
    stride: rng.int(1, 4),
    padding: rng.int(0, 3),
  });
}

describeFastOptions("fast against reference", () => {
  it("matmul: the same bits for k ≤ 256 from a zero output, every transA/transB", () => {
    const rng = new Rng(1);
    const sizes = [1, 3, 7, 17, 33, 65, 256];
    for (const m of sizes.slice(0, 6)) {
      for (const kk of sizes) {
        const n = sizes[rng.int(0, 6)];
        for (const transA of [false, true]) {
          for (const transB of [false, true]) {
            const a = randomArray(rng, m * kk);
            const b = randomArray(rng, kk * n);
            const [f, r] = [new Float64Array(m * n), new Float64Array(m * n)];
            fast.matmul(a, b, f, { m, k: kk, n, transA, transB });
            reference.matmul(a, b, r, { m, k: kk, n, transA, transB });
            same(f, r);
          }
        }
      }
    }
  });

  it("matmul: equal to 1e-12 with accumulate and across cache-block edges (k > 256, n > 1024, m > 128)", () => {
    const rng = new Rng(2);
    const table = [
      { m: 130, k: 300, n: 9 },
      { m: 5, k: 513, n: 1030, transB: true },
      { m: 131, k: 257, n: 6, transA: true, accumulate: true },
      { m: 40, k: 40, n: 40, accumulate: true },
    ];
    for (const dims of table) {
      const a = randomArray(rng, dims.m * dims.k);
      const b = randomArray(rng, dims.k * dims.n);
      const f = randomArray(rng, dims.m * dims.n);
      const r = Float64Array.from(f);
      fast.matmul(a, b, f, dims);
      reference.matmul(a, b, r, dims);
      expectClose(f, r, 1e-12);
    }
  });

  it("matmul leaves out past m×n untouched and ignores stale packed panels of a larger call", () => {
    const rng = new Rng(3);
    fast.matmul(randomArray(rng, 1600), randomArray(rng, 1600), new Float64Array(1600), {
      m: 40,
      k: 40,
      n: 40,
    });
    const a = randomArray(rng, 21 * 19);
    const b = randomArray(rng, 19 * 23);
    const out = new Float64Array(21 * 23 + 5).fill(7);
    const ref = new Float64Array(21 * 23);
    fast.matmul(a, b, out, { m: 21, k: 19, n: 23 });
    reference.matmul(a, b, ref, { m: 21, k: 19, n: 23 });
    same(out.subarray(0, ref.length), ref);
    expect(Array.from(out.subarray(ref.length))).toEqual([7, 7, 7, 7, 7]);
  });

  it("conv2d: forward the same bits (with and without bias); backward equal to 1e-12", () => {
    const rng = new Rng(11);
    for (let trial = 0; trial < 40; trial++) {
      const d = randomConv(rng);
      const x = randomArray(rng, d.n * d.c * d.h * d.w);
      const w = randomArray(rng, d.f * d.c * d.kh * d.kw);
      const bias = trial % 2 === 0 ? randomArray(rng, d.f) : null;
      same(fast.conv2dForward(x, w, bias, d), reference.conv2dForward(x, w, bias, d));
      const g = randomArray(rng, d.n * d.f * d.oh * d.ow);
      const grads = () => ({
        dx: new Float64Array(x.length),
        dw: new Float64Array(w.length),
        db: new Float64Array(d.f),
      });
      const [f, r] = [grads(), grads()];
      fast.conv2dBackward(x, w, g, d, f);
      reference.conv2dBackward(x, w, g, d, r);
      expectClose(f.dx, r.dx, 1e-12);
      expectClose(f.dw, r.dw, 1e-12);
      expectClose(f.db, r.db, 1e-12);
    }
  });

  it("conv2d with more than 256 products per output (C·KH·KW = 288): forward equal to 1e-12", () => {
    const rng = new Rng(12);
    const d = conv2dDims([2, 32, 6, 6], [4, 32, 3, 3], { padding: 1 });
    const x = randomArray(rng, 2 * 32 * 36);
    const w = randomArray(rng, 4 * 288);
    expectClose(fast.conv2dForward(x, w, null, d), reference.conv2dForward(x, w, null, d), 1e-12);
  });

  it("pooling: max and average, forward and backward, the same bits on random shapes with NaN and ties", () => {
    const rng = new Rng(7);
    for (let trial = 0; trial < 40; trial++) {
      const size = rng.int(1, 4);
      const d = pool2dDims([rng.int(1, 3), rng.int(1, 4), rng.int(size, 12), rng.int(size, 12)], {
        size,
        stride: rng.int(1, 4),
      });
      const x = withSpecials(rng, d.n * d.c * d.h * d.w);
      if (trial % 3 === 0) x.fill(1.5, 0, x.length / 2); // ties
      const f = fast.maxPool2dForward(x, d);
      const r = reference.maxPool2dForward(x, d);
      same(f.out, r.out);
      expect(Array.from(f.argmax)).toEqual(Array.from(r.argmax));
      same(fast.avgPool2dForward(x, d), reference.avgPool2dForward(x, d));
      const g = randomArray(rng, d.n * d.c * d.oh * d.ow);
      const [fm, rm] = [new Float64Array(x.length), new Float64Array(x.length)];
      fast.maxPool2dBackward(g, f.argmax, fm);
      reference.maxPool2dBackward(g, r.argmax, rm);
      same(fm, rm);
      const [fa, ra] = [new Float64Array(x.length), new Float64Array(x.length)];
      fast.avgPool2dBackward(g, d, fa);
      reference.avgPool2dBackward(g, d, ra);
      same(fa, ra);
    }
  });

  it("relu: forward and backward the same bits, special values in x and in gradOut included", () => {
    const rng = new Rng(13);
    for (const n of [1, 7, 1024, 3000]) {
      const x = withSpecials(rng, n);
      same(fast.reluForward(x), reference.reluForward(x));
      for (const g of [randomArray(rng, n), withSpecials(rng, n)]) {
        const start = randomArray(rng, n);
        const [f, r] = [Float64Array.from(start), Float64Array.from(start)];
        fast.reluBackward(x, g, f);
        reference.reluBackward(x, g, r);
        same(f, r);
      }
    }
  });
});
