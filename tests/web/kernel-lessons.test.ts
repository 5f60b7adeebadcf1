// Every lesson and solution notebook, run cell by cell in the browser kernel (headless Chromium,
// a file:// page), prints and displays exactly what the tslab kernel did in the course project's
// global setup (tests/course/global-setup.ts): same text, same charts (spec, SVG and alt text),
// same tables and verdicts; timings masked (tests/web/compare-outputs.ts), no PNG in the browser.
// Each notebook's time in Chromium and through tslab is measured, not asserted:
// test-artifacts/web-kernel/run-all-times.json.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cellSource, type NotebookResult } from "../../tools/runner";
import { courseResults } from "../course/results";
import { hasChromium, launchChromium } from "../export/browser";
import { openHarness, type CellRun, type Harness } from "./browser-kernel";
import { comparable, type AnyOutput } from "./compare-outputs";

const results: NotebookResult[] = hasChromium ? courseResults() : [];
const names = results.map((r) => r.path.replace(/^notebooks\//, "").replace(/\.ipynb$/, ""));
const browserRuns = new Map<string, CellRun[]>();
const times: { notebook: string; chromiumSeconds: number; tslabSeconds: number }[] = [];

/** All the text a notebook's browser run printed or displayed as text/plain. */
function runText(name: string): string {
  return (browserRuns.get(name) ?? [])
    .flatMap((run) => run.outputs)
    .map((o) =>
      o.output_type === "stream"
        ? o.text
        : o.output_type === "error"
          ? o.evalue
          : o.data["text/plain"],
    )
    .join("\n");
}

describe.skipIf(!hasChromium)("every lesson in the browser kernel, against tslab", () => {
  let browser: Browser;
  let harness: Harness;

  beforeAll(async () => {
    browser = await launchChromium();
    harness = await openHarness(browser);
  });
  afterAll(async () => {
    fs.mkdirSync("test-artifacts/web-kernel", { recursive: true });
    fs.writeFileSync(
      path.join("test-artifacts/web-kernel", "run-all-times.json"),
      `${JSON.stringify(times, null, 1)}\n`,
    );
    console.log(
      ["Run all, Chromium worker vs tslab kernel (seconds, same machine, same load):"]
        .concat(
          times.map(
            (t) =>
              `  ${t.notebook.padEnd(32)} ${t.chromiumSeconds.toFixed(1).padStart(6)}  ${t.tslabSeconds.toFixed(1).padStart(6)}`,
          ),
        )
        .join("\n"),
    );
    await harness?.close();
    await browser?.close();
  });

  it.each(names)(
    "%s: every cell's outputs equal tslab's",
    async (name) => {
      const result = results[names.indexOf(name)];
      expect(result.executed, `${result.path} was not executed by tslab`).not.toBeNull();
      const cells = result.executed!.cells.filter((c) => c.cell_type === "code");
      await harness.reset();
      const started = Date.now();
      const runs = await harness.run(cells.map(cellSource), { cellTimeoutSeconds: 300 });
      times.push({
        notebook: result.path,
        chromiumSeconds: (Date.now() - started) / 1000,
        tslabSeconds: result.seconds,
      });
      browserRuns.set(name, runs);
      cells.forEach((cell, i) => {
        const where = `${result.path}, code cell ${i}:\n${cellSource(cell).slice(0, 300)}`;
        expect(runs[i].status, where).toBe(
          cell.outputs?.some((o) => o.output_type === "error") ? "error" : "ok",
        );
        expect(comparable(runs[i].outputs as AnyOutput[]), where).toEqual(
          comparable((cell.outputs ?? []) as AnyOutput[]),
        );
      });
      expect(harness.outsideRequests).toEqual([]);
      expect(harness.consoleErrors).toEqual([]);
    },
    900_000,
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
