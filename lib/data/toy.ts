import { ArgumentError } from "../errors";
import { Rng } from "../rng";
import type { Dataset } from "../tensor/dataset";
import { Tensor } from "../tensor/tensor";
import { expectInteger, expectRng } from "../tensor/check";

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

/** Checks `n`/`noise` (and `rng` unless `needsRng` is false); returns n and noise with the default filled in. */
export function checkToy(op: string, options: ToyOptions, defaultNoise: number, needsRng = true) {
  const { n, noise = defaultNoise } = options;
  if (!Number.isInteger(n) || n < 1) {
    throw new ArgumentError(`${op}: n must be an integer ≥ 1, got ${n}`);
  }
  if (!(noise >= 0)) throw new ArgumentError(`${op}: noise must be ≥ 0, got ${noise}`);
  if (needsRng) expectRng(op, options.rng);
  return { n, noise };
}

/** Builds a Dataset from flat arrays: `x` [n, d], labels as [n, 1] (binary) or [n] (classes). */
export function toDataset(
  x: number[],
  y: number[],
  d: number,
  yShape: "column" | "labels",
): Dataset {
  const n = y.length;
  return {
    x: new Tensor(Float64Array.from(x), [n, d]),
    y: new Tensor(Float64Array.from(y), yShape === "column" ? [n, 1] : [n]),
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
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    const angle = (2 * Math.PI * c) / classes;
    x.push(2 * Math.cos(angle) + rng.normal(0, noise), 2 * Math.sin(angle) + rng.normal(0, noise));
    y.push(c);
  }
  return toDataset(x, y, 2, "labels");
}

/**
 * Two interleaving half circles (class 0 on top, class 1 below and shifted), noise default 0.1.
 * y [N, 1] of 0/1. Lessons 3, 8. Example: dl.data.moons({ n: 200, noise: 0.2, rng })
 */
export function moons(options: ToyOptions): Dataset {
  const { n, noise } = checkToy("moons", options, 0.1);
  const { rng } = options;
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    const t = Math.PI * rng.uniform();
    const px = c === 0 ? Math.cos(t) : 1 - Math.cos(t);
    const py = c === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
    x.push(px + rng.normal(0, noise), py + rng.normal(0, noise));
    y.push(c);
  }
  return toDataset(x, y, 2, "column");
}

/**
 * Two concentric circles: class 1 inside (radius 0.5), class 0 outside (radius 1), noise default
 * 0.05. y [N, 1]. Not linearly separable: lesson 3. Example: dl.data.circles({ n: 200, rng })
 */
export function circles(options: ToyOptions): Dataset {
  const { n, noise } = checkToy("circles", options, 0.05);
  const { rng } = options;
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    const r = c === 1 ? 0.5 : 1;
    const t = 2 * Math.PI * rng.uniform();
    x.push(r * Math.cos(t) + rng.normal(0, noise), r * Math.sin(t) + rng.normal(0, noise));
    y.push(c);
  }
  return toDataset(x, y, 2, "column");
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
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    const r = Math.floor(i / classes) / Math.max(1, perClass - 1);
    const t = c * ((2 * Math.PI) / classes) + 4 * r + rng.normal(0, noise);
    x.push(r * Math.sin(t), r * Math.cos(t));
    y.push(c);
  }
  return toDataset(x, y, 2, "labels");
}

/**
 * Linearly separable points in [−1, 1]²: the label is 1 when `x2 > 0.5·x1 + 0.1`; points closer
 * than `margin` (default 0.1) to the line are redrawn, then noise (default 0) is added. y [N, 1].
 * The perceptron's data, lesson 2. Example: dl.data.linearlySeparable({ n: 50, rng })
 */
export function linearlySeparable(options: ToyOptions & { margin?: number }): Dataset {
  const { n, noise } = checkToy("linearlySeparable", options, 0);
  const { margin = 0.1, rng } = options;
  const x: number[] = [];
  const y: number[] = [];
  while (y.length < n) {
    const x1 = rng.uniform(-1, 1);
    const x2 = rng.uniform(-1, 1);
    const side = x2 - (0.5 * x1 + 0.1);
    if (Math.abs(side) < margin) continue;
    x.push(
      x1 + (noise > 0 ? rng.normal(0, noise) : 0),
      x2 + (noise > 0 ? rng.normal(0, noise) : 0),
    );
    y.push(side > 0 ? 1 : 0);
  }
  return toDataset(x, y, 2, "column");
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
  const { n, f = Math.sin, low = -3, high = 3, noise = 0, rng } = options;
  checkToy("sampleFunction", { n, noise, rng: rng as Rng }, 0, false);
  if (noise > 0 && rng === undefined) {
    throw new ArgumentError("sampleFunction: noise > 0 needs an rng, got none");
  }
  const xs = Array.from({ length: n }, (_, i) =>
    n === 1 ? low : low + ((high - low) * i) / (n - 1),
  );
  const ys = xs.map((v) => f(v) + (noise > 0 ? rng!.normal(0, noise) : 0));
  return {
    x: new Tensor(Float64Array.from(xs), [n, 1]),
    y: new Tensor(Float64Array.from(ys), [n, 1]),
  };
}
