// Negative control: the browser checks must fail on a page that breaks every rule, or their passing
// on the exported site would prove nothing.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { hasChromium, launchChromium, openPage } from "./browser";

const DIR = "test-artifacts/export/bad-site";
const BAD_PAGE = `<!doctype html><html><head><meta charset="utf-8"></head><body><main>
<p>Unrendered math $x_1 + x_2$ here.</p>
<img src="http://example.invalid/tracker.png" alt="">
<a href="missing.html">a broken link</a> <a href="#nowhere">a broken anchor</a>
<figure class="output-chart output-vegalite"><div class="vega-target"></div><figcaption>a chart</figcaption></figure>
<script>window.__textScriptRan = true; console.error("boom");</script>
</main></body></html>`;

describe.skipIf(!hasChromium)(
  "openPage(page, siteDir, file) on a page that breaks every rule",
  () => {
    it("reports the outside request, the console error, the undrawn chart, raw math, broken links and the script", async () => {
      fs.mkdirSync(DIR, { recursive: true });
      fs.writeFileSync(path.join(DIR, "bad.html"), BAD_PAGE);
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        page.setDefaultTimeout(5_000);
        const report = await openPage(page, DIR, "bad.html", 2_000);
        expect(report.outsideRequests).toEqual(["http://example.invalid/tracker.png"]);
        expect(report.consoleErrors).toContain("boom");
        expect(report.charts).toEqual([{ kind: "vega-lite", drawn: false, label: "a chart" }]);
        expect(report.rawMath).toEqual(["Unrendered math $x_1 + x_2$ here."]);
        expect(report.brokenLinks.map((l) => l.replace(/^.*\//, ""))).toEqual([
          "missing.html",
          "bad.html#nowhere",
        ]);
        expect(report.scriptsRan).toEqual(["__textScriptRan"]);
      } finally {
        await browser.close();
      }
    }, 120_000);
  },
);
