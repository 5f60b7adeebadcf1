import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// A smoke test of the harness only (every engine × workload runs and reports, the table and the
// JSON come out), on the quick sizes: no timing is asserted. Needs `npm run build` first
// (npm test builds before it runs vitest).
const root = join(__dirname, "..", "..");
const runJs = join(root, "build", "bench", "run.js");

describe("npm run bench --quick", () => {
  it("runs every (engine, workload) in its own process and writes the table as JSON", () => {
    expect(existsSync(runJs), `${runJs} is missing: run npm run build first`).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "bench-test-"));
    try {
      const out = join(dir, "quick.json");
      const child = spawnSync(process.execPath, [runJs, "--quick", "--out", out], {
        cwd: root,
        encoding: "utf8",
      });
      expect(child.stdout).toMatch(/\| workload \| unit \| ours \| tfjs-cpu \| tfjs-wasm \|/);
      const report = JSON.parse(readFileSync(out, "utf8")) as {
        quick: boolean;
        rows: { workload: string; median: Record<string, number | null> }[];
        results: {
          engine: string;
          workload: string;
          value: number | null;
          check: string;
          note?: string;
        }[];
      };
      expect(report.quick).toBe(true);
      expect(child.stdout).toMatch(/^our matmul micro-kernel: wasm$/m);
      expect(report.results).toHaveLength(15); // 3 engines × 5 workloads, one round
      expect(report.rows.map((r) => r.workload)).toEqual(["W1-256", "W1-1024", "W2", "W3", "W4"]);
      for (const r of report.results) {
        if (r.engine === "tfjs-wasm" && r.workload === "W3") {
          // tfjs-wasm has no Conv2DBackpropFilter kernel: reported as not run, with the reason
          expect(r.value).toBeNull();
          expect(r.note).toMatch(/Conv2DBackpropFilter/);
          continue;
        }
        expect(r.value, `${r.engine} ${r.workload}: ${r.note ?? ""}`).toBeGreaterThan(0);
        expect(r.check, `${r.engine} ${r.workload}`).toMatch(/^ok: /);
      }
      expect(child.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it.each([
    [["--bogus"], "bench: Unknown option '--bogus'"],
    [["--rounds", "0"], "bench: --rounds must be an integer ≥ 1, got 0"],
    [["--only", "W9"], "bench: unknown W9; expected some of W1-256, W1-1024, W2, W3, W4"],
    [
      ["--engines", "torch"],
      "bench: unknown torch; expected some of ours, ours-main, tfjs-cpu, tfjs-wasm",
    ],
    [["--engines", "ours,ours-main"], "bench: the engine ours-main needs --compare DIR"],
    [["--compare", "no/such/dir"], "bench: --compare needs a built dist/ folder (with index.js)"],
  ])("rejects %j with a message naming it, the usage, and exit code 2", (args, message) => {
    const child = spawnSync(process.execPath, [runJs, ...args], { cwd: root, encoding: "utf8" });
    expect(child.stderr).toContain(message);
    expect(child.stderr).toContain("usage: node build/bench/run.js");
    expect(child.status).toBe(2);
  });

  it("--compare DIR measures the engine built in DIR as ours-main, beside ours, with the ratios", () => {
    const dir = mkdtempSync(join(tmpdir(), "bench-test-"));
    try {
      const out = join(dir, "compare.json");
      const args = ["--quick", "--only", "W1-256,W2", "--engines", "ours,ours-main"];
      const child = spawnSync(
        process.execPath,
        [runJs, ...args, "--compare", join(root, "dist"), "--out", out],
        { cwd: root, encoding: "utf8" },
      );
      expect(child.stdout).toMatch(
        /\| workload \| unit \| ours \| ours-main \| ours\/ours-main \|/,
      );
      expect(child.stdout).toMatch(/^ours-main: the engine in .*dist$/m);
      const report = JSON.parse(readFileSync(out, "utf8")) as {
        results: { engine: string; workload: string; check: string }[];
      };
      expect(report.results.map((r) => `${r.engine} ${r.workload}`).sort()).toEqual([
        "ours W1-256",
        "ours W2",
        "ours-main W1-256",
        "ours-main W2",
      ]);
      for (const r of report.results) expect(r.check).toMatch(/^ok: /);
      expect(child.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it("--help prints the usage and exits 0", () => {
    const child = spawnSync(process.execPath, [runJs, "--help"], { cwd: root, encoding: "utf8" });
    expect(child.stdout).toMatch(/^usage: node build\/bench\/run.js \[--quick\]/);
    expect(child.status).toBe(0);
  });
});
