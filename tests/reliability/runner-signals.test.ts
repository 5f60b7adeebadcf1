// A runner that is killed takes its kernels, and every process their cells started, with it:
// SIGHUP, SIGTERM and SIGINT are caught (the runner kills its kernels' process trees on exit),
// SIGKILL is not (each kernel's watchdog thread sees its parent gone and kills its own tree, even
// while a cell loops). The same holds when the runner itself kills or shuts down a kernel.
// Linux only: the test reads /proc.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KernelClient } from "../../tools/runner/kernel";
import { writeNotebook } from "../runner/nbformat";

const ART = `test-artifacts/runner-signals-${process.pid}`;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A cell that starts a child, and a detached grandchild in its own session, and notes the pids. */
const SPAWN_CELL = (pidFile: string) =>
  [
    'import { spawn } from "child_process";',
    'import { writeFileSync } from "fs";',
    'const child = spawn("sleep", ["600"]);',
    'const loose = spawn("sleep", ["601"], { detached: true, stdio: "ignore" });',
    "loose.unref();",
    `writeFileSync(${JSON.stringify(resolve(pidFile))}, [process.pid, child.pid, loose.pid].join(" "));`,
  ].join("\n");
const BUSY_CELL = "const t0 = Date.now();\nwhile (Date.now() - t0 < 600_000) {}";

/** True while `pid` exists and is not a zombie. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

async function pidsFrom(file: string, ms = 150_000): Promise<number[]> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (existsSync(file)) {
      const pids = readFileSync(file, "utf8").trim().split(" ").map(Number);
      if (pids.length === 3 && pids.every((p) => p > 0)) return pids;
    }
    await sleep(200);
  }
  throw new Error(`no pids in ${file} after ${ms} ms`);
}

/** The pids still alive after up to `ms`. */
async function survivors(pids: number[], ms = 15_000): Promise<number[]> {
  const deadline = Date.now() + ms;
  while (pids.some(alive) && Date.now() < deadline) await sleep(100);
  return pids.filter(alive);
}

beforeAll(() => rmSync(ART, { recursive: true, force: true }));
afterAll(() => rmSync(ART, { recursive: true, force: true }));

describe.skipIf(process.platform !== "linux")("a killed runner leaves nothing running", () => {
  it.each([
    ["SIGHUP", 129],
    ["SIGTERM", 143],
    ["SIGINT", 130],
    ["SIGKILL", null],
  ] as const)(
    "%s: the kernel, its child and a detached grandchild end within seconds",
    async (signal, code) => {
      const pidFile = join(ART, `${signal}.pids`);
      const nb = writeNotebook(join(ART, `${signal}.ipynb`), [SPAWN_CELL(pidFile), BUSY_CELL]);
      const runner = spawn(
        "node",
        ["build/tools/course.js", "run", nb, "--out", join(ART, "out"), "--timeout", "600"],
        { stdio: "ignore" },
      );
      const exited = new Promise<[number | null, string | null]>((done) =>
        runner.on("exit", (c, s) => done([c, s])),
      );
      try {
        const pids = await pidsFrom(pidFile);
        expect(pids.every(alive)).toBe(true);
        await sleep(1_000); // the busy cell has started: the kernel's main thread is blocked
        runner.kill(signal);
        expect(await exited).toEqual(code === null ? [null, "SIGKILL"] : [code, null]);
        expect(await survivors(pids)).toEqual([]);
      } finally {
        runner.kill("SIGKILL");
      }
    },
    240_000,
  );
});

describe.skipIf(process.platform !== "linux")("KernelClient.kill and shutdown", () => {
  let kernel: KernelClient;
  beforeAll(async () => {
    kernel = await KernelClient.start({ cwd: "notebooks" });
  }, 180_000);
  afterAll(() => kernel?.kill());

  it.each(["kill", "shutdown"] as const)(
    "%s ends the processes a cell started, the detached one too",
    async (how) => {
      if (kernel.exited !== null) kernel = await KernelClient.start({ cwd: "notebooks" });
      const pidFile = join(ART, `${how}.pids`);
      const outcome = await kernel.execute(SPAWN_CELL(pidFile), 120_000);
      expect(outcome.status).toBe("ok");
      const pids = await pidsFrom(pidFile, 10_000);
      expect(pids[0]).toBe(kernel.pid);
      if (how === "kill") kernel.kill();
      else await kernel.shutdown();
      expect(await survivors(pids)).toEqual([]);
    },
    240_000,
  );
});
