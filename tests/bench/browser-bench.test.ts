import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasChromium } from "../export/browser";

// A smoke test of the browser benchmark's harness (bench/browser.ts) on --quick: lesson 00 runs in
// Chromium and the tables and the JSON come out. No timing is asserted. Needs `npm run build`.
const root = join(__dirname, "..", "..");
const script = join(root, "build", "bench", "browser.js");

describe.skipIf(!hasChromium)("npm run bench:browser --quick", () => {
  it("runs lesson 00 in the browser and reports its time and the assets' sizes", () => {
    expect(existsSync(script), `${script} is missing: run npm run build first`).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "bench-browser-test-"));
    try {
      const out = join(dir, "quick.json");
      const child = spawnSync(process.execPath, [script, "--quick", "--out", out], {
        cwd: root,
        encoding: "utf8",
      });
      expect(child.status, child.stderr).toBe(0);
      expect(child.stdout).toMatch(/\| lesson \| cells \| browser Run all \(s\) \|/);
      expect(child.stdout).toMatch(/\| 00-welcome \| \d+ \| [\d.]+ \|/);
      const report = JSON.parse(readFileSync(out, "utf8")) as {
        quick: boolean;
        rows: { lesson: string; ok: boolean; browserSeconds: number; runBytes: number }[];
        assets: Record<string, number>;
      };
      expect(report.quick).toBe(true);
      expect(report.rows).toHaveLength(1);
      expect(report.rows[0]).toMatchObject({ lesson: "00-welcome", ok: true });
      expect(report.rows[0].browserSeconds).toBeGreaterThan(0);
      // The first run loads the kernel: TypeScript's compiler and the engine, several MB.
      expect(report.rows[0].runBytes).toBeGreaterThan(1e6);
      expect(Object.keys(report.assets)).toContain("assets/kernel/kernel-typescript.js");
      const usage = spawnSync(process.execPath, [script, "--rounds", "0"], { encoding: "utf8" });
      expect(usage.status).toBe(2);
      expect(usage.stderr).toMatch(/--rounds must be an integer ≥ 1, got 0/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
