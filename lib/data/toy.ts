import { ArgumentError } from "../errors";
import { Rng } from "../rng";
import type { Dataset } from "../tensor/dataset";
import { Tensor } from "../tensor/tensor";
import {
  describeValue,
  expectFinite,
  expectFunction,
  expectInteger,
  expectOptions,
  expectRng,
} from "../tensor/check";
import { checkSize } from "../limits";

/** Options shared by every toy-set generator: how many points, how much noise, which generator. */
export interface ToyOptions {
  /** Number of points (≥ 1). */
  n: number;
  /** Standard deviation of the Gaussian noise added to each coordinate (default depends on the set). */
  noise?: number;
  /** The seeded generator every random choice comes from. */
  rng: Rng;
}

/** The one signature all toy generators share: `(options) => {x, y}`. */
export type ToyGenerator<O extends ToyOptions = ToyOptions> = (options: O) => Dataset;

/**
 * Checks `n`/`noise` (and `rng` unless `needsRng` is false), and that the points [n, 2] fit the
 * size limit before any is made; returns n and noise with the default filled in.
 */
export function checkToy(op: string, options: ToyOptions, defaultNoise: number, needsRng = true) {
  const { n, noise = defaultNoise } = expectOptions(op, options);
  expectInteger(op, "n", n, 1);
  checkSize(op, [n, 2], "x");
  if (!(typeof noise === "number" && noise >= 0 && noise < Infinity)) {
    throw new ArgumentError(
      `${op}: noise must be a finite number ≥ 0, got ${describeValue(noise)}`,
    );
  }
  if (needsRng) expectRng(op, options.rng);
  return { n, noise };
}

/** A data set being generated: x [n, 2] and y, written point by point (`add`). */
function points(n: number, yShape: "column" | "labels") {
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  let count = 0;
  return {
    get count() {
      return count;
    },
    add(x1: number, x2: number, label: number) {
      x[2 * count] = x1;
      x[2 * count + 1] = x2;
      y[count++] = label;
    },
    done: (): Dataset => ({
      x: new Tensor(x, [n, 2]),
      y: new Tensor(y, yShape === "column" ? [n, 1] : [n]),
    }),
  };
}

/**
 * Gaussian blobs: `classes` clusters (default 3) centred evenly on a circle of radius 2, each point
 * centre + N(0, noise²) per coordinate (noise default 0.5). y [N] of class indices. Lessons 6, 8.
 * Example: const { x, y } = dl.data.blobs({ n: 300, rng: dl.rng(0) });  // x [300, 2], y [300]
 */
export function blobs(options: ToyOptions & { classes?: number }): Dataset {
  const { n, noise } = checkToy("blobs", options, 0.5);
  const { classes = 3, rng } = options;
  expectInteger("blobs", "classes", classes, 1);
  const set = points(n, "labels");
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    const angle = (2 * Math.PI * c) / classes;
    set.add(
      2 * Math.cos(angle) + rng.normal(0, noise),
      2 * Math.sin(angle) + rng.normal(0, noise),
      c,
    );
  }
  return set.done();
}

/**
 * Two interleaving half circles (class 0 on top, class 1 below and shifted), noise default 0.1.
 * y [N, 1] of 0/1. Lessons 3, 8. Example: dl.data.moons({ n: 200, noise: 0.2, rng })
 */
export function moons(options: ToyOptions): Dataset {
  const { n, noise } = checkToy("moons", options, 0.1);
  const { rng } = options;
  const set = points(n, "column");
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    const t = Math.PI * rng.uniform();
    const px = c === 0 ? Math.cos(t) : 1 - Math.cos(t);
    const py = c === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
    set.add(px + rng.normal(0, noise), py + rng.normal(0, noise), c);
  }
  return set.done();
}

/**
 * Two concentric circles: class 1 inside (radius 0.5), class 0 outside (radius 1), noise default
 * 0.05. y [N, 1]. Not linearly separable: lesson 3. Example: dl.data.circles({ n: 200, rng })
 */
export function circles(options: ToyOptions): Dataset {
  const { n, noise } = checkToy("circles", options, 0.05);
  const { rng } = options;
  const set = points(n, "column");
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    const r = c === 1 ? 0.5 : 1;
    const t = 2 * Math.PI * rng.uniform();
    set.add(r * Math.cos(t) + rng.normal(0, noise), r * Math.sin(t) + rng.normal(0, noise), c);
  }
  return set.done();
}

/**
 * Interleaved spirals, one arm per class (default 3 classes), radius growing from 0 to 1, angle
 * noise default 0.2 (CS231n's classic). y [N] of class indices. Lesson 4.
 * Example: dl.data.spirals({ n: 300, classes: 3, rng })
 */
export function spirals(options: ToyOptions & { classes?: number }): Dataset {
  const { n, noise } = checkToy("spirals", options, 0.2);
  const { classes = 3, rng } = options;
  expectInteger("spirals", "classes", classes, 1);
  const perClass = Math.ceil(n / classes);
  const set = points(n, "labels");
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    const r = Math.floor(i / classes) / Math.max(1, perClass - 1);
    const t = c * ((2 * Math.PI) / classes) + 4 * r + rng.normal(0, noise);
    set.add(r * Math.sin(t), r * Math.cos(t), c);
  }
  return set.done();
}

/**
 * Linearly separable points in [−1, 1]²: the label is 1 when `x2 > 0.5·x1 + 0.1`; points closer
 * than `margin` (default 0.1) to the line are redrawn, then noise (default 0) is added. y [N, 1].
 * The perceptron's data, lesson 2. Example: dl.data.linearlySeparable({ n: 50, rng })
 */
export function linearlySeparable(options: ToyOptions & { margin?: number }): Dataset {
  const { n, noise } = checkToy("linearlySeparable", options, 0);
  const { margin = 0.1, rng } = options;
  if (!(typeof margin === "number" && margin >= 0 && margin < 1)) {
    throw new ArgumentError(
      `linearlySeparable: margin must be a number in [0, 1), got ${describeValue(margin)}`,
    );
  }
  const set = points(n, "column");
  while (set.count < n) {
    const x1 = rng.uniform(-1, 1);
    const x2 = rng.uniform(-1, 1);
    const side = x2 - (0.5 * x1 + 0.1);
    if (Math.abs(side) < margin) continue;
    set.add(
      x1 + (noise > 0 ? rng.normal(0, noise) : 0),
      x2 + (noise > 0 ? rng.normal(0, noise) : 0),
      side > 0 ? 1 : 0,
    );
  }
  return set.done();
}

/**
 * Samples y = f(x) + N(0, noise²) at `n` evenly spaced x in [low, high] (default [−3, 3], f default
 * sin, noise default 0; rng needed only when noise > 0). x [N, 1], y [N, 1]. The universal
 * approximation demo, lesson 4. Example: dl.data.sampleFunction({ n: 100, f: Math.sin })
 */
export function sampleFunction(options: {
  n: number;
  f?: (x: number) => number;
  low?: number;
  high?: number;
  noise?: number;
  rng?: Rng;
}): Dataset {
  const {
    n,
    f = Math.sin,
    low = -3,
    high = 3,
    noise = 0,
    rng,
  } = expectOptions("sampleFunction", options);
  checkToy("sampleFunction", { n, noise, rng: rng as Rng }, 0, false);
  expectFunction("sampleFunction", "f", f);
  if (noise > 0 && rng === undefined) {
    throw new ArgumentError("sampleFunction: noise > 0 needs an rng, got none");
  }
  if (noise > 0) expectRng("sampleFunction", rng);
  expectFinite("sampleFunction", "low", low);
  expectFinite("sampleFunction", "high", high);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = n === 1 ? low : low + ((high - low) * i) / (n - 1);
  for (let i = 0; i < n; i++) y[i] = f(x[i]) + (noise > 0 ? rng!.normal(0, noise) : 0);
  return { x: new Tensor(x, [n, 1]), y: new Tensor(y, [n, 1]) };
}
