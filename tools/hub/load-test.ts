/**
 * The hub's load test, run on demand (not in `npm test`; needs root or a hub-capable user, and
 * Debian's jupyterhub):
 *
 *   node --experimental-websocket build/tools/hub/load-test.js [--students 1,5,10,20] [--lesson 00-welcome] [--faults]
 *
 * For each N: starts the course's hub on 127.0.0.1 (test mode), creates N students through the REST
 * API, starts their servers (each seeded with the lessons), then every student at once opens the
 * lesson through the proxy and executes all its code cells over the kernel's websocket, checking that
 * every cell succeeds. Reports time to a started server, per-cell latency p50/p95, lesson wall time,
 * memory per student (the RSS of every process whose HOME is the student's) and failures.
 * With --faults (at the largest N): one student's kernel is killed mid-lesson (it must restart, and the
 * others must finish), one runs an endless loop and one fills its disk while the others run the lesson
 * (their latency is reported against the clean run), and the hub is restarted (no work lost: the
 * servers keep running and a saved notebook is still there).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { cellSource, readNotebook } from "../runner";
import { HubKernel } from "./hub-kernel";
import { TestHub } from "./hub-process";

const root = resolve(__dirname, "..", "..", "..");
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** What one student's run of the lesson measured. */
interface StudentRun {
  cellSeconds: number[];
  wallSeconds: number;
  failures: string[];
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Every code cell of the lesson, in order. */
function lessonCells(lesson: string): string[] {
  return readNotebook(join(root, "notebooks", `${lesson}.ipynb`))
    .cells.filter((c) => c.cell_type === "code")
    .map(cellSource);
}

/** One student runs the lesson top to bottom in a kernel behind the hub. */
async function runLesson(
  hub: TestHub,
  user: string,
  lesson: string,
  cells: string[],
  onKernel?: (k: HubKernel) => void,
): Promise<StudentRun> {
  const start = Date.now();
  const run: StudentRun = { cellSeconds: [], wallSeconds: 0, failures: [] };
  let kernel: HubKernel;
  try {
    kernel = await HubKernel.open(hub.url, user, hub.token, `course/notebooks/${lesson}.ipynb`);
  } catch (e) {
    run.failures.push(`${user}: ${(e as Error).message}`);
    return run;
  }
  onKernel?.(kernel);
  for (const [i, code] of cells.entries()) {
    const t = Date.now();
    const result = await kernel.execute(code, 300_000);
    run.cellSeconds.push((Date.now() - t) / 1000);
    if (result.status !== "ok") {
      run.failures.push(`${user} cell ${i + 1}: ${result.status} ${result.text.slice(0, 200)}`);
      break;
    }
  }
  run.wallSeconds = (Date.now() - start) / 1000;
  await kernel.close();
  return run;
}

/** RSS in MB of every process whose HOME is under the student's home, by student. */
function memoryByStudent(state: string): Map<string, number> {
  const homes = join(state, "homes") + "/";
  const byStudent = new Map<string, number>();
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const env = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
      const home = env.find((v) => v.startsWith(`HOME=${homes}`));
      if (home === undefined) continue;
      const student = home.slice(`HOME=${homes}`.length).split("/")[0];
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (rss) byStudent.set(student, (byStudent.get(student) ?? 0) + Number(rss[1]) / 1024);
    } catch {
      // the process ended, or is not ours to read
    }
  }
  return byStudent;
}

/** One row of the report. */
interface Row {
  n: number;
  serverP50: number;
  serverMax: number;
  cellP50: number;
  cellP95: number;
  wallP50: number;
  wallMax: number;
  memoryMb: number;
  failures: string[];
}

async function measure(n: number, lesson: string, cells: string[], faults: boolean): Promise<Row> {
  const state = mkdtempSync(join(tmpdir(), `course-load-${n}-`));
  const users = Array.from({ length: n }, (_, i) => `student${String(i + 1).padStart(2, "0")}`);
  const hub = await TestHub.start(root, state);
  try {
    await hub.api("POST", "/users", { usernames: users });
    const serverSeconds = await Promise.all(users.map((u) => hub.startServer(u)));
    let peak = new Map<string, number>();
    const sampler = setInterval(() => {
      const now = memoryByStudent(state);
      for (const [s, mb] of now) if (mb > (peak.get(s) ?? 0)) peak.set(s, mb);
    }, 1000);
    const runs = await Promise.all(users.map((u) => runLesson(hub, u, lesson, cells)));
    clearInterval(sampler);
    const cellsAll = runs.flatMap((r) => r.cellSeconds);
    const walls = runs.map((r) => r.wallSeconds);
    const memory = [...peak.values()];
    peak = new Map();
    const row: Row = {
      n,
      serverP50: percentile(serverSeconds, 50),
      serverMax: Math.max(...serverSeconds),
      cellP50: percentile(cellsAll, 50),
      cellP95: percentile(cellsAll, 95),
      wallP50: percentile(walls, 50),
      wallMax: Math.max(...walls),
      memoryMb: memory.length ? memory.reduce((a, b) => a + b, 0) / memory.length : NaN,
      failures: runs.flatMap((r) => r.failures),
    };
    if (faults) await exerciseFaults(hub, users, lesson, cells, row);
    return row;
  } finally {
    await hub.stop(users);
    rmSync(state, { recursive: true, force: true });
  }
}

/** The faults of issue 22, each reported as a line. */
async function exerciseFaults(
  hub: TestHub,
  users: string[],
  lesson: string,
  cells: string[],
  clean: Row,
): Promise<void> {
  const [victim, looper, filler, ...others] = users;
  if (others.length === 0) {
    console.log("faults: need at least 4 students");
    return;
  }
  // 1. A killed kernel restarts without affecting others.
  const victimRun = (async () => {
    const kernel = await HubKernel.open(
      hub.url,
      victim,
      hub.token,
      `course/notebooks/${lesson}.ipynb`,
    );
    await kernel.execute("const big = 1;", 120_000);
    await kernel.execute("process.kill(process.pid, 'SIGKILL')", 10_000);
    await sleep(5_000);
    // The server restarts a dead kernel (same id); a front end reconnects its websocket.
    await kernel.reconnect();
    const after = await kernel.execute('console.log("alive again")', 120_000);
    await kernel.close();
    return after;
  })();
  // 2. An endless loop and 3. a full disk, while the others run the lesson.
  const loop = (async () => {
    const kernel = await HubKernel.open(
      hub.url,
      looper,
      hub.token,
      `course/notebooks/${lesson}.ipynb`,
    );
    const result = kernel.execute("while (true) {}", 600_000);
    return { kernel, result };
  })();
  const fill = (async () => {
    const kernel = await HubKernel.open(
      hub.url,
      filler,
      hub.token,
      `course/notebooks/${lesson}.ipynb`,
    );
    const code = `const fs = require("fs"); const block = Buffer.alloc(1 << 20); let mb = 0;
try { for (; mb < 2048; mb++) fs.appendFileSync("fill.bin", block); } catch (e) { console.log("stopped:", (e as Error).message); }
console.log(mb, "MB written"); fs.unlinkSync("fill.bin");`;
    const result = await kernel.execute(code, 600_000);
    await kernel.close();
    return result;
  })();
  const othersRuns = await Promise.all(others.map((u) => runLesson(hub, u, lesson, cells)));
  const after = await victimRun;
  const looping = await loop;
  await looping.kernel.interrupt();
  const stopped = await Promise.race([looping.result, sleep(30_000).then(() => null)]);
  await looping.kernel.close();
  const filled = await fill;
  const otherCells = othersRuns.flatMap((r) => r.cellSeconds);
  console.log(
    `fault, killed kernel: ${after.status === "ok" && after.text.includes("alive again") ? "restarted, the next cell ran" : `NOT restarted (${after.status})`}` +
      `; others' failures: ${othersRuns.flatMap((r) => r.failures).length}`,
  );
  console.log(
    `fault, endless loop + disk filler running: the ${others.length} others' cell p50 ${percentile(otherCells, 50).toFixed(2)} s, p95 ${percentile(otherCells, 95).toFixed(2)} s (clean run at N=${clean.n}: ${clean.cellP50.toFixed(2)} s, ${clean.cellP95.toFixed(2)} s); the loop ${stopped === null ? "did NOT stop on interrupt within 30 s" : `stopped on interrupt (${stopped.status})`}; the filler: ${filled.text.trim()}`,
  );
  // 4. A hub restart loses no work.
  const saved = `course/notebooks/${lesson}.ipynb`;
  const before = await fetch(`${hub.url}/user/${others[0]}/api/contents/${saved}`, {
    headers: { Authorization: `token ${hub.token}` },
  });
  await hub.stopHubOnly();
  await hub.restart();
  const model = (await (await hub.api("GET", `/users/${others[0]}`)).json()) as {
    servers?: { ""?: { ready?: boolean } };
  };
  const afterRestart = await fetch(`${hub.url}/user/${others[0]}/api/contents/${saved}`, {
    headers: { Authorization: `token ${hub.token}` },
  });
  const same =
    before.ok &&
    afterRestart.ok &&
    (await before.text()).length > 0 &&
    (await afterRestart.json()).name === `${lesson}.ipynb`;
  const run = await runLesson(hub, others[0], lesson, cells.slice(0, 3));
  console.log(
    `fault, hub restart: server still running ${model.servers?.[""]?.ready === true}, notebook still there ${same}, a kernel through the restarted proxy ${run.failures.length === 0 ? "ran" : `failed: ${run.failures[0]}`}`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      students: { type: "string" },
      lesson: { type: "string" },
      faults: { type: "boolean" },
    },
  });
  const counts = (values.students ?? "1,5,10,20").split(",").map(Number);
  const lesson = values.lesson ?? "00-welcome";
  const cells = lessonCells(lesson);
  console.log(
    `lesson ${lesson}: ${cells.length} code cells; load average before: ${readFileSync("/proc/loadavg", "utf8").trim()}`,
  );
  console.log(
    "| students | server start p50 / max (s) | cell latency p50 / p95 (s) | lesson wall p50 / max (s) | memory per student (MB) | failures |",
  );
  console.log(
    "| -------- | -------------------------- | -------------------------- | ------------------------- | ----------------------- | -------- |",
  );
  for (const [i, n] of counts.entries()) {
    const row = await measure(n, lesson, cells, values.faults === true && i === counts.length - 1);
    const f = (x: number): string => x.toFixed(1);
    console.log(
      `| ${n} | ${f(row.serverP50)} / ${f(row.serverMax)} | ${row.cellP50.toFixed(2)} / ${row.cellP95.toFixed(2)} | ${f(row.wallP50)} / ${f(row.wallMax)} | ${Math.round(row.memoryMb)} | ${row.failures.length}${row.failures.length ? ` (${row.failures[0]})` : ""} |`,
    );
    console.log(`  load average after N=${n}: ${readFileSync("/proc/loadavg", "utf8").trim()}`);
  }
}

main().then(
  () => process.exit(0),
  (e: Error) => (console.error(e.stack ?? e.message), process.exit(1)),
);
