import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GEMM_WASM_BASE64 } from "../../../lib/kernels/fast/wasm/gemm-binary";

const root = join(__dirname, "..", "..", "..");

describe("lib/kernels/fast/wasm binaries", () => {
  it("gemm-binary.ts is gemm.wat compiled now (run `npm run wasm` after editing the .wat)", () => {
    // --check exits 1 naming the stale file; execFileSync throws with its stderr then
    const output = execFileSync("node", [join(root, "tools", "compile-wasm.cjs"), "--check"], {
      encoding: "utf8",
    });
    expect(output).toBe("");
  });

  it("the binary is a valid module exporting its memory and the macro-kernel", () => {
    const bytes = Buffer.from(GEMM_WASM_BASE64, "base64");
    const module = new WebAssembly.Module(bytes);
    expect(WebAssembly.Module.exports(module).map((e) => `${e.kind} ${e.name}`)).toEqual([
      "memory memory",
      "function macro",
    ]);
  });

  it("the .wat source stays ASCII (wabt's parser rejects anything else)", () => {
    const text = readFileSync(join(root, "lib", "kernels", "fast", "wasm", "gemm.wat"), "utf8");
    expect([...text].filter((c) => c.charCodeAt(0) > 127)).toEqual([]);
  });
});
