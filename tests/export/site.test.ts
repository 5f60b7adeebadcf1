// The exported site in a real browser: the fixtures' student and instructor editions, and the real
// lessons executed by the course project's global setup. Screenshots go to test-artifacts/export/.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportSite, type ExportResult } from "../../tools/export/export";
import { courseDir } from "../course/results";
import { hasChromium, launchChromium, openPage, screenshots, type PageReport } from "./browser";

const FIXTURES = "tests/fixtures/executed/notebooks";
/** The lessons executed once by the course project's global setup (tests/course/global-setup.ts). */
const REAL = path.join(courseDir(), "notebooks");
const ARTIFACTS = "test-artifacts/export";

/** Two minutes a page (plotly draws with software WebGL, three screenshots each, on 2 busy cores). */
function pageBudget(input: string): number {
  const notebooks = fs.readdirSync(input).filter((f) => f.endsWith(".ipynb")).length;
  return 120_000 * (notebooks * 2 + 1);
}

const sites = [
  { name: "student", input: FIXTURES, instructor: false },
  { name: "instructor", input: FIXTURES, instructor: true },
  { name: "course", input: REAL, instructor: false },
];

if (!hasChromium) {
  console.warn(
    "SKIPPED the exported-site browser tests: /usr/bin/chromium is missing (apt-get install -y chromium)",
  );
}

describe.skipIf(!hasChromium)("exported site in headless Chromium", () => {
  let browser: Browser;
  const exported = new Map<string, ExportResult>();

  beforeAll(async () => {
    for (const site of sites) {
      const output = path.join(ARTIFACTS, `site-${site.name}`);
      fs.rmSync(output, { recursive: true, force: true });
      exported.set(
        site.name,
        await exportSite({ input: site.input, output, instructor: site.instructor }),
      );
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(sites)("the $name site", (site) => {
    const dir = path.join(ARTIFACTS, `site-${site.name}`);

    it("exports in seconds, without warnings", () => {
      const result = exported.get(site.name)!;
      expect(result.warnings).toEqual([]);
      expect(result.seconds).toBeLessThan(15);
    });

    it(
      "every page: no request outside the site, no console error, charts drawn, math rendered, links resolve",
      async () => {
        const pages = exported.get(site.name)!.pages;
        const reports: Record<string, PageReport> = {};
        for (const file of pages) {
          const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
          const page = await context.newPage();
          reports[file] = await openPage(page, dir, file);
          if (site.name !== "instructor")
            await screenshots(
              page,
              path.join(ARTIFACTS, site.name),
              file.replace(/\.html$/, ""),
              file.startsWith("00"),
            );
          await context.close();
        }
        for (const [file, r] of Object.entries(reports)) {
          expect({ file, outside: r.outsideRequests }).toEqual({ file, outside: [] });
          expect({ file, errors: r.consoleErrors }).toEqual({ file, errors: [] });
          expect({ file, undrawn: r.charts.filter((c) => !c.drawn) }).toEqual({
            file,
            undrawn: [],
          });
          expect({ file, unlabelled: r.charts.filter((c) => c.label.trim() === "") }).toEqual({
            file,
            unlabelled: [],
          });
          expect({ file, rawMath: r.rawMath }).toEqual({ file, rawMath: [] });
          expect({ file, broken: r.brokenLinks }).toEqual({ file, broken: [] });
          expect({ file, ran: r.scriptsRan }).toEqual({ file, ran: [] });
        }
      },
      pageBudget(site.input),
    );

    it("ships each bundle once, in assets/, and no page inlines one", () => {
      const assets = fs.readdirSync(path.join(dir, "assets"));
      expect(assets).toEqual(
        expect.arrayContaining([
          "plotly.js",
          "vega.min.js",
          "vega-lite.min.js",
          "vega-embed.min.js",
          "site.css",
          "site.js",
        ]),
      );
      for (const file of exported.get(site.name)!.pages) {
        const html = fs.readFileSync(path.join(dir, file), "utf8");
        expect(html).not.toMatch(/data-course-asset/);
        expect(html.length).toBeLessThan(2_000_000);
      }
    });
  });

  it("the fixtures' pages show every output kind: charts, exercise box, escaped text, error", () => {
    const html = fs.readFileSync(
      path.join(ARTIFACTS, "site-student", "00-prose-math-text.html"),
      "utf8",
    );
    expect(html).toContain("&lt;script&gt;window.__textScriptRan = true&lt;/script&gt;");
    expect(html).toMatch(
      /<section class="exercise"[^>]*><p class="exercise-label"[^>]*>Exercise<\/p>/,
    );
    expect(html).toMatch(
      /<pre class="output-error"[^>]*>ShapeError: matmul: inner dimensions must match/,
    );
    expect(html).toMatch(
      /<img class="output-image" src="data:image\/png;base64,[^"]+" alt="A 48 by 32 colour gradient">/,
    );
    const charts = fs.readFileSync(path.join(ARTIFACTS, "site-student", "01-charts.html"), "utf8");
    expect(charts.match(/class="output-chart output-vegalite"/g)).toHaveLength(2);
    expect(charts.match(/class="output-chart output-plotly"/g)).toHaveLength(2);
  });

  it("the instructor edition has the solutions; the student edition does not", () => {
    const student = fs.readdirSync(path.join(ARTIFACTS, "site-student"));
    const instructor = fs.readdirSync(path.join(ARTIFACTS, "site-instructor"));
    expect(student.filter((f) => f.includes("solution"))).toEqual([]);
    expect(instructor).toContain("00-prose-math-text-solution.html");
    const studentIndex = fs.readFileSync(
      path.join(ARTIFACTS, "site-student", "index.html"),
      "utf8",
    );
    const instructorIndex = fs.readFileSync(
      path.join(ARTIFACTS, "site-instructor", "index.html"),
      "utf8",
    );
    expect(studentIndex).not.toMatch(/solution/i);
    expect(instructorIndex).toContain('href="00-prose-math-text-solution.html"');
    const solution = fs.readFileSync(
      path.join(ARTIFACTS, "site-instructor", "00-prose-math-text-solution.html"),
      "utf8",
    );
    expect(solution).toContain("✓ Correct");
  });
});
