/**
 * One benchmark process: `node build/bench/child.js <engine> <workload> [--quick]`. Imports and
 * data creation happen before timing; prints the Result as JSON after RESULT_PREFIX. "ours-main"
 * runs our workloads on the dist/ folder in BENCH_DIST (bench/engine.ts); "torch" runs PyTorch with
 * BENCH_THREADS threads (bench/torch.ts).
 */
import {
  ENGINES,
  RESULT_PREFIX,
  THREADS_ENV,
  WORKLOADS,
  sizes,
  type Engine,
  type Result,
  type Workload,
} from "./protocol";
import { runOurs } from "./ours";
import { loadTf, runTfjs } from "./tfjs";
import { runTorch } from "./torch";

async function main(argv: string[]): Promise<void> {
  const [engine, workload] = argv as [Engine, Workload];
  if (!ENGINES.includes(engine) || !WORKLOADS.includes(workload)) {
    throw new Error(
      `bench child: expected <${ENGINES.join("|")}> <${WORKLOADS.join("|")}>, got ${argv.join(" ")}`,
    );
  }
  const sz = sizes(argv.includes("--quick"));
  let result: Result;
  try {
    const part =
      engine === "ours" || engine === "ours-main"
        ? runOurs(workload, sz)
        : engine === "torch"
          ? runTorch(workload, sz, Number(process.env[THREADS_ENV] ?? "1"))
          : runTfjs(await loadTf(engine === "tfjs-cpu" ? "cpu" : "wasm"), workload, sz);
    result = { engine, workload, ...part };
  } catch (e) {
    // An engine that cannot run a workload (tfjs-wasm has no Conv2DBackpropFilter) is reported, not hidden.
    const message = e instanceof Error ? e.message : String(e);
    const unit = workload.startsWith("W1") || workload === "W4" ? "GFLOP/s" : "samples/s";
    result = {
      engine,
      workload,
      unit,
      value: null,
      seconds: null,
      check: "not run",
      note: `cannot run: ${message.split("\n")[0]}`,
    };
  }
  process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
