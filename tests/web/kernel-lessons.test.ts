// Lesson and solution pages of the exported site, opened in headless Chromium from file:// and run
// through `window.course` (the runnable page, its BrowserKernel in a Web Worker), print and display
// exactly what the tslab kernel did in the course project's global setup
// (tests/course/global-setup.ts): same text, same charts (spec, SVG and alt text), same tables and
// verdicts; timings masked (tests/web/compare-outputs.ts), no PNG in the browser.
//
// Running every page takes about as long as the tslab run itself (minutes per lesson on a loaded
// 2-core machine), so `npm test` runs a sample: one whole lesson (Run all) and the opening cells of
// lessons 04 and 07 up to the lecture's numbers (Alice's 0.524, the convolution's 5, the pool).
// `npm run test:browser-lessons` (COURSE_WEB_LESSONS=all) runs Run all on every lesson and solution
// page. Each whole page's Run all time and the tslab run's are measured, not asserted:
// test-artifacts/web-kernel/run-all-times.json.
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportSite } from "../../tools/export/export";
import { cellSource, type NotebookResult } from "../../tools/runner";
import type { KernelOutput } from "../../web/kernel/protocol";
import { courseDir, courseResults } from "../course/results";
import { hasChromium, launchChromium } from "../export/browser";
import { comparable, type AnyOutput } from "./compare-outputs";

const ARTIFACTS = "test-artifacts/web-kernel";
const SITE = path.join(ARTIFACTS, "course-site");
const EVERY_PAGE = process.env.COURSE_WEB_LESSONS === "all";

/** The sample `npm test` runs: a whole page, or a page's code cells up to (and with) the first one
 *  whose tslab output matches `until`. */
interface Sample {
  name: string;
  until?: RegExp;
}
const SAMPLE: Sample[] = [
  { name: "00-welcome" },
  { name: "04-mlp", until: /o1: 0\.52/ }, // 0.5236…, checked to three places below
  { name: "07-cnn", until: /\[\[8,9\],\[5,6\]\]/ },
];

const results: NotebookResult[] = hasChromium ? courseResults() : [];
const nameOf = (r: NotebookResult): string =>
  r.path.replace(/^notebooks\//, "").replace(/\.ipynb$/, "");
const samples: Sample[] = EVERY_PAGE
  ? results.map((r) => ({ name: nameOf(r) }))
  : SAMPLE.filter((s) => results.some((r) => nameOf(r) === s.name));
const pageRuns = new Map<string, { outputs: KernelOutput[] }[]>();
const times: { notebook: string; chromiumSeconds: number; tslabSeconds: number }[] = [];

/** The exported page of a notebook: `NN-topic.html`, or `NN-topic-solution.html` for a solution. */
const pageOf = (name: string): string =>
  name.startsWith("solutions/")
    ? `${name.slice("solutions/".length)}-solution.html`
    : `${name}.html`;

/** An output's text as the lecture-number checks read it (whitespace removed for `until`). */
const textOf = (o: AnyOutput): string =>
  o.output_type === "stream"
    ? [o.text ?? ""].flat().join("")
    : o.output_type === "error"
      ? (o.evalue ?? "")
      : [(o.data?.["text/plain"] as string | string[] | undefined) ?? ""].flat().join("");

/** How many code cells of `cells` to run: all, or up to the first whose output matches `until`. */
function cellCount(cells: { outputs?: unknown[] }[], sample: Sample): number {
  if (sample.until === undefined) return cells.length;
  const until = sample.until;
  const at = cells.findIndex((cell) =>
    ((cell.outputs ?? []) as AnyOutput[]).some(
      (o) => until.test(textOf(o)) || until.test(textOf(o).replace(/\s/g, "")),
    ),
  );
  expect(at, `${sample.name}: no tslab output matches ${until}`).toBeGreaterThanOrEqual(0);
  return at + 1;
}

/** All the text a page's run printed or displayed as text/plain. */
function runText(name: string): string {
  return (pageRuns.get(name) ?? [])
    .flatMap((run) => run.outputs)
    .map((o) =>
      o.output_type === "stream"
        ? o.text
        : o.output_type === "error"
          ? o.evalue
          : String(o.data["text/plain"]),
    )
    .join("\n");
}

describe.skipIf(!hasChromium)("lesson pages, run in Chromium, against tslab", () => {
  let browser: Browser;

  beforeAll(async () => {
    fs.rmSync(SITE, { recursive: true, force: true });
    await exportSite({
      input: path.join(courseDir(), "notebooks"),
      output: SITE,
      instructor: true,
    });
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(
      path.join(ARTIFACTS, "run-all-times.json"),
      `${JSON.stringify(times, null, 1)}\n`,
    );
    const rows = times.map(
      (t) =>
        `  ${t.notebook.padEnd(46)} ${t.chromiumSeconds.toFixed(1).padStart(6)}  ${t.tslabSeconds.toFixed(1).padStart(6)}`,
    );
    console.log(["Run all: Chromium page vs tslab kernel (s, same machine):", ...rows].join("\n"));
    await browser?.close();
  });

  it.each(samples.map((sample) => [sample.name, sample]))(
    "%s: prints and displays what tslab did, cell for cell",
    async (name, sample) => {
      const result = results.find((r) => nameOf(r) === name)!;
      expect(result.executed, `${result.path} was not executed by tslab`).not.toBeNull();
      const code = result.executed!.cells.filter((c) => c.cell_type === "code");
      const cells = code.slice(0, cellCount(code, sample));
      const context = await browser.newContext();
      const page = await context.newPage();
      page.setDefaultTimeout(600_000); // a loaded 2-core machine takes minutes to open a lesson page
      const root = pathToFileURL(path.resolve(SITE)).href + "/";
      const outside: string[] = [];
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      await page.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith(root) || /^(data|blob):/.test(url)) return route.continue();
        outside.push(url);
        return route.abort();
      });
      try {
        await page.goto(pathToFileURL(path.join(SITE, pageOf(name))).href, { timeout: 600_000 });
        await page.waitForFunction(() => window.course !== undefined);
        const started = Date.now();
        const runs =
          cells.length === code.length
            ? await page.evaluate(() => window.course!.runAll())
            : await page.evaluate(async (count) => {
                const done = [];
                for (let i = 0; i < count; i++) done.push(await window.course!.run(i));
                return done;
              }, cells.length);
        if (cells.length === code.length) {
          times.push({
            notebook: result.path,
            chromiumSeconds: (Date.now() - started) / 1000,
            tslabSeconds: result.seconds,
          });
        }
        pageRuns.set(name, runs);
        expect(runs).toHaveLength(cells.length);
        cells.forEach((cell, i) => {
          const where = `${result.path}, code cell ${i}:\n${cellSource(cell).slice(0, 300)}`;
          const failed = cell.outputs?.some((o) => o.output_type === "error") ?? false;
          expect(runs[i].status, where).toBe(failed ? "error" : "ok");
          expect(comparable(runs[i].outputs as AnyOutput[]), where).toEqual(
            comparable((cell.outputs ?? []) as AnyOutput[]),
          );
        });
        expect(outside).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    1_800_000,
  );

  it("shows the lecture's numbers: Alice's 0.524, the convolution's 5, the pool [[8,9],[5,6]]", () => {
    const lesson4 = runText("04-mlp");
    const alice = [...lesson4.matchAll(/o1: (\d\.\d+)/g)].map((m) => Number(m[1]));
    expect(
      alice.some((o1) => o1.toFixed(3) === "0.524"),
      lesson4.slice(0, 2000),
    ).toBe(true);
    const lesson7 = runText("07-cnn");
    expect(lesson7).toMatch(
      /\(-1×5\)\+\(0×2\)\+\(1×6\)\+\(2×4\)\+\(1×3\)\+\(2×4\)\+\(1×3\)\+\(-2×9\)\+\(0×2\) = 5\n/,
    );
    expect(lesson7.replace(/\s/g, "")).toContain("[[8,9],[5,6]]");
  });
});
