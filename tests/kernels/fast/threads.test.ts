// The fast kernels' worker threads (lib/kernels/fast/thread-pool.ts): a product or convolution
// split across threads gives the single-thread bits exactly (odd shapes, both split directions,
// transposes, accumulation, gradients that already hold values, NaN); a worker that throws or
// exits fails the op with a KernelThreadError and the pool recovers; the thread count can change
// between any two ops; an idle pool never keeps a process alive. The workers run dist/'s build
// (npm test builds first), so these tests are skipped when dist/ is missing or there is one core.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as dl from "../../../lib/index";
import { conv2dDims } from "../../../lib/kernels/dims";
import { fast } from "../../../lib/kernels/fast";
import type { Task } from "../../../lib/kernels/fast/thread-control";
import { SHARED_LENGTH, allocate } from "../../../lib/kernels/fast/buffer-pool";
import { isShared, restart, runSplit, threadCount } from "../../../lib/kernels/fast/thread-pool";
import type { Conv2dGrads, MatmulDims } from "../../../lib/kernels/kernels";
import { Rng } from "../../../lib/rng";
import { expectSameBits, randomArray } from "../helpers";

const dist = join(__dirname, "../../../dist");
const canSplit =
  availableParallelism() >= 2 && existsSync(join(dist, "kernels/fast/thread-worker.js"));

/** `run()` on one thread, then on two, with fresh copies of what it writes into. */
function onOneAndTwo<T>(run: () => T): [T, T] {
  dl.kernels.use("fast", { threads: 1 });
  const one = run();
  dl.kernels.use("fast", { threads: 2 });
  expect(threadCount()).toBe(2);
  const two = run();
  return [one, two];
}

describe.skipIf(!canSplit)("fast kernels on two threads", () => {
  afterAll(() => dl.kernels.use("fast"));
  const rng = new Rng(1919);

  // Shapes above the split size (2^21 multiply-adds): tall and wide (rows or columns split),
  // ragged edges of the 4×4 tiles and of the 128/256/1024 cache blocks, and every transpose.
  const products: MatmulDims[] = [
    { m: 301, k: 257, n: 129 },
    { m: 37, k: 300, n: 1029 },
    { m: 1030, k: 65, n: 41 },
    { m: 129, k: 513, n: 130, transA: true },
    { m: 131, k: 129, n: 255, transB: true },
    { m: 257, k: 97, n: 259, transA: true, transB: true, accumulate: true },
    { m: 2050, k: 33, n: 33, accumulate: true },
  ];
  it.each(products)("matmul %j: the same bits as one thread", (dims) => {
    const { m, k, n } = dims;
    expect(m * n * k).toBeGreaterThanOrEqual(1 << 20);
    const a = randomArray(rng, m * k);
    const b = randomArray(rng, k * n);
    a[5] = NaN; // a NaN travels through the staging and the split
    const start = randomArray(rng, m * n); // what `accumulate` adds onto
    const [one, two] = onOneAndTwo(() => {
      const out = start.slice();
      fast.matmul(a, b, out, dims);
      return out;
    });
    expectSameBits(two, one);
  });

  const convolutions: [number[], number[], { stride?: number; padding?: number }, boolean][] = [
    [[7, 5, 23, 19], [9, 5, 3, 3], { padding: 1 }, true],
    [[5, 16, 28, 28], [32, 16, 3, 3], { padding: 1 }, false],
    [[3, 4, 31, 30], [6, 4, 5, 4], { stride: 2, padding: 2 }, true],
    [[33, 8, 14, 14], [16, 8, 3, 3], { padding: 1 }, true],
  ];
  it.each(convolutions)(
    "conv2d x %j, w %j, %j, bias %s: forward and backward bits",
    (xs, ws, o, hasBias) => {
      const d = conv2dDims(xs, ws, o);
      const x = randomArray(rng, d.n * d.c * d.h * d.w);
      const w = randomArray(rng, d.f * d.c * d.kh * d.kw);
      const bias = hasBias ? randomArray(rng, d.f) : null;
      const gradOut = randomArray(rng, d.n * d.f * d.oh * d.ow);
      const held = {
        dx: randomArray(rng, x.length),
        dw: randomArray(rng, w.length),
        db: randomArray(rng, d.f),
      };
      const [one, two] = onOneAndTwo(() => {
        const out = fast.conv2dForward(x, w, bias, d).slice();
        // gradients that already hold values (they accumulate), every combination the layers pass
        const all: Conv2dGrads = { dx: held.dx.slice(), dw: held.dw.slice(), db: held.db.slice() };
        fast.conv2dBackward(x, w, gradOut, d, all);
        const noDx: Conv2dGrads = { dx: null, dw: held.dw.slice(), db: held.db.slice() };
        fast.conv2dBackward(x, w, gradOut, d, noDx);
        const onlyDx: Conv2dGrads = { dx: held.dx.slice(), dw: null, db: null };
        fast.conv2dBackward(x, w, gradOut, d, onlyDx);
        return [out, all.dx, all.dw, all.db, noDx.dw, onlyDx.dx] as Float64Array[];
      });
      one.forEach((expected, i) => expectSameBits(two[i], expected));
    },
  );

  it("changes the thread count between any two ops, and a training run keeps its numbers", () => {
    const train = (threads: number[]) => {
      const r = new Rng(7);
      const x = dl.reshape(dl.tensor(Array.from(randomArray(r, 64 * 20 * 20))), [64, 1, 20, 20]);
      const conv1 = new dl.nn.Conv2d(1, 8, { kernelSize: 3, padding: 1, rng: new Rng(3) });
      const conv2 = new dl.nn.Conv2d(8, 16, { kernelSize: 3, padding: 1, rng: new Rng(4) });
      const sgd = new dl.optim.SGD([...conv1.parameters(), ...conv2.parameters()], { lr: 0.01 });
      const losses: number[] = [];
      for (const t of threads) {
        dl.kernels.use("fast", { threads: t });
        const loss = dl.mean(dl.square(conv2.forward(dl.relu(conv1.forward(x)))));
        sgd.zeroGrad();
        loss.backward();
        sgd.step();
        losses.push(loss.item());
      }
      return losses;
    };
    const single = train([1, 1, 1, 1, 1]);
    expect(train([2, 1, 2, 2, 1])).toEqual(single);
    expect(new Set(single).size).toBe(5); // the runs really trained
  });

  it.each(["throw", "exit"] as const)(
    "a worker that fails (%s) fails the op with a KernelThreadError, and the pool recovers",
    (how) => {
      dl.kernels.use("fast", { threads: 2 });
      let here = 0;
      const crash: Task = { op: "crash", how, firstShare: 1, shares: 2, inputs: {} };
      const call = () =>
        runSplit(
          crash,
          {},
          1,
          () => (here += 1),
          () => {},
          () => {},
        );
      expect(call).toThrow(dl.KernelThreadError);
      expect(here).toBe(1); // this thread's share ran, and the op still failed as a whole
      expect(() =>
        runSplit(
          crash,
          {},
          1,
          () => {},
          () => {},
          () => {},
        ),
      ).toThrow(
        how === "throw"
          ? 'crash: a kernel worker thread failed (Error: a crash asked for by a test); the pool restarts at the next op. Run the op again, or use kernels.use("fast", { threads: 1 }) to stay on one thread'
          : /^crash: a kernel worker thread failed \(it exited( with code 3)?\)/,
      );
      // the next op gets new workers and the right numbers
      const a = randomArray(rng, 300 * 200);
      const b = randomArray(rng, 200 * 300);
      const [one, two] = onOneAndTwo(() => {
        const out = new Float64Array(300 * 300);
        fast.matmul(a, b, out, { m: 300, k: 200, n: 300 });
        return out;
      });
      expectSameBits(two, one);
    },
  );

  it("makes large pool arrays in shared memory while there are workers (read in place, not copied)", () => {
    dl.kernels.use("fast", { threads: 2 });
    expect(isShared(allocate(SHARED_LENGTH + 3))).toBe(true);
    expect(isShared(allocate(SHARED_LENGTH - 3))).toBe(false);
    dl.kernels.use("fast", { threads: 1 });
    expect(isShared(allocate(SHARED_LENGTH + 5))).toBe(false);
  });

  it("while new workers start, their shares run on this thread; then on the workers; same bits", () => {
    const dims = { m: 258, k: 300, n: 131, accumulate: true };
    const a = randomArray(rng, dims.m * dims.k);
    const b = randomArray(rng, dims.k * dims.n);
    const start = randomArray(rng, dims.m * dims.n);
    const product = () => {
      const out = start.slice();
      fast.matmul(a, b, out, dims);
      return out;
    };
    dl.kernels.use("fast", { threads: 1 });
    const one = product();
    dl.kernels.use("fast", { threads: 2 });
    restart(); // the next op starts a worker, which takes tens of ms to load: its share runs here
    const results = [product(), product(), product()];
    for (const two of results) expectSameBits(two, one);
  });

  it("an idle pool does not keep a process alive, and DL_THREADS sets the default count", () => {
    const script = `const dl = require(${JSON.stringify(dist)});
const a = new Float64Array(512 * 512).fill(1), out = new Float64Array(512 * 512);
dl.kernels.fast.matmul(a, a, out, { m: 512, k: 512, n: 512 });
console.log(JSON.stringify(dl.kernels.current()), out[0], out[out.length - 1]);`;
    const run = (threads: string) =>
      spawnSync(process.execPath, ["-e", script], {
        encoding: "utf8",
        timeout: 60_000,
        env: { ...process.env, DL_THREADS: threads },
      });
    const two = run("2");
    expect(two.error).toBeUndefined(); // no timeout: it exited on its own with its worker idle
    expect(two.stdout).toBe('{"name":"fast","matmul":"wasm","threads":2} 512 512\n');
    expect(two.status).toBe(0);
    expect(run("1").stdout).toBe('{"name":"fast","matmul":"wasm","threads":1} 512 512\n');
    const bad = run("two");
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain(
      'ArgumentError: DL_THREADS="two": the thread count must be a whole number ≥ 1 (1 = no worker threads), got NaN',
    );
  });
});
