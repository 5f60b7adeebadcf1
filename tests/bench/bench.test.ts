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
/** Whether Debian's PyTorch is installed here (the bench runs it then, and skips it otherwise). */
const hasTorch =
  spawnSync("/usr/bin/python3", ["-c", "import torch, numpy"], { encoding: "utf8" }).status === 0;

describe("npm run bench --quick", () => {
  // PyTorch has its own test below (importing torch takes long on a loaded machine).
  it("runs every (engine, workload) in its own process and writes the table as JSON", () => {
    expect(existsSync(runJs), `${runJs} is missing: run npm run build first`).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "bench-test-"));
    try {
      const out = join(dir, "quick.json");
      const engines = ["--engines", "ours,tfjs-cpu,tfjs-wasm"];
      const child = spawnSync(process.execPath, [runJs, "--quick", ...engines, "--out", out], {
        cwd: root,
        encoding: "utf8",
      });
      expect(child.stdout).toMatch(
        /\| workload \| unit \| ours \| tfjs-cpu \| tfjs-wasm \| torch \| ours\/tfjs-cpu \| ours\/tfjs-wasm \| ours\/torch \|/,
      );
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
      expect(child.stdout).toMatch(
        /^ours: matmul micro-kernel wasm, \d+ thread\(s\) \(--threads\)$/m,
      );
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
      ["--engines", "pytorch"],
      "bench: unknown pytorch; expected some of ours, ours-main, tfjs-cpu, tfjs-wasm, torch",
    ],
    [["--threads", "0"], "bench: --threads must be an integer ≥ 1, got 0"],
    [["--threads", "two"], "bench: --threads must be an integer ≥ 1, got two"],
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

  it("skips torch with a message saying how to install it where its Python cannot import torch", () => {
    const dir = mkdtempSync(join(tmpdir(), "bench-test-"));
    try {
      const out = join(dir, "skip.json");
      const args = ["--quick", "--only", "W1-256", "--engines", "ours,torch", "--out", out];
      const child = spawnSync(process.execPath, [runJs, ...args], {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, BENCH_PYTHON: join(dir, "no-such-python") },
      });
      expect(child.stdout).toContain(
        `torch: skipped, PyTorch is not installed: ${join(dir, "no-such-python")} cannot run`,
      );
      expect(child.stdout).toContain("apt-get install -y python3-torch");
      const report = JSON.parse(readFileSync(out, "utf8")) as { results: { engine: string }[] };
      expect(report.results.map((r) => r.engine)).toEqual(["ours"]);
      expect(child.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it.skipIf(!hasTorch)(
    "runs PyTorch on every workload, with --threads threads and the same checks",
    () => {
      const dir = mkdtempSync(join(tmpdir(), "bench-test-"));
      try {
        const out = join(dir, "torch.json");
        const args = ["--quick", "--engines", "torch", "--threads", "1"];
        const child = spawnSync(process.execPath, [runJs, ...args, "--out", out], {
          cwd: root,
          encoding: "utf8",
        });
        expect(child.stdout).toMatch(/^torch: PyTorch with 1 thread\(s\) \(--threads\)$/m);
        const report = JSON.parse(readFileSync(out, "utf8")) as {
          threads: number;
          results: { workload: string; value: number | null; check: string; note?: string }[];
        };
        expect(report.threads).toBe(1);
        const workloads = report.results.map((r) => r.workload);
        expect(workloads).toEqual(["W1-256", "W1-1024", "W2", "W3", "W4"]);
        for (const r of report.results) {
          expect(r.value, `${r.workload}: ${r.note ?? ""}`).toBeGreaterThan(0);
          expect(r.check, r.workload).toMatch(/^ok: /);
          expect(r.note).toMatch(
            /^PyTorch [\d.]+\S*, 1 thread, (OpenBLAS|BLIS|reference BLAS .*|none found|unknown)$/,
          );
        }
        expect(child.stdout).toMatch(/^\| W2 \| samples\/s \| n\/a \| n\/a \| n\/a \| \d+ \|/m);
        expect(child.status).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );

  it("--help prints the usage and exits 0", () => {
    const child = spawnSync(process.execPath, [runJs, "--help"], { cwd: root, encoding: "utf8" });
    expect(child.stdout).toMatch(/^usage: node build\/bench\/run.js \[--quick\]/);
    expect(child.status).toBe(0);
  });
});
