// Crafted notebooks (hostile.ts) exported with the default trust (they are not the course's own, so
// untrusted): every page is parsed for anything that could run or load, then opened in Chromium with
// its Content-Security-Policy and again with the policy switched off, so that the exporter's own
// removal is shown to hold without the browser's net: no request leaves the site, no payload runs.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportSite, type ExportResult } from "../../tools/export/export";
import { hasChromium, launchChromium, openPage } from "./browser";
import { HOSTILE_FILES, writeHostileNotebooks } from "./hostile";
import { chartSpecs, unsafeParts } from "./page-safety";

const DIR = "test-artifacts/export/hostile";
const SITE = path.join(DIR, "site");
let result: ExportResult;
const page = (file: string): string => fs.readFileSync(path.join(SITE, file), "utf8");

beforeAll(async () => {
  fs.rmSync(DIR, { recursive: true, force: true });
  writeHostileNotebooks(path.join(DIR, "executed"));
  result = await exportSite({ input: path.join(DIR, "executed"), output: SITE });
});

describe("exportSite on crafted notebooks", () => {
  it("treats them as untrusted (not committed lessons) and exports every page", () => {
    expect(result.trust.map((t) => [t.trusted, t.reason])).toEqual([
      [false, "notebooks/01-hostile.ipynb is not a committed lesson"],
      [false, `notebooks/${HOSTILE_FILES[1]} is not a committed lesson`],
    ]);
    expect(result.pages).toEqual([
      "01-hostile.html",
      HOSTILE_FILES[1].replace(".ipynb", ".html"),
      "index.html",
    ]);
  });

  it("warns once per thing it dropped, naming the notebook, the cell and the MIME type", () => {
    const file = path.join(DIR, "executed", "01-hostile.ipynb");
    const warnings = result.warnings.map((w) => w.replace(`${file}: `, ""));
    expect(warnings).toEqual([
      expect.stringMatching(/^cell 8: execution_count "1\\"><img .* is not a count; not shown$/),
      'cell 7: attachment "bad.png": the image data is not valid base64',
      "cell 9, output 1 (image/png): the image data is not valid base64",
      expect.stringMatching(
        /^cell 11, output 1 \(application\/vnd\.vegalite\.v5\+json\): removed usermeta, data\.url "http:\/\/evil\.invalid\/vega-data\.json", the URL/,
      ),
      expect.stringMatching(
        /^cell 12, output 1 \(application\/vnd\.plotly\.v1\+json\): removed config, a scattergeo trace .*layout\.geo .*plotly-image\.png/,
      ),
      "cell 15, output 1 (text/html): a plotly chart's script, not run in an untrusted notebook",
    ]);
  });

  it("no page holds a script, handler, frame, form, style or URL of another host", () => {
    for (const file of result.pages)
      expect({ file, unsafe: unsafeParts(page(file)) }).toEqual({ file, unsafe: [] });
    // The checker itself finds what it should (a negative control).
    expect(
      unsafeParts(`<img src=x onerror="y()"><a href="javascript:z()">a</a><iframe></iframe>`),
    ).toEqual(["<img onerror=y()>", "<a href=javascript:z()>", "<iframe>"]);
  });

  it("chart specs keep `</script>` and `<!--` as their text, and lose their URLs", () => {
    const [vega, plotly] = chartSpecs(page("01-hostile.html")) as Array<Record<string, never>>;
    expect(vega.title).toBe("</script><script>window.__xss_spec=1</script><!-- a title");
    expect(JSON.stringify(vega)).not.toMatch(/evil\.invalid|usermeta|javascript:/);
    expect(plotly).toMatchObject({ layout: { title: { text: "<!-- a plotly chart </script>" } } });
    expect(JSON.stringify(plotly)).not.toMatch(/evil\.invalid|scattergeo|config|topojson/);
  });

  it("text from the notebook reaches the page as text: title, summary, goals, alt, exercise label", () => {
    const lesson = page("01-hostile.html");
    expect(lesson).toContain(
      `<title>1. &lt;/title&gt;&lt;script&gt;window.__xss_title=1&lt;/script&gt; Hostile &quot;lesson&quot;`,
    );
    expect(lesson).toContain(`alt="a&quot; onerror=&quot;window.__xss_alt=1"`);
    expect(lesson).toContain(`<img alt="x_1 &lt; y" src="data:image/png;base64,`);
    expect(lesson).toContain(
      `<a title="\\frac{a}{b}" href="#hostile-lesson">math in attributes</a>`,
    );
    expect(lesson).toContain(`<section class="exercise" aria-label="Exercise 01-x">`);
    expect(lesson).toContain(`<span class="prompt" aria-hidden="true">[ ]</span>`);
    const index = page("index.html");
    expect(index).toContain("A summary  with <a>a link</a>.");
    expect(index).toContain(`<li>a goal </li><li><a>goal link</a></li>`);
    expect(index).toContain(
      `href="02-%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss_file%3D1%3E%23%3F.html"`,
    );
  });
});

describe.skipIf(!hasChromium)("the crafted notebooks' pages in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ["with the page's Content-Security-Policy", false],
    ["with the policy off (the exporter alone)", true],
  ])(
    "%s: no request elsewhere, no payload ran, charts drawn from their JSON",
    async (_name, bypassCSP) => {
      for (const file of result.pages) {
        const context = await browser.newContext({ bypassCSP });
        const report = await openPage(await context.newPage(), SITE, file, 30_000);
        await context.close();
        expect({ file, outside: report.outsideRequests }).toEqual({ file, outside: [] });
        expect({ file, ran: report.scriptsRan }).toEqual({ file, ran: [] });
        expect({ file, csp: report.cspViolations }).toEqual({ file, csp: [] });
        expect({ file, undrawn: report.charts.filter((c) => !c.drawn) }).toEqual({
          file,
          undrawn: [],
        });
        if (file === "01-hostile.html")
          expect(report.charts.map((c) => c.kind)).toEqual(["vega-lite", "plotly"]);
      }
    },
    240_000,
  );

  it("negative control: trusted (--trust), the HTML output's script runs and only the CSP stops its loads", async () => {
    const trusted = path.join(DIR, "site-trusted");
    await exportSite({ input: path.join(DIR, "executed"), output: trusted, trust: "trusted" });
    const open = async (bypassCSP: boolean) => {
      const context = await browser.newContext({ bypassCSP });
      const report = await openPage(await context.newPage(), trusted, "01-hostile.html", 30_000);
      await context.close();
      return report;
    };
    const withPolicy = await open(false);
    expect(withPolicy.scriptsRan).toContain("__xss_html_script");
    expect(withPolicy.outsideRequests).toEqual([]);
    expect(withPolicy.cspViolations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^img-src http:\/\/evil\.invalid\/html-img\.png/),
      ]),
    );
    const withoutPolicy = await open(true);
    expect(withoutPolicy.outsideRequests).toEqual(
      expect.arrayContaining([
        "http://evil.invalid/html-img.png",
        "http://evil.invalid/html-link.css",
      ]),
    );
  }, 240_000);
});
