/**
 * The workloads' data, made the same way for every engine (seeded, float64 here; tfjs copies it
 * to float32). Creating it is never timed.
 */
import { dl, kernels, type DL } from "./engine";
import type { Sizes } from "./protocol";

/** `length` entries U(low, high) from a seeded generator. */
export function uniform(rng: DL.Rng, length: number, low: number, high: number): Float64Array {
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = rng.uniform(low, high);
  return out;
}

/** `length` entries N(0, 1) from a seeded generator. */
export function normal(rng: DL.Rng, length: number): Float64Array {
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = rng.normal(0, 1);
  return out;
}

/** Glorot-uniform weights: U(±√(6 / (fanIn + fanOut))). */
export function glorot(rng: DL.Rng, length: number, fanIn: number, fanOut: number): Float64Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return uniform(rng, length, -limit, limit);
}

/** W1: A and B (s×s, U(−1, 1)) and the float64 product to check against. */
export function matmulData(s: number): { a: Float64Array; b: Float64Array; want: Float64Array } {
  const rng = new dl.Rng(1);
  const a = uniform(rng, s * s, -1, 1);
  const b = uniform(rng, s * s, -1, 1);
  const want = new Float64Array(s * s);
  kernels.matmulReference(a, b, want, { m: s, k: s, n: s });
  return { a, b, want };
}

/** W2: the digits, x [N, 64] (pixels / 16) and labels. */
export function digitsData(limit: number): { x: Float64Array; labels: Int32Array; n: number } {
  const { x, y } = dl.data.loadDigits({ limit });
  return { x: x.data, labels: Int32Array.from(y.data), n: y.size };
}

/** W3: `images` synthetic 1×28×28 images N(0, 1) and labels uniform in 0..9, seeded. */
export function cnnData(images: number): { x: Float64Array; labels: Int32Array } {
  const rng = new dl.Rng(3);
  const x = normal(rng, images * 784);
  const labels = new Int32Array(images);
  for (let i = 0; i < images; i++) labels[i] = rng.int(0, 10);
  return { x, labels };
}

/** W4: x [N, C, H, W] N(0, 1) and w [F, C, 3, 3] U(−0.1, 0.1). */
export function convData(s: Sizes["conv"]): { x: Float64Array; w: Float64Array } {
  const rng = new dl.Rng(4);
  return { x: normal(rng, s.n * s.c * s.h * s.w), w: uniform(rng, s.f * s.c * 9, -0.1, 0.1) };
}

/** A fresh permutation of 0..n-1 (Fisher–Yates with `rng`), reused in place each epoch. */
export function reshuffle(rng: DL.Rng, perm: Int32Array): void {
  for (let i = perm.length - 1; i > 0; i--) {
    const j = rng.int(0, i + 1);
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
}
