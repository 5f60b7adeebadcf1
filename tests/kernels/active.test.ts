// Choosing the kernels: dl.kernels.use and current, their named errors, the DL_KERNELS
// environment variable, and the dispatch every op goes through.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as dl from "../../lib/index";
import { kernels } from "../../lib/kernels/active";

describe("dl.kernels.use and current", () => {
  afterEach(() => dl.kernels.use("fast"));

  it("runs the fast kernels with the WebAssembly micro-kernel by default", () => {
    expect(dl.kernels.current()).toEqual({ name: "fast", matmul: "wasm" });
    expect(kernels.name).toBe("fast");
  });

  it("switches to the reference kernels, to the TypeScript micro-kernel, and back", () => {
    dl.kernels.use("reference");
    expect(dl.kernels.current()).toEqual({ name: "reference" });
    expect(kernels.name).toBe("reference");
    dl.kernels.use("fast", { matmul: "js" });
    expect(dl.kernels.current()).toEqual({ name: "fast", matmul: "js" });
    dl.kernels.use("fast");
    expect(dl.kernels.current()).toEqual({ name: "fast", matmul: "wasm" });
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

  it.each([
    [["gpu"], 'kernels.use: expected "reference" or "fast", got "gpu"'],
    [[undefined], 'kernels.use: expected "reference" or "fast", got undefined'],
    [
      ["reference", { matmul: "js" }],
      'kernels.use: "reference" takes no options, got option "matmul"',
    ],
    [["fast", { threads: 2 }], 'kernels.use: "fast" takes only { matmul }, got option "threads"'],
    [
      ["fast", { matmul: "cuda" }],
      'kernels.use: the fast matmul must be "wasm" or "js", got "cuda"',
    ],
    [["fast", "js"], "kernels.use: options must be an object, got js"],
  ])("use(%j) throws ArgumentError: %s, and keeps the kernels in use", (args, message) => {
    const use = dl.kernels.use as (...a: unknown[]) => void;
    expect(() => use(...args)).toThrow(dl.ArgumentError);
    expect(() => use(...args)).toThrow(message);
    expect(dl.kernels.current()).toEqual({ name: "fast", matmul: "wasm" });
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
      expect(run("fast")).toBe('{"name":"fast","matmul":"wasm"}');
      expect(run("")).toBe('{"name":"fast","matmul":"wasm"}');
      expect(() => run("slow")).toThrow(
        /ArgumentError: kernels.use: expected "reference" or "fast", got "slow"/,
      );
    },
  );
});
