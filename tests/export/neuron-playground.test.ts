// lib's interactive charts in the exported site, in Chromium: the neuron playground's dashed y = 0.5
// line follows its sliders and activation menu (without a kernel), and lesson 5's computational
// graph is drawn at page width near its full size. Screenshots go to test-artifacts/export/playground/.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { value } from "../../lib/autograd/value";
import { computationalGraph } from "../../lib/plot/graph";
import { neuron } from "../../lib/plot/neuron";
import { chartBundle } from "../../lib/show/chart";
import { exportSite } from "../../tools/export/export";
import type { Notebook } from "../../tools/export/notebook";
import { hasChromium, launchChromium, openPage } from "./browser";

const DIR = "test-artifacts/export/playground";
const HALF_Z: Record<string, number> = { sigmoid: 0, tanh: Math.atanh(0.5), relu: 0.5, step: 0 };

function aliceLoss() {
  const w = [0.1, -0.2, 0.3, 0.05, -0.4, 0.25, 0.01, -0.02, 0.03].map((v, i) =>
    value(v, ["w1", "w2", "w3", "w4", "w5", "w6", "b1", "b2", "b3"][i]),
  );
  const h1 = w[0].mul(-2).add(w[1].mul(-1)).add(w[6]).sigmoid().named("h1");
  const h2 = w[2].mul(-2).add(w[3].mul(-1)).add(w[7]).sigmoid().named("h2");
  const out = w[4].mul(h1).add(w[5].mul(h2)).add(w[8]).sigmoid().named("y_pred");
  const loss = value(1, "y").sub(out).pow(2).named("L");
  loss.backward();
  return loss;
}

function notebook(): Notebook {
  const bundles = [
    chartBundle(neuron({ w1: 1, w2: -1, b: 0.5 })),
    chartBundle(computationalGraph(aliceLoss(), { title: "After backward()" })),
  ];
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { course: { lesson: 1, title: "Playground", summary: "Interactive charts." } },
    cells: bundles.map((data, i) => ({
      cell_type: "code",
      id: `cell-${i}`,
      metadata: {},
      execution_count: i + 1,
      source: `// chart ${i + 1}`,
      outputs: [{ output_type: "display_data", data, metadata: {} }],
    })),
  };
}

/** The dashed line's points in data coordinates (the plot is 320 px for inputs in [-3, 3]). */
async function boundary(page: Page): Promise<[number, number][]> {
  const d = await page.evaluate(
    () => document.querySelector(".mark-line path")?.getAttribute("d") ?? "",
  );
  const n = (d.match(/-?[\d.]+(?:e-?\d+)?/g) ?? []).map(Number);
  const points: [number, number][] = [];
  for (let i = 0; i + 1 < n.length; i += 2)
    points.push([(n[i] / 320) * 6 - 3, 3 - (n[i + 1] / 320) * 6]);
  return points;
}

/** Moves a bound control (a slider by its label, or the activation menu) as a user would. */
async function set(page: Page, name: string, to: string): Promise<void> {
  await page.evaluate(
    ([name, to]) => {
      const label = Array.from(document.querySelectorAll(".vega-bind")).find(
        (el) => el.querySelector(".vega-bind-name")?.textContent?.trim() === name,
      );
      const input = label?.querySelector("input[type=range], select") as HTMLInputElement | null;
      if (!input) throw new Error(`no control ${name}`);
      input.value = to;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
    },
    [name, to],
  );
  await page.waitForTimeout(300);
}

describe.skipIf(!hasChromium)("interactive charts in the exported site", () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    fs.rmSync(DIR, { recursive: true, force: true });
    fs.mkdirSync(path.join(DIR, "executed"), { recursive: true });
    fs.writeFileSync(path.join(DIR, "executed", "01-play.ipynb"), JSON.stringify(notebook()));
    await exportSite({ input: path.join(DIR, "executed"), output: path.join(DIR, "site") });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const report = await openPage(page, path.join(DIR, "site"), "01-play.html");
    expect(report.consoleErrors).toEqual([]);
    expect(report.charts.map((c) => c.drawn)).toEqual([true, true]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("the neuron's dashed line moves with w1, w2, b and the activation, and stays on f(z) = 0.5", async () => {
    const state = { w1: 1, w2: -1, b: 0.5, activation: "sigmoid" };
    const check = async () => {
      const points = await boundary(page);
      expect(points.length).toBe(2);
      for (const [x1, x2] of points) {
        expect(state.w1 * x1 + state.w2 * x2 + state.b).toBeCloseTo(HALF_Z[state.activation], 1);
      }
      return points;
    };
    const before = await check();
    for (const [name, to] of [
      ["b", "-1.5"],
      ["w2", "2"],
      ["w1", "0"],
      ["activation", "tanh"],
      ["activation", "relu"],
    ] as const) {
      if (name === "activation") state.activation = to;
      else state[name] = Number(to);
      await set(page, name, to);
      await check();
    }
    expect(await boundary(page)).not.toEqual(before);
    await page
      .locator("figure.output-vegalite")
      .first()
      .screenshot({
        path: path.join(DIR, "neuron-moved.png"),
      });
  }, 120_000);

  it("lesson 5's graph is drawn at the page's width without shrinking its text much", async () => {
    const figure = page.locator("figure.output-vegalite").nth(1);
    const sizes = await figure.evaluate((f) => {
      const svg = f.querySelector(".vega-target svg") as SVGSVGElement;
      return {
        shown: svg.getBoundingClientRect().width,
        natural: Number(svg.getAttribute("width")),
      };
    });
    expect(sizes.shown / sizes.natural).toBeGreaterThan(0.85);
    await figure.screenshot({ path: path.join(DIR, "graph.png") });
  }, 60_000);
});
