// Choosing the kernels: dl.kernels.use and current, their named errors, the DL_KERNELS
// environment variable, and the dispatch every op goes through.
import { execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as dl from "../../lib/index";
import { kernels } from "../../lib/kernels/active";

// the default thread count: every core (DL_THREADS unset in the tests)
const cores = availableParallelism();
const fastDefault = { name: "fast", matmul: "wasm", threads: cores };

describe("dl.kernels.use and current", () => {
  afterEach(() => dl.kernels.use("fast"));

  it("runs the fast kernels with the WebAssembly micro-kernel by default", () => {
    expect(dl.kernels.current()).toEqual(fastDefault);
    expect(kernels.name).toBe("fast");
  });

  it("switches to the reference kernels, to the TypeScript micro-kernel, and back", () => {
    dl.kernels.use("reference");
    expect(dl.kernels.current()).toEqual({ name: "reference" });
    expect(kernels.name).toBe("reference");
    dl.kernels.use("fast", { matmul: "js" });
    expect(dl.kernels.current()).toEqual({ ...fastDefault, matmul: "js" });
    dl.kernels.use("fast", { threads: 1 });
    expect(dl.kernels.current()).toEqual({ ...fastDefault, threads: 1 });
    dl.kernels.use("fast", { threads: cores + 7 }); // capped at the cores
    expect(dl.kernels.current()).toEqual(fastDefault);
    dl.kernels.use("fast");
    expect(dl.kernels.current()).toEqual(fastDefault);
  });

  it("the same op gives the same numbers under each (the lecture's convolution)", () => {
    const run = () =>
      dl.nn.conv2d(dl.reshape(dl.arange(64), [1, 1, 8, 8]), dl.ones([2, 1, 3, 3]), null).toArray();
    const results = (["reference", "fast"] as const).map((name) => {
      dl.kernels.use(name);
      return run();
    });
    expect(results[0]).toEqual(results[1]);
  });

  it.each<[unknown[], string]>([
    [["gpu"], 'kernels.use: expected "reference" or "fast", got "gpu"'],
    [[undefined], 'kernels.use: expected "reference" or "fast", got undefined'],
    [
      ["reference", { matmul: "js" }],
      'kernels.use: "reference" takes no options, got option "matmul"',
    ],
    [
      ["fast", { thread: 2 }],
      'kernels.use: "fast" takes only { matmul, threads }, got option "thread"',
    ],
    ...[0, -1, 1.5, NaN, Infinity, "2", null].map((threads): [unknown[], string] => [
      ["fast", { threads }],
      `kernels.use: threads must be a whole number ≥ 1 (1 = no worker threads), got ${String(threads)}`,
    ]),
    [
      ["fast", { matmul: "cuda", threads: 1 }],
      'kernels.use: the fast matmul must be "wasm" or "js", got "cuda"',
    ],
    [
      ["fast", { matmul: "cuda" }],
      'kernels.use: the fast matmul must be "wasm" or "js", got "cuda"',
    ],
    [["fast", "js"], "kernels.use: options must be an object, got js"],
  ])("use(%j) throws ArgumentError: %s, and keeps the kernels in use", (args, message) => {
    const use = dl.kernels.use as (...a: unknown[]) => void;
    expect(() => use(...args)).toThrow(dl.ArgumentError);
    expect(() => use(...args)).toThrow(message);
    expect(dl.kernels.current()).toEqual(fastDefault);
  });
});

describe("DL_KERNELS in the environment", () => {
  const dist = join(__dirname, "../../dist");
  const run = (value: string) =>
    execFileSync(
      process.execPath,
      ["-e", `console.log(JSON.stringify(require(${JSON.stringify(dist)}).kernels.current()))`],
      { encoding: "utf8", env: { ...process.env, DL_KERNELS: value }, stdio: "pipe" },
    ).trim();

  it.skipIf(!existsSync(join(dist, "index.js")))(
    "chooses the kernels when lib loads (DL_KERNELS=reference runs a whole lesson on the plain loops)",
    () => {
      expect(run("reference")).toBe('{"name":"reference"}');
      const fast = JSON.stringify(fastDefault);
      expect(run("fast")).toBe(fast);
      expect(run("")).toBe(fast);
      expect(() => run("slow")).toThrow(
        /ArgumentError: kernels.use: expected "reference" or "fast", got "slow"/,
      );
    },
  );
});
