/**
 * `npm run bench:browser`: each lesson's Run all in the browser (its exported page, from file://,
 * in Debian's headless Chromium, on the browser kernel) against the same lesson through the tslab
 * kernel (tools/runner), one lesson at a time on the same machine; and the bytes a runnable page
 * loads, when it opens and on its first run. Prints Markdown tables and writes JSON (default
 * bench/results/browser.json).
 *
 *   node build/bench/browser.js [--only 00,02] [--rounds N] [--no-tslab] [--out FILE] [--quick]
 * --quick: lesson 00 in the browser only, one round (a harness check, not a measurement).
 * Times are wall seconds from the first cell's start to the last cell's end, kernel start included
 * on both sides (the browser's: loading TypeScript and the engine into a fresh worker).
 */
import { mkdtempSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { chromium, type Browser } from "playwright-core";
import { exportSite } from "../tools/export/export";
import { runNotebooks } from "../tools/runner";
import { median } from "./timing";

const ROOT = join(__dirname, "..", "..");
const USAGE =
  "usage: node build/bench/browser.js [--only 00,02] [--rounds N] [--no-tslab] [--out FILE] [--quick]";

/** The part of the page's `window.course` this script uses (web/page/api.ts). */
interface Course {
  run(index: number): Promise<{ status: string }>;
  cells(): unknown[];
}

/** One lesson's measurements (medians over rounds). */
interface LessonRow {
  lesson: string;
  cells: number;
  ok: boolean;
  browserSeconds: number;
  /** Of which: the first cell (kernel start, `import * as dl`). */
  browserStartSeconds: number;
  tslabSeconds: number | null;
  /** Bytes the page loads as it opens (HTML included), and on its first run. */
  openBytes: number;
  runBytes: number;
}

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: "string" },
      rounds: { type: "string" },
      "no-tslab": { type: "boolean" },
      out: { type: "string" },
      quick: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const rounds = Number(values.rounds ?? 1);
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`bench:browser: --rounds must be an integer ≥ 1, got ${values.rounds}`);
  const quick = values.quick ?? false;
  return {
    only: quick ? ["00"] : (values.only?.split(",") ?? null),
    rounds: quick ? 1 : rounds,
    tslab: !(quick || values["no-tslab"]),
    out: values.out ?? join(ROOT, "bench", "results", "browser.json"),
    quick,
  };
}

/** The launch flags of DESIGN §6 (tests/export/browser.ts uses the same). */
function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

const bytesOf = (url: string): number => {
  try {
    return statSync(fileURLToPath(url)).size;
  } catch {
    return 0;
  }
};

/** Opens a lesson page in a fresh context (a cold cache) and times Run all. */
async function browserRun(browser: Browser, site: string, slug: string) {
  const context = await browser.newContext();
  context.setDefaultTimeout(600_000); // a lesson on a loaded machine takes minutes, not seconds
  const page = await context.newPage();
  const loaded = new Set<string>();
  page.on("requestfinished", (r) => {
    if (r.url().startsWith("file:")) loaded.add(r.url());
  });
  await page.goto(pathToFileURL(join(site, `${slug}.html`)).href);
  await page.waitForFunction(() => (window as unknown as { course?: object }).course !== undefined);
  await page.waitForLoadState("load");
  const atOpen = new Set(loaded);
  const run = await page.evaluate(async () => {
    const course = (window as unknown as { course: Course }).course;
    const started = performance.now();
    const first = await course.run(0);
    const afterFirst = performance.now();
    const rest: { status: string }[] = [];
    for (let i = 1; i < course.cells().length; i++) {
      const result = await course.run(i);
      rest.push(result);
      if (result.status !== "ok") break;
    }
    const results = [first, ...rest];
    return {
      seconds: (performance.now() - started) / 1000,
      startSeconds: (afterFirst - started) / 1000,
      cells: course.cells().length,
      ok: results.length === course.cells().length && results.every((r) => r.status === "ok"),
    };
  });
  const openBytes = [...atOpen].reduce((sum, url) => sum + bytesOf(url), 0);
  const runBytes = [...loaded]
    .filter((url) => !atOpen.has(url))
    .reduce((sum, url) => sum + bytesOf(url), 0);
  await context.close();
  return { ...run, openBytes, runBytes };
}

async function tslabRun(notebook: string): Promise<{ seconds: number; ok: boolean }> {
  const outDir = mkdtempSync(join(tmpdir(), "bench-browser-tslab-"));
  try {
    const [result] = await runNotebooks([notebook], { jobs: 1, outDir, root: ROOT });
    return { seconds: result.seconds, ok: result.ok };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const kb = (bytes: number): string =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;

/** The tables, as the README shows them. */
function report(rows: LessonRow[], assets: Record<string, number>): string {
  const lines = [
    "| lesson | cells | browser Run all (s) | of which kernel start (s) | tslab kernel (s) | browser / tslab | on open | on first run |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of rows) {
    const ratio =
      r.tslabSeconds === null ? "n/a" : `${(r.browserSeconds / r.tslabSeconds).toFixed(2)}×`;
    lines.push(
      `| ${r.lesson}${r.ok ? "" : " (FAILED)"} | ${r.cells} | ${r.browserSeconds.toFixed(1)} | ` +
        `${r.browserStartSeconds.toFixed(1)} | ${r.tslabSeconds?.toFixed(1) ?? "n/a"} | ${ratio} | ` +
        `${kb(r.openBytes)} | ${kb(r.runBytes)} |`,
    );
  }
  lines.push("", "| asset | size |", "| --- | --- |");
  for (const [name, bytes] of Object.entries(assets)) lines.push(`| ${name} | ${kb(bytes)} |`);
  return lines.join("\n");
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const input = join(ROOT, "notebooks");
  const slugs = readdirSync(input)
    .filter((name) => /^\d+.*\.ipynb$/.test(name))
    .map((name) => name.replace(/\.ipynb$/, ""))
    .filter((slug) => opts.only === null || opts.only.some((o) => slug.startsWith(o)));
  if (slugs.length === 0) throw new Error(`bench:browser: no lesson matches ${opts.only}`);
  // The committed lessons, exported as they are: the pages' own outputs do not matter here.
  const site = mkdtempSync(join(tmpdir(), "bench-browser-site-"));
  await exportSite({ input, output: site });
  const assets: Record<string, number> = {};
  for (const name of ["course-page.js", "course-page.css", "course-index.js"])
    assets[`assets/${name}`] = statSync(join(site, "assets", name)).size;
  for (const name of readdirSync(join(site, "assets", "kernel")))
    assets[`assets/kernel/${name}`] = statSync(join(site, "assets", "kernel", name)).size;
  const browser = await launch();
  const rows: LessonRow[] = [];
  try {
    for (const slug of slugs) {
      const runs = [];
      const tslab = [];
      for (let round = 0; round < opts.rounds; round++) {
        runs.push(await browserRun(browser, site, slug));
        if (opts.tslab) tslab.push(await tslabRun(join("notebooks", `${slug}.ipynb`)));
      }
      const row: LessonRow = {
        lesson: slug,
        cells: runs[0].cells,
        ok: runs.every((r) => r.ok) && tslab.every((t) => t.ok),
        browserSeconds: median(runs.map((r) => r.seconds)),
        browserStartSeconds: median(runs.map((r) => r.startSeconds)),
        tslabSeconds: tslab.length === 0 ? null : median(tslab.map((t) => t.seconds)),
        openBytes: median(runs.map((r) => r.openBytes)),
        runBytes: median(runs.map((r) => r.runBytes)),
      };
      rows.push(row);
      console.error(
        `${slug}: browser ${row.browserSeconds.toFixed(1)} s, tslab ${row.tslabSeconds?.toFixed(1) ?? "n/a"} s`,
      );
    }
  } finally {
    await browser.close();
    rmSync(site, { recursive: true, force: true });
  }
  console.log(report(rows, assets));
  mkdirSync(dirname(opts.out), { recursive: true });
  const when = new Date().toISOString();
  writeFileSync(
    opts.out,
    `${JSON.stringify({ when, quick: opts.quick, rounds: opts.rounds, rows, assets }, null, 1)}\n`,
  );
  if (!rows.every((r) => r.ok)) process.exitCode = 1;
}

main().catch((e: Error) => {
  console.error(e.message);
  console.error(USAGE);
  process.exit(2);
});
