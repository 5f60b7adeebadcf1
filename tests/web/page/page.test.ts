// The runnable page in headless Chromium from file://, on the real browser kernel: editors and
// Jupyter's keys, Run all / Interrupt / Restart, counts and the busy marker, outputs (displays
// updated in place, the live training chart, hostile HTML), the cell limit, and no request outside
// the site and no console error anywhere. Exercises, progress, Reset and Download: progress.test.ts.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { hasChromium, launchChromium } from "../../export/browser";
import {
  buildTestSite,
  cellWith,
  codeSources,
  FIXTURE,
  pageUrl,
  serveStatic,
  watch,
  type Watch,
} from "./site";

/** A fresh kernel's first cell loads TypeScript and the engine: seconds, and more on a loaded machine. */
const LONG = 240_000;
const POLL = { timeout: 120_000, interval: 100 };

const sources = codeSources(path.resolve(__dirname, `../../fixtures/web/${FIXTURE}.ipynb`));
const at = (needle: string): number => cellWith(sources, needle);
const CELL = {
  import: at("import * as dl"),
  static: at("fresh output"),
  busy: at("Date.now() - t0"),
  define: at("const answer"),
  display: at('"step 1"'),
  elsewhere: at('"step 3"'),
  hostile: at("dl.show.html"),
  fit: at("dl.train.fit"),
  expected: at("on purpose"),
  after: at("still running"),
};

type Status = "idle" | "running" | "ok" | "error";
const statusOf = (page: Page, i: number): Promise<Status> =>
  page.evaluate((k) => window.course!.cells()[k].status, i);
const cellText = (page: Page, i: number): Promise<string> =>
  page.locator(".code-cell.runnable").nth(i).locator(".live-outputs").innerText();
const prompt = (page: Page, i: number): Promise<string> =>
  page.locator(".code-cell.runnable").nth(i).locator(".prompt").innerText();

describe.skipIf(!hasChromium)("the runnable page (fixture notebook)", { timeout: LONG }, () => {
  let browser: Browser;
  let site: string;
  let context: BrowserContext;
  let page: Page;
  let seen: Watch;

  beforeAll(async () => {
    site = await buildTestSite();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    page = await context.newPage();
    seen = await watch(page, site);
    await page.goto(pageUrl(site, `${FIXTURE}.html`));
    await page.waitForFunction(() => window.course !== undefined);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("opened without JavaScript, shows the code and the executed outputs", async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const p = await plain.newPage();
    await p.goto(pageUrl(site, `${FIXTURE}.html`));
    expect(await p.locator(".code-cell pre.code-block").count()).toBe(sources.length);
    expect(await p.locator(".cm-editor").count()).toBe(0);
    await expect
      .poll(() => p.locator(".outputs").first().innerText(), POLL)
      .toContain("static output from the executed notebook");
    await plain.close();
  });

  it("turns every code cell into a labelled editor and loads no kernel before the first run", async () => {
    expect(await page.locator(".cm-editor").count()).toBe(sources.length);
    const labels = await page
      .locator(".cm-content")
      .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
    expect(labels[0]).toBe(`Code cell 1 of ${sources.length}, TypeScript`);
    expect(new Set(labels).size).toBe(sources.length);
    const runLabel = await page.locator(".cell-run").nth(2).getAttribute("aria-label");
    expect(runLabel).toBe(`Run code cell 3 of ${sources.length}`);
    for (const name of ["Run all", "Interrupt", "Restart", "Download .ipynb", "Reset lesson…"])
      expect(await page.getByRole("button", { name, exact: true }).count()).toBe(1);
    expect(await page.locator(".kernel-status").innerText()).toBe("Kernel: not started");
    expect(await page.locator("script[data-kernel-asset]").count()).toBe(0);
    expect(await page.evaluate(() => window.course!.cells().map((c) => c.source))).toEqual(sources);
    // The executed output stays until the cell runs.
    const staticCell = page.locator(".code-cell.runnable").nth(CELL.static);
    expect(await staticCell.locator(".outputs").first().innerText()).toContain(
      "static output from the executed notebook",
    );
    expect(await staticCell.locator(".prompt").innerText()).toBe("[7]");
  });

  it("Shift-Enter runs the cell and moves to the next; Ctrl-Enter runs in place", async () => {
    await page.locator(".cm-content").nth(CELL.import).click();
    await page.keyboard.press("Shift+Enter");
    await expect.poll(() => statusOf(page, CELL.import), POLL).toBe("ok");
    const focused = (): Promise<number> =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll(".cm-content")).findIndex((e) =>
          e.contains(document.activeElement),
        ),
      );
    expect(await focused()).toBe(CELL.static);
    expect(await prompt(page, CELL.import)).toBe("[1]");
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => statusOf(page, CELL.static), POLL).toBe("ok");
    expect(await focused()).toBe(CELL.static);
    expect(await prompt(page, CELL.static)).toBe("[2]");
    // The static output gave way to this run's.
    const text = await page.locator(".code-cell.runnable").nth(CELL.static).innerText();
    expect(text).toContain("fresh output of this session");
    expect(text).not.toContain("static output from the executed notebook");
  });

  it("shows [*], the cell's busy state and the kernel's while a cell runs", async () => {
    const done = page.evaluate((k) => window.course!.run(k), CELL.busy);
    await expect.poll(() => prompt(page, CELL.busy), POLL).toBe("[*]");
    const cell = page.locator(".code-cell.runnable").nth(CELL.busy);
    expect(await cell.getAttribute("data-state")).toBe("running");
    expect(await cell.getAttribute("aria-busy")).toBe("true");
    expect(await page.locator(".kernel-status").innerText()).toBe("Kernel: busy");
    const result = await done;
    expect(result).toMatchObject({ index: CELL.busy, status: "ok", executionCount: 3 });
    expect(await prompt(page, CELL.busy)).toBe("[3]");
    expect(await cell.getAttribute("aria-busy")).toBeNull();
    expect(await cellText(page, CELL.busy)).toContain("slept");
    await expect.poll(() => page.locator(".kernel-status").innerText(), POLL).toBe("Kernel: idle");
  });

  it("replaces a display in place, in its own cell and from a later one", async () => {
    await page.evaluate((k) => window.course!.run(k), CELL.display);
    await expect.poll(async () => (await cellText(page, CELL.display)).trim(), POLL).toBe("step 2");
    await page.evaluate((k) => window.course!.run(k), CELL.elsewhere);
    await expect.poll(async () => (await cellText(page, CELL.display)).trim(), POLL).toBe("step 3");
    expect((await cellText(page, CELL.elsewhere)).trim()).toBe("");
    const outputs = await page.evaluate((k) => window.course!.cells()[k].outputs, CELL.display);
    expect(outputs).toEqual([
      expect.objectContaining({ output_type: "display_data", data: { "text/plain": "step 3" } }),
    ]);
  });

  it("draws the live training display as one chart, updated in place", async () => {
    const result = await page.evaluate((k) => window.course!.run(k), CELL.fit);
    expect(result.status).toBe("ok");
    const cell = page.locator(".code-cell.runnable").nth(CELL.fit);
    await expect.poll(() => cell.locator("figure.output-vegalite.drawn").count(), POLL).toBe(1);
    expect(await cell.locator("figure").count()).toBe(1);
    expect(await cell.locator(".live-outputs pre.output-stream").innerText()).toBe("60\n");
    // One image named by its caption for screen readers, not vega's hundreds of unnamed marks.
    const figure = cell.locator("figure.output-vegalite");
    const roles = await figure
      .locator("[role]")
      .evaluateAll((els) => els.map((e) => `${e.tagName.toLowerCase()}:${e.getAttribute("role")}`));
    expect(roles).toEqual(["svg:img"]);
    expect(await figure.locator("svg").getAttribute("aria-label")).toBe(
      await figure.locator("figcaption").textContent(),
    );
  });

  it("shows hostile HTML without running or loading anything, and keeps notebook text as text", async () => {
    await page.evaluate((k) => window.course!.run(k), CELL.hostile);
    const cell = page.locator(".code-cell.runnable").nth(CELL.hostile);
    expect(await cell.locator(".output-html").innerText()).toContain("hostile");
    expect(await cell.locator("script").count()).toBe(0);
    expect(await cell.locator("#bad-link").getAttribute("href")).toBeNull();
    expect(await cell.locator("a[href='http://example.invalid/a.png']").innerText()).toBe(
      "far image",
    );
    await page.waitForTimeout(300);
    const w = await page.evaluate(() => Object.keys(window).filter((k) => k.startsWith("__pwned")));
    expect(w).toEqual([]);
    expect(await page.evaluate((k) => window.course!.cells()[k].source, CELL.hostile)).toBe(
      sources[CELL.hostile],
    );
  });

  it("Run all runs every cell in order; a raises-exception cell does not stop it", async () => {
    const results = await page.evaluate(() => window.course!.runAll());
    expect(results.map((r) => r.status)).toEqual(
      sources.map((_, i) => (i === CELL.expected ? "error" : "ok")),
    );
    const counts = results.map((r) => r.executionCount ?? 0);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(new Set(counts).size).toBe(sources.length);
    expect(await cellText(page, CELL.expected)).toContain("Error: on purpose");
    expect(await cellText(page, CELL.after)).toContain("still running after the expected error");
  });

  it("a failing cell cancels the cells queued after it, as Jupyter's Run all", async () => {
    await page.evaluate(
      (k) => window.course!.setSource(k, 'throw new TypeError("stop here")'),
      CELL.define,
    );
    const results = await page.evaluate(() => window.course!.runAll());
    expect(results[CELL.define].status).toBe("error");
    expect(results.slice(CELL.define + 1).map((r) => r.status)).toEqual(
      sources.slice(CELL.define + 1).map(() => "aborted"),
    );
    expect(await prompt(page, CELL.define + 1)).toMatch(/^\[\d+\]$/);
    expect(await cellText(page, CELL.define)).toContain("TypeError: stop here");
    await page.evaluate(
      (k) => window.course!.setSource(k, "const answer = 41 + 1;\nanswer"),
      CELL.define,
    );
  });

  it("Restart gives a fresh kernel: the variables are gone and counts start again", async () => {
    const before = await page.evaluate((k) => window.course!.run(k), CELL.define);
    expect(before.status).toBe("ok");
    await page.getByRole("button", { name: "Restart", exact: true }).click();
    await page.evaluate((k) => window.course!.setSource(k, "answer * 2"), CELL.after);
    const after = await page.evaluate((k) => window.course!.run(k), CELL.after);
    expect(after.status).toBe("error");
    expect(after.executionCount).toBe(1);
    expect(await cellText(page, CELL.after)).toMatch(/Cannot find name 'answer'/);
  });

  it("Interrupt ends an endless loop; the page says what was lost and the next cell runs", async () => {
    await page.evaluate((k) => window.course!.setSource(k, "while (true) {}"), CELL.after);
    const done = page.evaluate((k) => window.course!.run(k), CELL.after);
    await expect.poll(() => statusOf(page, CELL.after), POLL).toBe("running");
    await page.waitForTimeout(500);
    await page.getByRole("button", { name: "Interrupt", exact: true }).click();
    expect((await done).status).toBe("interrupted");
    expect(await page.locator(".course-notice").last().innerText()).toMatch(/Interrupted/);
    const next = await page.evaluate((k) => window.course!.run(k), CELL.define);
    expect(next.status).toBe("ok");
    expect(await cellText(page, CELL.define)).toContain("42");
  });

  it("the notebook's cell limit (course.cellTimeout: 10) stops an endless loop", async () => {
    const result = await page.evaluate((k) => window.course!.run(k), CELL.after);
    expect(result.status).toBe("timeout");
    expect(await cellText(page, CELL.after)).toMatch(/timed out after 10 s/);
    const next = await page.evaluate((k) => window.course!.run(k), CELL.import);
    expect(next.status).toBe("ok");
  }, 60_000);

  it("window.course rejects a bad index or text with a named error", async () => {
    const message = await page.evaluate(() =>
      window.course!.run(99).then(
        () => "resolved",
        (e: Error) => `${e.name}: ${e.message}`,
      ),
    );
    expect(message).toBe(
      `RangeError: course.run: index must be an integer from 0 to ${sources.length - 1}, got 99`,
    );
    const typeError = await page.evaluate(() => {
      try {
        window.course!.setSource(0, 5 as unknown as string);
        return "accepted";
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
    });
    expect(typeError).toBe("TypeError: course.setSource: text must be a string, got number");
  });

  it("made no request outside the site and logged no console error", () => {
    expect(seen.outside).toEqual([]);
    // Chromium reports the page's Content-Security-Policy refusing the hostile cell's `onerror`
    // when it parses that HTML (even into an inert template, before the page removes the
    // attribute): the policy working, not an error of the page. Anything else is an error.
    const blocked =
      /^Executing inline event handler violates the following Content Security Policy/;
    expect(seen.errors.filter((e) => !blocked.test(e))).toEqual([]);
  });

  it("works the same from a static web server: cells run, nothing is fetched from elsewhere", async () => {
    const server = await serveStatic(site);
    const served = await browser.newContext();
    try {
      const p = await served.newPage();
      const here = await watch(p, site, server.url);
      await p.goto(`${server.url}${FIXTURE}.html`);
      await p.waitForFunction(() => window.course !== undefined);
      const runs = await p.evaluate(
        async (cells) => [await window.course!.run(cells[0]), await window.course!.run(cells[1])],
        [CELL.import, CELL.static],
      );
      expect(runs.map((r) => r.status)).toEqual(["ok", "ok"]);
      expect(await p.locator(".code-cell.runnable").nth(CELL.static).innerText()).toContain(
        "fresh output of this session",
      );
      expect(here.outside).toEqual([]);
      expect(here.errors).toEqual([]);
    } finally {
      await served.close();
      await server.close();
    }
  });

  it("screenshots, light and dark", async () => {
    const dir = path.resolve(__dirname, "../../../test-artifacts/web-page");
    fs.mkdirSync(dir, { recursive: true });
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator(".code-cell.runnable").nth(CELL.fit).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(dir, `fixture-${scheme}.png`) });
    }
  });
});

describe.skipIf(!hasChromium)("a site whose kernel files are missing", { timeout: LONG }, () => {
  it("says so under the cell, and the page keeps working", async () => {
    const site = await buildTestSite();
    fs.rmSync(path.join(site, "assets", "kernel", "kernel-worker.js"));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const uncaught: string[] = [];
      page.on("pageerror", (e) => uncaught.push(e.message));
      await page.goto(pageUrl(site, `${FIXTURE}.html`));
      await page.waitForFunction(() => window.course !== undefined);
      const result = await page.evaluate(() => window.course!.run(0));
      expect(result.status).toBe("error");
      const text = await cellText(page, 0);
      expect(text).toMatch(
        /KernelError: .*kernel-worker\.js could not be loaded \(is the site complete\?\)/,
      );
      // The editors, the toolbar and the other cells still answer.
      await page.evaluate(() => window.course!.setSource(1, "1 + 1"));
      expect((await page.evaluate(() => window.course!.run(1))).status).toBe("error");
      expect(await page.evaluate(() => window.course!.cells()[1].source)).toBe("1 + 1");
      expect(uncaught).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
