// The exported site in a real browser: the fixtures' student and instructor editions, and the real
// lessons (and their solutions: the instructor edition) executed by the course project's global
// setup. Every page is checked, then audited by axe-core for WCAG 2.1 A/AA in four variants (light
// and dark, desktop and phone; solution pages on the desktop only). Screenshots go to test-artifacts/export/.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportSite, type ExportResult } from "../../tools/export/export";
import { courseDir } from "../course/results";
import { axeViolations, hasChromium, launchChromium, openPage, type PageReport } from "./browser";

const FIXTURES = "tests/fixtures/executed/notebooks";
/** The lessons executed once by the course project's global setup (tests/course/global-setup.ts). */
const REAL = path.join(courseDir(), "notebooks");
const ARTIFACTS = "test-artifacts/export";

/** Three minutes a page (plotly draws with software WebGL; screenshots and four axe runs each, on 2 busy cores). */
function pageBudget(input: string): number {
  const count = (dir: string) =>
    fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".ipynb")).length : 0;
  return 180_000 * (count(input) + count(path.join(input, "solutions")) + 1);
}

const sites = [
  { name: "student", input: FIXTURES, instructor: false },
  { name: "instructor", input: FIXTURES, instructor: true },
  { name: "course", input: REAL, instructor: true },
];

const VARIANTS = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

/**
 * A solution page is its lesson's page with the exercises solved (same prose, outputs, boxes and
 * styles; only code differs): it is audited on the desktop in light and dark, its lesson in all four
 * variants. This keeps the suite's time within budget on two cores.
 */
const isSolution = (file: string): boolean => /-solution\.html$/.test(file);
const variantsOf = (file: string) => (isSolution(file) ? [VARIANTS[0]] : VARIANTS);

/** Whether to keep screenshots of this page (the fixtures' instructor pages repeat the student ones). */
const screenshotted = (site: string, file: string, variant: string): boolean =>
  site !== "instructor" && (variant === "desktop" || /^(index|00|01|05)/.test(file));

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

    it("exports without warnings", () => {
      expect(exported.get(site.name)!.warnings).toEqual([]);
    });

    it(
      "every page: no request outside the site, no console error, charts drawn, math rendered, links resolve",
      async () => {
        const pages = exported.get(site.name)!.pages;
        const reports: Record<string, PageReport> = {};
        const violations: string[] = [];
        fs.mkdirSync(path.join(ARTIFACTS, site.name), { recursive: true });
        for (const file of pages) {
          const context = await browser.newContext({ viewport: VARIANTS[0].viewport });
          const page = await context.newPage();
          reports[file] = await openPage(page, dir, file);
          for (const variant of variantsOf(file)) {
            await page.setViewportSize(variant.viewport);
            for (const colorScheme of ["light", "dark"] as const) {
              await page.emulateMedia({ colorScheme });
              if (screenshotted(site.name, file, variant.name)) {
                const shot = `${file.replace(/\.html$/, "")}-${variant.name}-${colorScheme}.png`;
                await page.screenshot({
                  path: path.join(ARTIFACTS, site.name, shot),
                  fullPage: true,
                });
              }
              for (const v of await axeViolations(page))
                violations.push(
                  `${file} (${colorScheme}, ${variant.name}): ${v.id} [${v.impact}] ${v.help}: ${v.targets.join(" | ")}`,
                );
            }
          }
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
          expect({ file, csp: r.cspViolations }).toEqual({ file, csp: [] });
        }
        expect(violations).toEqual([]);
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
        // 2.5 MB: lesson 9's histograms carry every event they count (2.19 MB page, the largest).
        expect(html.length).toBeLessThan(2_500_000);
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
