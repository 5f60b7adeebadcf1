import { ArgumentError } from "./errors";
import { describeValue } from "./format-value";
import { checkSize } from "./limits";

/**
 * A seeded pseudo-random generator (sfc32, a small fast counter generator), the only source of
 * randomness in the course: every function that needs randomness takes one explicitly.
 * The same seed gives the same stream on every machine (integer arithmetic only; normals use
 * Box–Muller on top of it).
 *
 * Introduced in lesson 0. Example:
 *   const rng = dl.rng(42);
 *   rng.uniform();        // a number in [0, 1)
 *   rng.normal(0, 1);     // a standard normal sample
 *   rng.shuffle([1, 2, 3]);
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | null = null;

  constructor(readonly seed: number) {
    if (!Number.isSafeInteger(seed)) {
      throw new ArgumentError(`rng: seed must be an integer, got ${describeValue(seed)}`);
    }
    // Split the seed into the four 32-bit words of the state, then warm the generator up.
    this.a = 0x9e3779b9;
    this.b = seed | 0;
    this.c = Math.floor(seed / 0x100000000) | 0;
    this.d = 1;
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** The next 32-bit unsigned integer of the stream. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform number in [low, high). */
  uniform(low = 0, high = 1): number {
    finite("uniform", low, high);
    return low + (high - low) * (this.nextUint32() / 0x100000000);
  }

  /** A normal sample with the given mean and standard deviation (Box–Muller). */
  normal(mean = 0, std = 1): number {
    finite("normal", mean, std);
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return mean + std * z;
    }
    let u = 0;
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return mean + std * r * Math.cos(2 * Math.PI * v);
  }

  /** An integer in [low, high): `rng.int(0, 10)` is a digit. */
  int(low: number, high: number): number {
    if (!Number.isInteger(low) || !Number.isInteger(high) || high <= low) {
      throw new ArgumentError(
        `rng.int: expected integers low < high, got ${describeValue(low)}, ${describeValue(high)}`,
      );
    }
    return low + Math.floor(this.uniform() * (high - low));
  }

  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    if (!Array.isArray(items)) {
      throw new ArgumentError(`rng.shuffle: expected an array, got ${describeValue(items)}`);
    }
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i + 1);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  /** A random permutation of 0, 1, …, n − 1. */
  permutation(n: number): number[] {
    if (!Number.isInteger(n) || n < 0) {
      throw new ArgumentError(`rng.permutation: n must be an integer ≥ 0, got ${describeValue(n)}`);
    }
    checkSize("rng.permutation", [n]);
    return this.shuffle(Array.from({ length: n }, (_, i) => i));
  }

  /** One element of `items`, chosen uniformly. */
  choice<T>(items: readonly T[]): T {
    if (!Array.isArray(items) || items.length === 0) {
      throw new ArgumentError(
        `rng.choice: expected a non-empty array, got ${describeValue(items)}`,
      );
    }
    return items[this.int(0, items.length)];
  }

  /** A new generator seeded from this one, for an independent stream (e.g. one per dataset). */
  fork(): Rng {
    return new Rng(this.nextUint32());
  }
}

/** Throws ArgumentError unless both parameters of `rng.<op>` are finite numbers. */
function finite(op: string, a: unknown, b: unknown): void {
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    throw new ArgumentError(
      `rng.${op}: expected two finite numbers, got ${describeValue(a)}, ${describeValue(b)}`,
    );
  }
}

/** Creates a seeded generator: `dl.rng(42)`. */
export function rng(seed: number): Rng {
  return new Rng(seed);
}
