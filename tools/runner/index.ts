/**
 * The headless notebook runner's public API: run notebooks in parallel, each in its own tslab
 * kernel, and report them one line each, then `N passed, N failed`.
 *
 * Example:
 *   const results = await runNotebooks(["notebooks/00-welcome.ipynb"], { jobs: 2 });
 *   console.log(summaryLine(results)); // "1 passed, 0 failed"
 */
import { existsSync, readdirSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { type KernelSpec, readKernelSpec } from "./launch";
import { checkJobs, checkSeconds } from "./options";
import { runNotebook, type NotebookResult, type RunOptions } from "./run-notebook";

export {
  runNotebook,
  type NotebookResult,
  type RunOptions,
  type CellFailure,
} from "./run-notebook";
export { readNotebook, cellSource, hasTag, type Notebook, type Cell } from "./notebook";
export { ArgumentError, NotebookFormatError, OutputPathError } from "./errors";
export type { Output } from "./outputs";

/** Options of `runNotebooks`: those of `runNotebook`, plus parallelism and a progress callback. */
export interface RunManyOptions extends RunOptions {
  /** Notebooks run at once, each in its own kernel (default: the number of CPU cores). */
  jobs?: number;
  /** Called as each notebook finishes (in completion order). */
  onResult?: (result: NotebookResult) => void;
}

/**
 * Runs `paths` with at most `jobs` kernels at a time; results come back in the order of `paths`.
 * No executed copy may land on any of `paths`. Throws ArgumentError for a bad `jobs` or `timeout`.
 */
export async function runNotebooks(
  paths: readonly string[],
  options: RunManyOptions = {},
): Promise<NotebookResult[]> {
  const jobs = options.jobs === undefined ? cpus().length : checkJobs("jobs", options.jobs);
  if (options.timeout !== undefined) checkSeconds("timeout", options.timeout);
  const sources = [...paths, ...(options.sources ?? [])];
  const atOnce = Math.min(jobs, paths.length);
  const spec = shareCores(options.spec, atOnce);
  const results: NotebookResult[] = new Array(paths.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const i = next++;
      results[i] = await runNotebook(paths[i], { ...options, sources, spec });
      options.onResult?.(results[i]);
    }
  };
  await Promise.all(Array.from({ length: atOnce }, worker));
  return results;
}

/**
 * The kernelspec with DL_THREADS set so that `atOnce` kernels share the cores instead of each
 * starting a worker thread per core (the engine's fast kernels split large ops across threads:
 * lib/kernels/fast/thread-pool.ts); a DL_THREADS already set, here or in the spec, is kept.
 */
function shareCores(given: KernelSpec | undefined, atOnce: number): KernelSpec | undefined {
  if (atOnce < 2 || process.env.DL_THREADS !== undefined) return given;
  let spec: KernelSpec;
  try {
    spec = given ?? readKernelSpec();
  } catch {
    return given; // each notebook then reports the missing kernelspec, as without this
  }
  if (spec.env?.DL_THREADS !== undefined) return spec;
  const threads = String(Math.max(1, Math.floor(cpus().length / atOnce)));
  return { ...spec, env: { ...spec.env, DL_THREADS: threads } };
}

/** Every lesson and solution: notebooks/*.ipynb then notebooks/solutions/*.ipynb under `root`, sorted. */
export function lessonPaths(root: string = process.cwd()): string[] {
  const list = (dir: string): string[] =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir))
          .filter((name) => name.endsWith(".ipynb"))
          .sort()
          .map((name) => join(dir, name))
      : [];
  return [...list("notebooks"), ...list(join("notebooks", "solutions"))];
}

/** One report line: `✓ path  1.2 s  5/5 cells`, then indented details of each failure. */
export function formatResult(result: NotebookResult): string {
  const mark = result.ok ? "✓" : "✗";
  const cells = `${result.cellsRun}/${result.codeCells} cells`;
  const lines = [`${mark} ${result.path}  ${result.seconds.toFixed(1)} s  ${cells}`];
  if (result.error !== null) lines.push(`    ${result.error}`);
  for (const failure of result.failures) {
    lines.push(`    cell ${failure.cell}: ${failure.message}`);
    for (const line of failure.head.split("\n")) lines.push(`      | ${line}`);
  }
  return lines.join("\n");
}

/** The final line, exactly `N passed, N failed`. */
export function summaryLine(results: readonly NotebookResult[]): string {
  const passed = results.filter((r) => r.ok).length;
  return `${passed} passed, ${results.length - passed} failed`;
}
