// The exporter against the engine's real output formats: bundles made by lib/show (a vega-lite chart
// with its Node-rendered SVG, two plotly outputs, the first inlining the whole plotly bundle) are put in
// a notebook, exported and drawn in Chromium. Catches drift between what lib emits and what the site expects.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { chartBundle } from "../../lib/show/chart";
import { plotlyBundle, resetPlotlySession } from "../../lib/show/plotly";
import { line } from "../../lib/plot/line";
import { timeline } from "../../lib/plot/timeline";
import { activations } from "../../lib/plot/activations";
import { neuron } from "../../lib/plot/neuron";
import { imageGrid } from "../../lib/plot/heatmap";
import { lossSurface } from "../../lib/plot/loss-surface";
import { exportSite } from "../../tools/export/export";
import type { Notebook, Output } from "../../tools/export/notebook";
import { hasChromium, launchChromium, openPage } from "./browser";

const DIR = "test-artifacts/export/lib-outputs";

function notebook(outputs: Output[]): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      course: { lesson: 1, title: "Engine outputs", summary: "lib/show bundles, exported." },
    },
    cells: outputs.map((output, i) => ({
      cell_type: "code",
      id: `cell-${i}`,
      metadata: {},
      execution_count: i + 1,
      source: `// output ${i + 1}`,
      outputs: [output],
    })),
  };
}

const display = (data: Record<string, unknown>): Output => ({
  output_type: "display_data",
  data,
  metadata: {},
});

describe.skipIf(!hasChromium)("export of lib/show's bundles", () => {
  let browser: Browser;
  beforeAll(async () => {
    resetPlotlySession();
    const surface = {
      data: [
        {
          type: "surface",
          z: [
            [1, 2],
            [2, 1],
          ],
        },
      ],
      layout: { title: { text: "surface" }, height: 320 },
      description: "A 2 by 2 surface",
    };
    const outputs = [
      display(chartBundle(line({ loss: [1, 0.5, 0.3, 0.2] }, { title: "loss" }))),
      display(plotlyBundle(surface)),
      display(plotlyBundle({ ...surface, description: "The same surface again" })),
      display(chartBundle(timeline())),
      display(chartBundle(activations())),
      display(chartBundle(neuron())),
      display(
        chartBundle(
          imageGrid([
            [
              [0, 1],
              [1, 0],
            ],
            [
              [1, 0],
              [0, 1],
            ],
          ]),
        ),
      ),
      display(
        plotlyBundle(
          lossSurface((w1, w2) => w1 ** 2 + 3 * w2 ** 2, {
            path: [
              [1.5, 1],
              [0.8, 0.3],
            ],
          }),
        ),
      ),
    ];
    const input = path.join(DIR, "executed");
    fs.rmSync(DIR, { recursive: true, force: true });
    fs.mkdirSync(input, { recursive: true });
    fs.writeFileSync(path.join(input, "01-engine.ipynb"), JSON.stringify(notebook(outputs)));
    await exportSite({ input, output: path.join(DIR, "site") });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the inlined plotly bundle is removed, and every chart (vega-lite and plotly) draws from the shared copies", async () => {
    const html = fs.readFileSync(path.join(DIR, "site", "01-engine.html"), "utf8");
    expect(html).not.toContain("data-course-asset");
    expect(html.length).toBeLessThan(2_000_000); // the plotly bundle alone is 10 MB
    const page = await browser.newPage();
    const report = await openPage(page, path.join(DIR, "site"), "01-engine.html");
    expect(report.outsideRequests).toEqual([]);
    expect(report.consoleErrors).toEqual([]);
    const kinds = [
      "vega-lite",
      "plotly",
      "plotly",
      "vega-lite",
      "vega-lite",
      "vega-lite",
      "vega-lite",
      "plotly",
    ];
    expect(report.charts.map((c) => [c.kind, c.drawn])).toEqual(kinds.map((kind) => [kind, true]));
    expect(report.charts.filter((c) => c.label.trim() === "")).toEqual([]);
    await page.screenshot({ path: path.join(DIR, "engine-outputs.png"), fullPage: true });
    await page.close();
  }, 180_000);
});
