/**
 * `npm run bench`: W1–W4 (bench/README.md) on our engine, tfjs-cpu, tfjs-wasm and PyTorch, one child
 * process per (engine, workload), rounds interleaved (the engine order rotates each round), medians
 * and our/peer ratios printed and written to bench/results/latest.json; then each lesson's time
 * through the runner.
 *
 *   node build/bench/run.js [--quick] [--rounds N] [--only W1-256,W4] [--engines ours,tfjs-cpu]
 *                           [--threads N] [--compare DIR] [--no-lessons] [--out FILE]
 * --quick: tiny sizes, one round, no lessons (a harness check in seconds, not a measurement).
 * --threads N: the thread count of ours (DL_THREADS: its worker pool) and of PyTorch
 *   (torch.set_num_threads); default: every core. `--threads 1` shows what the second core buys.
 *   PyTorch is skipped, with a message saying how to install it, where it is not installed.
 * --compare DIR: also runs our workloads on the engine built in DIR (a dist/ folder, e.g. main's),
 *   as the engine "ours-main", interleaved with ours in every round, and prints ours/ours-main.
 * --help: this usage. A wrong option or value exits 2 with a message naming it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { timeLessons, lessonTable, type LessonTimes } from "./lessons";
import {
  ENGINES,
  RESULT_PREFIX,
  THREADS_ENV,
  WORKLOADS,
  type Engine,
  type Result,
  type Workload,
} from "./protocol";
import { kernels } from "./engine";
import { summarise, table } from "./report";
import { TORCH_INSTALL, torchMissing } from "./torch";

const ROOT = join(__dirname, "..", "..");

const USAGE = `usage: node build/bench/run.js [--quick] [--rounds N] [--only ${WORKLOADS.join(",")}]
                              [--engines ${ENGINES.join(",")}] [--threads N] [--compare DIR]
                              [--no-lessons] [--out FILE]`;

/** A command-line mistake: main prints it with the usage and exits 2. */
class UsageError extends Error {}

function parse(argv: string[]): {
  quick: boolean;
  rounds: number;
  workloads: Workload[];
  engines: Engine[];
  lessons: boolean;
  out: string;
  compare: string | null;
  threads: number;
} {
  const options = {
    quick: { type: "boolean" },
    rounds: { type: "string" },
    only: { type: "string" },
    engines: { type: "string" },
    "no-lessons": { type: "boolean" },
    out: { type: "string" },
    compare: { type: "string" },
    threads: { type: "string" },
  } as const;
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof options }>>["values"];
  try {
    values = parseArgs({ args: argv, options }).values;
  } catch (e) {
    throw new UsageError(`bench: ${(e as Error).message}`);
  }
  const quick = values.quick ?? false;
  const pick = <T extends string>(list: readonly T[], given: string | undefined): T[] => {
    if (given === undefined) return [...list];
    const names = given.split(",");
    const bad = names.filter((n) => !list.includes(n as T));
    if (bad.length > 0)
      throw new UsageError(`bench: unknown ${bad.join(", ")}; expected some of ${list.join(", ")}`);
    return names as T[];
  };
  const rounds = values.rounds === undefined ? (quick ? 1 : 3) : Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) {
    throw new UsageError(`bench: --rounds must be an integer ≥ 1, got ${values.rounds}`);
  }
  const threads = values.threads === undefined ? availableParallelism() : Number(values.threads);
  if (!Number.isInteger(threads) || threads < 1) {
    throw new UsageError(`bench: --threads must be an integer ≥ 1, got ${values.threads}`);
  }
  const compare = values.compare === undefined ? null : resolve(values.compare);
  if (compare !== null && !existsSync(join(compare, "index.js"))) {
    throw new UsageError(
      `bench: --compare needs a built dist/ folder (with index.js), got ${compare}`,
    );
  }
  const engines = pick(ENGINES, values.engines).filter(
    (e) => e !== "ours-main" || compare !== null,
  );
  if (values.engines?.split(",").includes("ours-main") && compare === null) {
    throw new UsageError("bench: the engine ours-main needs --compare DIR (the dist/ to load)");
  }
  return {
    quick,
    rounds,
    workloads: pick(WORKLOADS, values.only),
    engines,
    compare,
    threads,
    lessons: !quick && !(values["no-lessons"] ?? false),
    out: values.out ?? join(ROOT, "bench", "results", quick ? "quick.json" : "latest.json"),
  };
}

/**
 * Runs one child process and returns its Result (a failed child becomes a "cannot run" result).
 * "ours-main" gets `compare` as its dist/ folder (BENCH_DIST).
 */
function runChild(
  engine: Engine,
  workload: Workload,
  quick: boolean,
  compare: string | null,
  threads: number,
): Result {
  const args = [join(__dirname, "child.js"), engine, workload, ...(quick ? ["--quick"] : [])];
  const env = {
    ...process.env,
    BENCH_DIST: engine === "ours-main" ? (compare ?? "") : "",
    [THREADS_ENV]: String(threads),
    DL_THREADS: String(threads), // ours: lib/kernels/fast/thread-pool.ts
  };
  const child = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 16 << 20,
    env,
  });
  const line = child.stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
  if (line !== undefined) return JSON.parse(line.slice(RESULT_PREFIX.length)) as Result;
  const why = (child.stderr || `exit ${child.status}`).trim().split("\n").slice(-1)[0];
  return {
    engine,
    workload,
    unit: "GFLOP/s",
    value: null,
    seconds: null,
    check: "not run",
    note: `child failed: ${why}`,
  };
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  let o: ReturnType<typeof parse>;
  try {
    o = parse(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${e.message}\n${USAGE}`);
    return 2;
  }
  console.log(
    `ours: matmul micro-kernel ${kernels.microKernel()}, ${o.threads} thread(s) (--threads)`,
  );
  if (o.compare !== null) console.log(`ours-main: the engine in ${o.compare}`);
  if (o.engines.includes("torch")) {
    const missing = torchMissing();
    if (missing === null) console.log(`torch: PyTorch with ${o.threads} thread(s) (--threads)`);
    else {
      console.log(
        `torch: skipped, PyTorch is not installed: ${missing}; to add it: ${TORCH_INSTALL}`,
      );
      o.engines = o.engines.filter((e) => e !== "torch");
    }
  }
  const results: Result[] = [];
  for (let round = 0; round < o.rounds; round++) {
    for (const workload of o.workloads) {
      const order = o.engines.map((_, i) => o.engines[(i + round) % o.engines.length]);
      for (const engine of order) {
        const r = runChild(engine, workload, o.quick, o.compare, o.threads);
        results.push(r);
        const v =
          r.value === null ? `n/a (${r.note ?? r.check})` : `${r.value.toPrecision(4)} ${r.unit}`;
        console.log(
          `round ${round + 1}/${o.rounds}  ${workload.padEnd(8)} ${engine.padEnd(10)} ${v}  [${r.check}]`,
        );
      }
    }
  }
  const rows = summarise(results);
  console.log(`\n${table(rows)}\n`);
  let lessons: LessonTimes | null = null;
  if (o.lessons) {
    lessons = await timeLessons(ROOT);
    console.log(`${lessonTable(lessons)}\n`);
  }
  mkdirSync(dirname(o.out), { recursive: true });
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    quick: o.quick,
    rounds: o.rounds,
    matmulBackend: kernels.microKernel(),
    compare: o.compare,
    threads: o.threads,
  };
  writeFileSync(o.out, JSON.stringify({ ...meta, rows, lessons, results }, null, 2));
  console.log(`written ${o.out}`);
  return results.some((r) => r.check.startsWith("FAILED")) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
