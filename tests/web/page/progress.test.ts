// A student's work on a real lesson page (lesson 2, as committed) in headless Chromium from
// file://: an exercise edited wrong shows the targeted message and right the passed verdict;
// progress and edits survive a reload and show on the index; Reset lesson (confirmed) restores the
// lesson; a corrupted localStorage entry gives a notice and a fresh start; Download .ipynb is valid
// nbformat 4.5 with the course's kernelspec; the solution page keeps its own progress.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { hasChromium, launchChromium } from "../../export/browser";
import { checkNbformat } from "../../runner/nbformat";
import {
  buildTestSite,
  cellWith,
  codeSources,
  LESSON,
  pageUrl,
  projectRoot,
  watch,
  type Watch,
} from "./site";

const lesson = codeSources(path.join(projectRoot, `notebooks/${LESSON}.ipynb`));
const solution = codeSources(path.join(projectRoot, `notebooks/solutions/${LESSON}.ipynb`));
const EXERCISE = cellWith(lesson, "dl.check.perceptronUpdate");
const RIGHT = solution[cellWith(solution, "dl.check.perceptronUpdate")];
/** A plausible wrong answer: the error's sign flipped (y − ŷ written ŷ − y). */
const WRONG = RIGHT.replace("y - yHat", "yHat - y");
const KEY = `course-progress:${LESSON}`;
/** The lesson's exercises (code cells with `course.exercise` metadata), as the toolbar counts them. */
const TOTAL = new Set(
  (
    JSON.parse(fs.readFileSync(path.join(projectRoot, `notebooks/${LESSON}.ipynb`), "utf8")) as {
      cells: { metadata: { course?: { exercise?: string } } }[];
    }
  ).cells
    .map((c) => c.metadata.course?.exercise)
    .filter((id) => id !== undefined),
).size;
const passed = (n: number): string => `${n} of ${TOTAL} exercises passed`;
/** Running the whole lesson in a fresh kernel takes ~20 s on a quiet machine; allow for load. */
const LONG = 240_000;
const POLL = { timeout: 120_000, interval: 100 };

async function open(page: Page, site: string, file = `${LESSON}.html`): Promise<void> {
  await page.goto(pageUrl(site, file));
  await page.waitForFunction(() => window.course !== undefined);
}

const verdictOf = (page: Page, i: number): Promise<string> =>
  page.locator(".code-cell.runnable").nth(i).locator(".live-outputs .dl-verdict").innerText();
const progressText = (page: Page): Promise<string> =>
  page.locator(".course-toolbar .lesson-progress").innerText();

describe.skipIf(!hasChromium)("a student's progress on a lesson page", { timeout: LONG }, () => {
  let browser: Browser;
  let site: string;
  let context: BrowserContext;
  let page: Page;
  let seen: Watch;

  beforeAll(async () => {
    expect(WRONG).not.toBe(RIGHT);
    site = await buildTestSite();
    browser = await launchChromium();
    context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    seen = await watch(page, site);
    await open(page, site);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("a wrong answer gets the targeted message, a right one the passed verdict", async () => {
    expect(await progressText(page)).toBe(passed(0));
    expect((await page.evaluate(() => window.course!.run(0))).status).toBe("ok"); // import dl
    expect((await page.evaluate((k) => window.course!.run(k), EXERCISE)).status).toBe("ok");
    expect(await verdictOf(page, EXERCISE)).toMatch(/not attempted yet/);
    await page.evaluate(([k, text]) => window.course!.setSource(k, text), [
      EXERCISE,
      WRONG,
    ] as const);
    expect((await page.evaluate((k) => window.course!.run(k), EXERCISE)).status).toBe("ok");
    const wrong = await verdictOf(page, EXERCISE);
    expect(wrong).toMatch(/not yet right/);
    expect(wrong).toMatch(/sign is flipped/);
    expect(await progressText(page)).toBe(passed(0));
    await page.evaluate(([k, text]) => window.course!.setSource(k, text), [
      EXERCISE,
      RIGHT,
    ] as const);
    await page.evaluate((k) => window.course!.run(k), EXERCISE);
    expect(await verdictOf(page, EXERCISE)).toMatch(/02-update-rule: passed/);
    expect(await progressText(page)).toBe(passed(1));
  });

  it("a passed exercise stays passed after it is broken again", async () => {
    await page.evaluate(([k, text]) => window.course!.setSource(k, text), [
      EXERCISE,
      WRONG,
    ] as const);
    await page.evaluate((k) => window.course!.run(k), EXERCISE);
    expect(await verdictOf(page, EXERCISE)).toMatch(/not yet right/);
    expect(await progressText(page)).toBe(passed(1));
    await page.evaluate(([k, text]) => window.course!.setSource(k, text), [
      EXERCISE,
      RIGHT,
    ] as const);
  });

  it("keeps the edits and the progress across a reload, and the index shows it", async () => {
    await page.reload();
    await page.waitForFunction(() => window.course !== undefined);
    expect(await page.evaluate((k) => window.course!.cells()[k].source, EXERCISE)).toBe(RIGHT);
    expect(await page.locator(".cm-content").nth(EXERCISE).innerText()).toContain("y - yHat");
    expect(await progressText(page)).toBe(passed(1));
    const index = await context.newPage();
    await index.goto(pageUrl(site, "index.html"));
    const entry = index.locator(".lesson-entry", {
      has: index.locator(`a[href="${LESSON}.html"]`),
    });
    await expect
      .poll(() => entry.locator(".lesson-progress").innerText(), POLL)
      .toMatch(new RegExp(`^${passed(1)} · your edits are saved$`));
    await index.close();
  });

  it("Download .ipynb saves valid nbformat 4.5 with the course's kernelspec and this session's outputs", async () => {
    await page.evaluate(() => window.course!.run(0)); // import * as dl from "../dist"
    const ran = await page.evaluate((k) => window.course!.run(k), EXERCISE);
    expect(ran.status).toBe("ok");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download .ipynb" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${LESSON}.ipynb`);
    const text = fs.readFileSync(await download.path(), "utf8");
    const nb = JSON.parse(text);
    expect(checkNbformat(nb)).toEqual([]);
    expect(nb.metadata.kernelspec).toEqual({
      name: "tslab",
      display_name: "TypeScript (course, tslab)",
      language: "typescript",
    });
    expect(nb.metadata.course.lesson).toBe(2);
    const code = nb.cells.filter((c: { cell_type: string }) => c.cell_type === "code");
    const sources = code.map((c: { source: string[] }) => c.source.join(""));
    expect(sources).toEqual(lesson.map((s, i) => (i === EXERCISE ? RIGHT : s)));
    const exercise = code[EXERCISE];
    expect(exercise.execution_count).toBe(ran.executionCount);
    const verdict = exercise.outputs.find((o: { data?: object }) => o.data !== undefined);
    expect(verdict.data["application/vnd.course.verdict+json"]).toEqual({
      exercise: "02-update-rule",
      status: "passed",
    });
    expect(verdict.data["text/html"].join("")).toContain("dl-verdict-passed");
    // Cells not run since the reload carry no outputs; nothing page-only is saved.
    expect(code[1]).toMatchObject({ execution_count: null, outputs: [] });
    expect(text).not.toMatch(/transient|update_display_data/);
    const markdown = nb.cells.filter((c: { cell_type: string }) => c.cell_type === "markdown");
    const original = JSON.parse(
      fs.readFileSync(path.join(projectRoot, `notebooks/${LESSON}.ipynb`), "utf8"),
    );
    expect(markdown.map((c: { source: string[] }) => c.source.join(""))).toEqual(
      original.cells
        .filter((c: { cell_type: string }) => c.cell_type === "markdown")
        .map((c: { source: string[] | string }) =>
          Array.isArray(c.source) ? c.source.join("") : c.source,
        ),
    );
  });

  it("Reset lesson asks first; confirmed, it restores the lesson and forgets the progress", async () => {
    await page.getByRole("button", { name: "Reset lesson…" }).click();
    const dialog = page.getByRole("dialog", { name: "Reset this lesson?" });
    expect(await dialog.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await page.evaluate((k) => window.course!.cells()[k].source, EXERCISE)).toBe(RIGHT);
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).not.toBeNull();

    await page.getByRole("button", { name: "Reset lesson…" }).click();
    await dialog.getByRole("button", { name: "Reset lesson" }).click();
    expect(await page.evaluate(() => window.course!.cells().map((c) => c.source))).toEqual(lesson);
    expect(await progressText(page)).toBe(passed(0));
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();
    await page.reload();
    await page.waitForFunction(() => window.course !== undefined);
    expect(await page.evaluate(() => window.course!.cells().map((c) => c.source))).toEqual(lesson);
    expect(await progressText(page)).toBe(passed(0));
  });

  it("the solution page keeps its own progress", async () => {
    const other = await context.newPage();
    const otherSeen = await watch(other, site);
    await open(other, site, `${LESSON}-solution.html`);
    const k = cellWith(solution, "dl.check.perceptronUpdate");
    await other.evaluate(() => window.course!.run(0));
    await other.evaluate((i) => window.course!.run(i), k);
    expect(await verdictOf(other, k)).toMatch(/passed/);
    expect(await other.locator(".course-toolbar .lesson-progress").innerText()).toBe(passed(1));
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();
    expect(otherSeen).toEqual({ outside: [], errors: [] });
    await other.close();
  });

  it("made no request outside the site and logged no console error", () => {
    expect(seen.outside).toEqual([]);
    expect(seen.errors).toEqual([]);
  });
});

describe.skipIf(!hasChromium)("a corrupted localStorage entry", { timeout: LONG }, () => {
  let browser: Browser;
  let site: string;

  beforeAll(async () => {
    site = await buildTestSite();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  // More kinds of bad entry are tried without a browser (data.test.ts, parseProgress).
  it.each([
    ["not JSON", "{oops"],
    ["JSON of another shape", '{"version":1,"edits":{"x":5},"passed":[]}'],
  ])(
    "(%s) resets the progress with a notice, keeps the text aside, and the page works",
    async (_, bad) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const seen = await watch(page, site);
      await page.goto(pageUrl(site, "index.html"));
      await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, bad] as const);
      await page.reload();
      expect(await page.getByRole("alert").innerText()).toMatch(
        new RegExp(`saved progress of ${LESSON} could not be read`),
      );
      await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, bad] as const);
      await open(page, site);
      const notice = page.locator(".course-notice-warning");
      expect(await notice.innerText()).toMatch(/could not be read, so the lesson starts afresh/);
      expect(
        await page.evaluate(
          (slug) => localStorage.getItem(`course-progress-unreadable:${slug}`),
          LESSON,
        ),
      ).toBe(bad);
      expect(await page.locator(".course-toolbar .lesson-progress").innerText()).toBe(passed(0));
      expect(await page.evaluate(() => window.course!.cells().map((c) => c.source))).toEqual(
        lesson,
      );
      // The page still saves: an edit is kept as a valid entry.
      await page.evaluate(() => window.course!.setSource(1, "1 + 1"));
      await page.evaluate(() => dispatchEvent(new Event("pagehide")));
      const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), KEY);
      expect(saved).toMatchObject({ version: 1, passed: [] });
      expect(Object.values(saved.edits)).toEqual(["1 + 1"]);
      expect(seen).toEqual({ outside: [], errors: [] });
      await context.close();
    },
  );
});
