/**
 * Starting a kernel process from a kernelspec: the connection file (random free ports on 127.0.0.1
 * and a random key, in a fresh temp folder) and the kernelspec's argv with `{connection_file}`
 * substituted, run in the notebook's folder (tslab's rootDir is its working directory).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

/** The helpers of the course's kernel launcher (jupyter/kernels/tslab/start-kernel.cjs). */
interface Launcher {
  killTree(pid: number): void;
  descendants(pid: number): number[];
}

let launcher: Launcher | null = null;

/** The launcher's module: one killTree for the runner and for the kernel's own watchdog. */
function kernelLauncher(): Launcher {
  const file = join(findProjectRoot(), "jupyter", "kernels", "tslab", "start-kernel.cjs");
  // A plain CommonJS file beside kernel.json (Jupyter runs it without any build), loaded at run time.
  launcher ??= createRequire(__filename)(file) as Launcher;
  return launcher;
}

/**
 * Kills `pid` and every process it started (also those that left its process group), then its
 * process group: SIGKILL, nothing can outlive it. On systems without /proc: the group and `pid`.
 */
export function killProcessTree(pid: number): void {
  kernelLauncher().killTree(pid);
}

/** Kills what is left of the process group `pid` (after its leader exited). */
export function killProcessGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // no such group any more
  }
}

/** The live descendants of `pid` (empty without /proc). */
export function descendantsOf(pid: number): number[] {
  return kernelLauncher().descendants(pid);
}

/** The fields of a kernel.json the runner uses. */
export interface KernelSpec {
  argv: string[];
  display_name?: string;
  interrupt_mode?: "signal" | "message";
  env?: Record<string, string>;
}

/** A kernel's connection file contents (the ports it binds and the signing key). */
export interface ConnectionInfo {
  transport: "tcp";
  ip: string;
  key: string;
  signature_scheme: "hmac-sha256";
  shell_port: number;
  iopub_port: number;
  stdin_port: number;
  control_port: number;
  hb_port: number;
}

/** The project's root: the nearest folder above `start` holding jupyter/kernels/tslab/kernel.json. */
export function findProjectRoot(start: string = __dirname): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "jupyter", "kernels", "tslab", "kernel.json"))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

/** Reads a kernel.json (default: the project's committed tslab kernelspec). */
export function readKernelSpec(path?: string): KernelSpec {
  const file = path ?? join(findProjectRoot(), "jupyter", "kernels", "tslab", "kernel.json");
  const spec = JSON.parse(readFileSync(file, "utf8")) as KernelSpec;
  if (!Array.isArray(spec.argv) || spec.argv.length === 0) {
    throw new Error(`readKernelSpec: ${file} has no argv`);
  }
  return spec;
}

/** A free TCP port on 127.0.0.1, found by binding port 0 and releasing it. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** Fresh connection info: five distinct free ports and a random 32-byte hex key. */
export async function makeConnectionInfo(): Promise<ConnectionInfo> {
  const ports = new Set<number>();
  while (ports.size < 5) ports.add(await freePort());
  const [shell, iopub, stdin, control, hb] = [...ports];
  return {
    transport: "tcp",
    ip: "127.0.0.1",
    key: randomBytes(32).toString("hex"),
    signature_scheme: "hmac-sha256",
    shell_port: shell,
    iopub_port: iopub,
    stdin_port: stdin,
    control_port: control,
    hb_port: hb,
  };
}

/** A started kernel process, its connection info, the tail of its output, and a cleanup. */
export interface LaunchedKernel {
  child: ChildProcess;
  info: ConnectionInfo;
  /** The last few KB the process wrote to its own stdout/stderr (for start-up failure messages). */
  log: () => string;
  cleanup: () => void;
}

/** Writes a connection file into a temp folder and spawns the kernelspec's argv in `cwd`. */
export async function launchKernel(spec: KernelSpec, cwd: string): Promise<LaunchedKernel> {
  const info = await makeConnectionInfo();
  const folder = mkdtempSync(join(tmpdir(), "course-kernel-"));
  const file = join(folder, "connection.json");
  writeFileSync(file, JSON.stringify(info), { mode: 0o600 });
  const argv = spec.argv.map((arg) => arg.replaceAll("{connection_file}", file));
  const child = spawn(argv[0], argv.slice(1), {
    cwd,
    // JPY_PARENT_PID, as Jupyter sets it: the course's kernel ends itself when this process is gone.
    env: { ...process.env, ...spec.env, JPY_PARENT_PID: String(process.pid) },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, as Jupyter does: a Ctrl-C in the terminal reaches the runner only.
    detached: true,
  });
  let tail = "";
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const cleanup = (): void => rmSync(folder, { recursive: true, force: true });
  return { child, info, log: () => tail, cleanup };
}
