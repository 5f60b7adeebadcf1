/**
 * W1–W4 on TensorFlow.js 4.22, pure-JS CPU backend or wasm backend (SIMD, one thread), in its
 * native layout (NHWC images, HWIO filters), float32. Results are read back with dataSync().
 */
import { dirname, join } from "node:path";
import type * as TF from "@tensorflow/tfjs";
import { dl, kernels, type DL } from "./engine";
import { cnnData, convData, digitsData, glorot, matmulData, reshuffle } from "./data";
import { convFlop, type Result, type Sizes, type Workload } from "./protocol";
import { relativeError, timeOp, timeRuns } from "./timing";

type Partial = Omit<Result, "engine" | "workload">;
type Tf = typeof TF;

/** Loads tfjs on `backend`; the wasm binaries come from the package's own dist/ folder (no network). */
export async function loadTf(backend: "cpu" | "wasm"): Promise<Tf> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tf = require("@tensorflow/tfjs") as Tf;
  if (backend === "wasm") {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const wasm = require("@tensorflow/tfjs-backend-wasm") as { setWasmPaths: (p: string) => void };
    wasm.setWasmPaths(
      join(dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist") + "/",
    );
  }
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs: backend ${backend} failed to start`);
  await tf.ready();
  return tf;
}

function w1(tf: Tf, s: number, sz: Sizes): Partial {
  const { a, b, want } = matmulData(s);
  const ta = tf.tensor2d(Float32Array.from(a), [s, s]);
  const tb = tf.tensor2d(Float32Array.from(b), [s, s]);
  let got: ArrayLike<number> = [];
  const seconds = timeOp(() => {
    const c = tf.matMul(ta, tb);
    got = c.dataSync();
    c.dispose();
  }, sz.op);
  const err = relativeError(got, want);
  return {
    unit: "GFLOP/s",
    value: (2 * s ** 3) / seconds / 1e9,
    seconds,
    check: verdict(err < 1e-5, `rel. error ${err.toExponential(1)}`),
  };
}

/** NCHW → NHWC (images) or FCHW → HWCF (filters): moves axis 1 last and axis 0 … */
function toNhwc(x: Float64Array, [n, c, h, w]: number[]): Float32Array {
  const out = new Float32Array(x.length);
  for (let b = 0; b < n; b++)
    for (let ch = 0; ch < c; ch++)
      for (let i = 0; i < h * w; i++) out[(b * h * w + i) * c + ch] = x[(b * c + ch) * h * w + i];
  return out;
}

function toHwio(wt: Float64Array, [f, c, kh, kw]: number[]): Float32Array {
  const out = new Float32Array(wt.length);
  for (let o = 0; o < f; o++)
    for (let ch = 0; ch < c; ch++)
      for (let u = 0; u < kh * kw; u++) out[(u * c + ch) * f + o] = wt[(o * c + ch) * kh * kw + u];
  return out;
}

function w4(tf: Tf, sz: Sizes): Partial {
  const c = sz.conv;
  const { x, w } = convData(c);
  const tx = tf.tensor4d(toNhwc(x, [c.n, c.c, c.h, c.w]), [c.n, c.h, c.w, c.c]);
  const tw = tf.tensor4d(toHwio(w, [c.f, c.c, 3, 3]), [3, 3, c.c, c.f]);
  let got: ArrayLike<number> = [];
  const seconds = timeOp(() => {
    const y = tf.conv2d(tx, tw, 1, "same");
    got = y.dataSync();
    y.dispose();
  }, sz.op);
  const d = kernels.conv2dDims([c.n, c.c, c.h, c.w], [c.f, c.c, 3, 3], { padding: 1 });
  const err = relativeError(
    got,
    toNhwc(kernels.conv2dReference(x, w, null, d), [c.n, c.f, c.h, c.w]),
  );
  return {
    unit: "GFLOP/s",
    value: convFlop(c) / seconds / 1e9,
    seconds,
    check: verdict(err < 1e-5, `rel. error vs plain loops ${err.toExponential(1)}`),
  };
}

interface Trainer {
  step: (idx: Int32Array) => number;
  predict?: () => Float32Array | Int32Array | Uint8Array;
}

/** One mini-batch epoch (or `steps` steps) over a reshuffled permutation; returns the last loss. */
function epoch(t: Trainer, perm: Int32Array, rng: DL.Rng, steps = Infinity): number {
  reshuffle(rng, perm);
  let loss = NaN;
  for (let start = 0, s = 0; start < perm.length && s < steps; start += 32, s++)
    loss = t.step(perm.subarray(start, start + 32));
  return loss;
}

function trainer(
  tf: Tf,
  x: TF.Tensor,
  labels: Int32Array,
  lr: number,
  vars: TF.Variable[],
  forward: (xb: TF.Tensor) => TF.Tensor,
): Trainer {
  const y = tf.tensor1d(labels, "int32");
  const opt = tf.train.sgd(lr);
  const step = (idx: Int32Array): number => {
    const cost = opt.minimize(
      () => {
        const i = tf.tensor1d(idx, "int32");
        const logits = forward(tf.gather(x, i));
        return tf.losses.softmaxCrossEntropy(tf.oneHot(tf.gather(y, i), 10), logits);
      },
      true,
      vars,
    )!;
    const v = cost.dataSync()[0];
    cost.dispose();
    return v;
  };
  return { step, predict: () => tf.tidy(() => forward(x).argMax(1).dataSync() as Int32Array) };
}

function w2(tf: Tf, sz: Sizes): Partial {
  const { x, labels, n } = digitsData(sz.mlp.limit);
  const rng = new dl.Rng(2);
  const dense = (i: number, o: number): TF.Variable[] => [
    tf.variable(tf.tensor2d(Float32Array.from(glorot(rng, i * o, i, o)), [i, o])),
    tf.variable(tf.zeros([o])),
  ];
  const vars = [...dense(64, 128), ...dense(128, 128), ...dense(128, 10)];
  const [w1_, b1, w2_, b2, w3_, b3] = vars;
  const forward = (xb: TF.Tensor): TF.Tensor => {
    const h1 = tf.relu(tf.add(tf.matMul(xb as TF.Tensor2D, w1_ as TF.Tensor2D), b1));
    const h2 = tf.relu(tf.add(tf.matMul(h1 as TF.Tensor2D, w2_ as TF.Tensor2D), b2));
    return tf.add(tf.matMul(h2 as TF.Tensor2D, w3_ as TF.Tensor2D), b3);
  };
  const t = trainer(tf, tf.tensor2d(Float32Array.from(x), [n, 64]), labels, 0.1, vars, forward);
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  for (let e = 0; e < sz.mlp.warmupEpochs; e++) epoch(t, perm, rng);
  const seconds = timeRuns(() => epoch(t, perm, rng), sz.mlp.epochs);
  const pred = t.predict!();
  let right = 0;
  for (let i = 0; i < n; i++) if (pred[i] === labels[i]) right++;
  return {
    unit: "samples/s",
    value: n / seconds,
    seconds,
    check: verdict(right / n >= sz.mlp.minAccuracy, `train accuracy ${(right / n).toFixed(3)}`),
  };
}

function w3(tf: Tf, sz: Sizes, slow: boolean): Partial {
  const { images, warmupSteps, runs, epochsPerRun, slowSteps } = sz.cnn;
  const { x, labels } = cnnData(images);
  const rng = new dl.Rng(3);
  const conv = (c: number, f: number): TF.Variable[] => [
    tf.variable(tf.tensor4d(Float32Array.from(glorot(rng, 9 * c * f, 9 * c, 9 * f)), [3, 3, c, f])),
    tf.variable(tf.zeros([f])),
  ];
  const vars = [
    ...conv(1, 8),
    ...conv(8, 16),
    tf.variable(tf.tensor2d(Float32Array.from(glorot(rng, 7840, 784, 10)), [784, 10])),
    tf.variable(tf.zeros([10])),
  ];
  const [k1, c1, k2, c2, wd, bd] = vars;
  const forward = (xb: TF.Tensor): TF.Tensor => {
    const h1 = tf.maxPool(
      tf.relu(
        tf.add(tf.conv2d(xb as TF.Tensor4D, k1 as TF.Tensor4D, 1, "same"), c1),
      ) as TF.Tensor4D,
      2,
      2,
      "valid",
    );
    const h2 = tf.maxPool(
      tf.relu(tf.add(tf.conv2d(h1, k2 as TF.Tensor4D, 1, "same"), c2)) as TF.Tensor4D,
      2,
      2,
      "valid",
    );
    return tf.add(tf.matMul(tf.reshape(h2, [-1, 784]) as TF.Tensor2D, wd as TF.Tensor2D), bd);
  };
  const t = trainer(
    tf,
    tf.tensor4d(Float32Array.from(x), [images, 28, 28, 1]),
    labels,
    0.01,
    vars,
    forward,
  );
  const perm = Int32Array.from({ length: images }, (_, i) => i);
  const first = epoch(t, perm, rng, 1);
  epoch(t, perm, rng, slow ? 1 : warmupSteps);
  const steps = slow ? slowSteps : Infinity;
  const seconds = timeRuns(() => {
    for (let e = 0; e < (slow ? 1 : epochsPerRun); e++) epoch(t, perm, rng, steps);
  }, runs);
  const samples = slow ? Math.min(slowSteps * 32, images) : images * epochsPerRun;
  const ok = Number.isFinite(first) && Math.abs(first - Math.LN10) < 1;
  return {
    unit: "samples/s",
    value: samples / seconds,
    seconds,
    check: verdict(ok, `first loss ${first.toFixed(3)}`),
    note: slow
      ? `timed over ${slowSteps} steps a run (bench/README.md allows it above 1 s a step)`
      : undefined,
  };
}

function verdict(ok: boolean, detail: string): string {
  return `${ok ? "ok" : "FAILED"}: ${detail}`;
}

/** Runs one workload on tfjs with the given backend (the CPU backend times W3 over 8 steps a run). */
export function runTfjs(tf: Tf, workload: Workload, sz: Sizes): Partial {
  if (workload === "W1-256" || workload === "W1-1024") return w1(tf, sz.matmul[workload], sz);
  if (workload === "W2") return w2(tf, sz);
  if (workload === "W3") return w3(tf, sz, tf.getBackend() === "cpu");
  return w4(tf, sz);
}
