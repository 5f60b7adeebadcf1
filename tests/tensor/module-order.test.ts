import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
// Imported first on purpose: an op module before tensor.ts (which imports the ops back).
import { add } from "../../lib/tensor/elementwise";
import { Tensor } from "../../lib/tensor/tensor";

describe("Tensor ↔ ops circular imports", () => {
  it("work when an op module is loaded first (vitest, ESM)", () => {
    const t = add(new Tensor(Float64Array.of(1, 2), [2]), 1);
    expect(t.mul(2).sum().item()).toBe(10); // (1+1)·2 + (2+1)·2
  });

  const dist = join(__dirname, "../../dist");
  it.skipIf(!existsSync(join(dist, "index.js")))(
    "work in plain node from the compiled dist/ (CommonJS), whichever module loads first",
    () => {
      const script = [
        `const ew = require(${JSON.stringify(join(dist, "tensor/elementwise.js"))});`,
        `const dl = require(${JSON.stringify(dist)});`,
        "const w = dl.tensor([[1], [2]], { requiresGrad: true });",
        "const loss = ew.add(dl.tensor([[1, 1]]).matmul(w), 1).sigmoid().sum();",
        "loss.backward();",
        "console.log(w.grad.toArray().join(','));",
      ].join("\n");
      const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
      const s = 1 / (1 + Math.exp(-4)); // σ(1·1 + 1·2 + 1)
      const g = s * (1 - s);
      expect(out.trim().split(",").map(Number)).toEqual([g, g]);
    },
  );
});
