// The WebAssembly micro-kernel is optional: when it cannot be compiled, instantiated or given its
// memory, loading the library still works and matmul runs on the TypeScript kernel ("js").
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadWasmGemm } from "../../../lib/kernels/fast/matmul-wasm";

const root = join(__dirname, "..", "..", "..");
const dist = join(root, "dist", "index.js");

/** Runs `script` in a fresh node under `ulimit -v kib` (virtual memory); returns its stdout. */
function nodeUnderLimit(kib: number, script: string): string {
  return execFileSync("bash", ["-c", `ulimit -v ${kib} && exec node -e "$0"`, script], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("loading the WebAssembly kernel", () => {
  it("returns null when instantiating throws (out of memory), instead of throwing", () => {
    const api = WebAssembly as unknown as { Instance: unknown };
    const saved = api.Instance;
    api.Instance = function Instance() {
      throw new RangeError("WebAssembly.Instance(): Out of memory: Cannot allocate Wasm memory");
    };
    try {
      expect(loadWasmGemm()).toBeNull();
    } finally {
      api.Instance = saved;
    }
    expect(loadWasmGemm()).not.toBeNull();
  });

  it("returns null when growing its memory fails", () => {
    const proto = WebAssembly.Memory.prototype as unknown as { grow: unknown };
    const saved = proto.grow;
    proto.grow = () => {
      throw new RangeError("WebAssembly.Memory.grow(): Maximum memory size exceeded");
    };
    try {
      expect(loadWasmGemm()).toBeNull();
    } finally {
      proto.grow = saved;
    }
  });

  it.skipIf(!existsSync(dist))(
    "require('./dist') under `ulimit -v 4000000` loads, reports the js backend and multiplies right",
    () => {
      const script = `
        const dl = require("./dist");
        const c = dl.matmul(dl.ones([70, 80]), dl.full([80, 90], 0.5));
        console.log(dl.kernels.current().matmul, c.shape.join("x"), c.data[0], c.data[c.size - 1]);`;
      expect(nodeUnderLimit(4_000_000, script).trim()).toBe("js 70x90 40 40");
      // without the limit the same build uses WebAssembly: the limit is what made the difference
      expect(nodeUnderLimit(64_000_000, script).trim()).toBe("wasm 70x90 40 40");
    },
  );
});
