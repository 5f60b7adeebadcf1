// Products read straight off the matrix product's sums (lib/kernels/fast/matmul-sums.ts: matmulInto
// for one block; conv2d-sums.ts: the convolution's bias and col2im) give the bits of the path they
// replace, the product added into a zero-filled array: on odd shapes, ragged panels, every
// transpose, both micro-kernels, NaN and infinities, and onto gradients that already hold values.
import { afterEach, describe, expect, it } from "vitest";
import { conv2dDims } from "../../../lib/kernels/dims";
import { conv2dBackward, conv2dForward } from "../../../lib/kernels/fast/conv2d";
import { col2im, im2col } from "../../../lib/kernels/fast/im2col";
import { active, matmulInto, setMicroKernel } from "../../../lib/kernels/fast/matmul";
import { packB } from "../../../lib/kernels/fast/matmul-pack";
import { withProductSums } from "../../../lib/kernels/fast/matmul-sums";
import { Rng } from "../../../lib/rng";
import { randomArray } from "../helpers";

type Dims = ReturnType<typeof conv2dDims>;

/** dx the way conv2dBackward made it before: wᵀ · g into a dcols array, then col2im, per image. */
function dxThroughArray(w: Float64Array, g: Float64Array, d: Dims, start: Float64Array) {
  const ckk = d.c * d.kh * d.kw;
  const plane = d.oh * d.ow;
  const dx = Float64Array.from(start);
  const dcols = new Float64Array(ckk * plane);
  for (let b = 0; b < d.n; b++) {
    const gb = g.subarray(b * d.f * plane, (b + 1) * d.f * plane);
    matmulInto(w, gb, dcols, { m: ckk, k: d.f, n: plane, transA: true });
    col2im(dcols, d, dx, b * d.c * d.h * d.w);
  }
  return dx;
}

/** The forward pass through arrays: im2col, matmulInto, then + bias, per image. */
function forwardThroughArray(x: Float64Array, w: Float64Array, bias: Float64Array | null, d: Dims) {
  const ckk = d.c * d.kh * d.kw;
  const plane = d.oh * d.ow;
  const out = new Float64Array(d.n * d.f * plane);
  const cols = new Float64Array(ckk * plane);
  for (let b = 0; b < d.n; b++) {
    im2col(x, b * d.c * d.h * d.w, d, cols);
    matmulInto(w, cols, out.subarray(b * d.f * plane), { m: d.f, k: ckk, n: plane });
  }
  if (bias !== null)
    for (let i = 0; i < out.length; i++) out[i] += bias[Math.floor(i / plane) % d.f];
  return out;
}

/** Some entries NaN, +Infinity and −Infinity (seeded), the rest as given. */
function withSpecials(rng: Rng, a: Float64Array): Float64Array {
  const out = Float64Array.from(a);
  const specials = [NaN, Infinity, -Infinity];
  for (let s = 0; s < 3; s++) out[Math.floor(rng.uniform(0, out.length))] = specials[s];
  return out;
}

// [n, c, h, w, f, k, stride, padding]: planes not a multiple of 4 (ragged last panel), strides,
// paddings, C·KH·KW up to 125 (one block) and 144 (more than 128 rows: the usual path)
const cases: number[][] = [
  [2, 1, 28, 28, 8, 3, 1, 1],
  [3, 8, 14, 14, 16, 3, 1, 1],
  [1, 3, 9, 7, 5, 3, 2, 1],
  [2, 2, 11, 13, 7, 2, 3, 2],
  [1, 5, 5, 5, 33, 5, 1, 0],
  [2, 16, 10, 9, 32, 3, 1, 2],
  [2, 7, 6, 15, 3, 1, 1, 0],
  [2, 4, 13, 11, 9, 3, 2, 1],
];

describe.each(["wasm", "js"] as const)(
  "conv2d from the product's sums (%s micro-kernel)",
  (micro) => {
    afterEach(() => setMicroKernel("wasm"));

    it.each(cases)(
      "forward equals im2col + matmulInto + bias bit for bit: x [%i, %i, %i, %i], %i filters of %i², stride %i, pad %i",
      (n, c, h, width, f, k, stride, padding) => {
        setMicroKernel(micro);
        const rng = new Rng(n * 1000 + c * 100 + h + 11);
        const d = conv2dDims([n, c, h, width], [f, c, k, k], { stride, padding });
        const x = randomArray(rng, n * c * h * width);
        const w = randomArray(rng, f * c * k * k);
        const bias = randomArray(rng, f);
        expect(conv2dForward(x, w, null, d)).toEqual(forwardThroughArray(x, w, null, d));
        expect(conv2dForward(x, w, bias, d)).toEqual(forwardThroughArray(x, w, bias, d));
        const xs = withSpecials(rng, x);
        const bs = withSpecials(rng, bias);
        expect(conv2dForward(xs, w, bs, d)).toEqual(forwardThroughArray(xs, w, bs, d));
      },
    );

    it.each(cases)(
      "dx equals wᵀ · g into an array, then col2im, bit for bit, onto a dx holding values: x [%i, %i, %i, %i], %i filters of %i², stride %i, pad %i",
      (n, c, h, width, f, k, stride, padding) => {
        setMicroKernel(micro);
        const rng = new Rng(n * 1000 + c * 100 + h + 13);
        const d = conv2dDims([n, c, h, width], [f, c, k, k], { stride, padding });
        const x = randomArray(rng, n * c * h * width);
        const w = randomArray(rng, f * c * k * k);
        const g = randomArray(rng, n * f * d.oh * d.ow);
        for (const start of [new Float64Array(x.length), randomArray(rng, x.length)]) {
          const dx = Float64Array.from(start);
          conv2dBackward(x, w, g, d, { dx, dw: null, db: null });
          expect(dx).toEqual(dxThroughArray(w, g, d, start));
        }
        const gs = withSpecials(rng, g);
        const ws = withSpecials(rng, w);
        const dx = new Float64Array(x.length);
        conv2dBackward(x, ws, gs, d, { dx, dw: null, db: null });
        expect(dx).toEqual(dxThroughArray(ws, gs, d, new Float64Array(x.length)));
        expect(dx.some(Number.isNaN)).toBe(true);
      },
    );
  },
);

describe("withProductSums", () => {
  afterEach(() => setMicroKernel("wasm"));
  const never = () => {
    throw new Error("must not be called");
  };

  it("hands over op(a) · b with rows ld apart: matmulInto's numbers, ragged width", () => {
    const rng = new Rng(21);
    const table = [
      { m: 5, k: 7, n: 130, transA: false },
      { m: 72, k: 16, n: 196, transA: true },
      { m: 128, k: 256, n: 9, transA: true },
    ];
    for (const { m, k, n, transA } of table) {
      const a = randomArray(rng, m * k);
      const b = randomArray(rng, k * n);
      const want = new Float64Array(m * n);
      matmulInto(a, b, want, { m, k, n, transA });
      const got = new Float64Array(m * n);
      const fill = (dst: Float64Array) =>
        packB(b, false, dst, { k, n, p0: 0, kc: k, j0: 0, nc: n });
      const done = withProductSums(active(), a, transA, { m, k, n }, fill, (sums, ld) => {
        expect(ld).toBe(Math.ceil(n / 4) * 4);
        for (let i = 0; i < m; i++) got.set(sums.subarray(i * ld, i * ld + n), i * n);
      });
      expect(done).toBe(true);
      expect(got).toEqual(want);
    }
  });

  it("declines, calling nothing, below the packing size, past one block, and on the js kernel", () => {
    const a = new Float64Array(300 * 300);
    expect(withProductSums(active(), a, false, { m: 2, k: 2, n: 2 }, never, never)).toBe(false);
    expect(withProductSums(active(), a, false, { m: 129, k: 8, n: 8 }, never, never)).toBe(false);
    expect(withProductSums(active(), a, false, { m: 8, k: 257, n: 8 }, never, never)).toBe(false);
    expect(withProductSums(active(), a, false, { m: 8, k: 8, n: 1025 }, never, never)).toBe(false);
    setMicroKernel("js");
    expect(withProductSums(active(), a, false, { m: 64, k: 64, n: 64 }, never, never)).toBe(false);
  });

  it("lets matmulInto copy one block's sums: the old zero fill + add's bits, all transposes, NaN and ±Infinity, garbage in out", () => {
    const rng = new Rng(22);
    const shapes = [
      { m: 3, k: 40, n: 37 },
      { m: 32, k: 64, n: 128 },
      { m: 32, k: 128, n: 10 },
      { m: 128, k: 256, n: 1023 },
    ];
    for (const shape of shapes) {
      for (const transA of [false, true]) {
        for (const transB of [false, true]) {
          const dims = { ...shape, transA, transB };
          const a = withSpecials(rng, randomArray(rng, shape.m * shape.k));
          const b = withSpecials(rng, randomArray(rng, shape.k * shape.n));
          const garbage = randomArray(rng, shape.m * shape.n + 3);
          const [viaSums, viaAdd] = (["wasm", "js"] as const).map((micro) => {
            setMicroKernel(micro); // "js" takes the zero fill + add path
            const out = Float64Array.from(garbage);
            matmulInto(a, b, out, dims);
            return out;
          });
          expect(viaSums).toEqual(viaAdd);
          expect(viaSums.subarray(shape.m * shape.n)).toEqual(garbage.subarray(shape.m * shape.n));
        }
      }
    }
  });
});
