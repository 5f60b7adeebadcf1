import { ArgumentError } from "../errors";
import type { KernelName, Kernels } from "./kernels";
import { reference } from "./reference";
import { type FastOptions, type MicroKernel, configureFast, fast, fastOptions } from "./fast";

/**
 * Which kernel implementation the engine runs: `fast` unless `use` (or the environment variable
 * DL_KERNELS=reference when lib loads, to run a whole lesson on the plain loops) says otherwise.
 */
let inUse: Kernels = fast;

/**
 * Runs every op from now on with the "reference" kernels (plain loops, no state) or the "fast"
 * ones (the default), whose option `matmul: "js"` swaps the WebAssembly micro-kernel for the same
 * loop in TypeScript, and `threads: n` sets how many threads large products and convolutions use
 * (default: every core; 1 = this thread only; the same bits for any count). Safe at any time between ops: both give the same numbers (up to rounding
 * where they add in another order), and memory made by one may be released under the other.
 * Throws ArgumentError naming what was wrong for another name or option. Lesson 7.
 * Example: dl.kernels.use("reference"); … dl.kernels.use("fast", { threads: 1 });
 */
export function use(name: KernelName, options: FastOptions = {}): void {
  if (name !== "reference" && name !== "fast") {
    const got = typeof name === "string" ? JSON.stringify(name) : String(name);
    throw new ArgumentError(`kernels.use: expected "reference" or "fast", got ${got}`);
  }
  if (options === null || typeof options !== "object") {
    throw new ArgumentError(`kernels.use: options must be an object, got ${String(options)}`);
  }
  const keys = Object.keys(options);
  const unknown = keys.find(
    (key) => name === "reference" || (key !== "matmul" && key !== "threads"),
  );
  if (unknown !== undefined) {
    const takes = name === "fast" ? "only { matmul, threads }" : "no options";
    throw new ArgumentError(`kernels.use: "${name}" takes ${takes}, got option "${unknown}"`);
  }
  if (name === "fast") configureFast(options);
  inUse = name === "fast" ? fast : reference;
}

/** What runs now: `{ name: "fast", matmul: "wasm", threads: 2 }` or `{ name: "reference" }`. */
export function current(): { name: KernelName; matmul?: MicroKernel; threads?: number } {
  return inUse === fast ? { name: "fast", ...fastOptions() } : { name: "reference" };
}

/**
 * The kernels every op calls. Computation goes to the implementation in use; the memory calls
 * (`release`, `keep`) go to both, each acting only on arrays it made, so that switching between
 * a forward and its backward, or between two steps, is always safe.
 * Example: const out = kernels.allocate(n); kernels.matmul(a, b, out, { m, k, n });
 */
export const kernels: Kernels = {
  get name() {
    return inUse.name;
  },
  allocate: (length) => inUse.allocate(length),
  release: (data) => {
    reference.release(data);
    fast.release(data);
  },
  keep: (data) => {
    reference.keep(data);
    fast.keep(data);
  },
  matmul: (a, b, out, dims) => inUse.matmul(a, b, out, dims),
  conv2dForward: (x, w, bias, d) => inUse.conv2dForward(x, w, bias, d),
  conv2dBackward: (x, w, gradOut, d, grads) => inUse.conv2dBackward(x, w, gradOut, d, grads),
  maxPool2dForward: (x, d) => inUse.maxPool2dForward(x, d),
  maxPool2dBackward: (gradOut, argmax, dx) => inUse.maxPool2dBackward(gradOut, argmax, dx),
  avgPool2dForward: (x, d) => inUse.avgPool2dForward(x, d),
  avgPool2dBackward: (gradOut, d, dx) => inUse.avgPool2dBackward(gradOut, d, dx),
  reluForward: (x) => inUse.reluForward(x),
  reluBackward: (x, gradOut, dx) => inUse.reluBackward(x, gradOut, dx),
};

// DL_KERNELS=reference (or fast) in the environment chooses the kernels for a whole run, e.g.
// `DL_KERNELS=reference node build/tools/course.js run notebooks/07-cnn.ipynb`.
const fromEnvironment = (globalThis as { process?: { env?: Record<string, string | undefined> } })
  .process?.env?.DL_KERNELS;
if (fromEnvironment !== undefined && fromEnvironment !== "") {
  use(fromEnvironment as KernelName);
}
