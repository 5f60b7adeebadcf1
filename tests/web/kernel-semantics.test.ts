// tslab's cell semantics in the browser kernel (headless Chromium, file://): what the equality
// test over the lessons does not single out. The compiler's output is compared with tslab's in
// tests/web/compiler.test.ts; here the cells run.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "../export/browser";
import { openHarness, type CellRun, type Harness } from "./browser-kernel";

const stdout = (run: CellRun): string =>
  run.outputs
    .map((o) => (o.output_type === "stream" && o.name === "stdout" ? o.text : ""))
    .join("");

describe.skipIf(!hasChromium)("tslab's semantics in the browser kernel", () => {
  let browser: Browser;
  let harness: Harness;

  beforeAll(async () => {
    browser = await launchChromium();
    harness = await openHarness(browser);
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
    await browser?.close();
  });

  it("declarations carry over, can be declared again, and the last expression prints as console.log", async () => {
    const runs = await harness.run([
      "let a = 1;\nfunction f(n: number) { return n + a; }\nclass C { v = 2 }\nenum E { X = 3 }",
      'let a = "text";\nf(1)',
      "a",
      "new C().v + E.X",
      "null",
      "undefined",
      "'quoted? no: console.log prints strings raw'",
      "({ nested: { deep: { deeper: { deepest: 1 } } }, list: [1, 2, 3] })",
    ]);
    expect(runs.map((r) => r.status)).toEqual(Array(8).fill("ok"));
    expect(runs.map(stdout)).toEqual([
      "",
      "2\n",
      "text\n",
      "5\n",
      "",
      "",
      "quoted? no: console.log prints strings raw\n",
      "{ nested: { deep: { deeper: [Object] } }, list: [ 1, 2, 3 ] }\n",
    ]);
    expect(runs.map((r) => r.executionCount)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  }, 180_000);

  it("top-level await, and console's formats", async () => {
    const [run] = await harness.run([
      'const v = await new Promise<number>((r) => setTimeout(() => r(7), 20));\nconsole.log("%s has %d items, %i whole, %o", "list", 3.5, 3.9, { k: [1] });\nconsole.error("warned");\nv * 6',
    ]);
    expect(run.outputs).toEqual([
      {
        output_type: "stream",
        name: "stdout",
        text: "list has 3.5 items, 3 whole, { k: [ 1, [length]: 1 ] }\n",
      },
      { output_type: "stream", name: "stderr", text: "warned\n" },
      { output_type: "stream", name: "stdout", text: "42\n" },
    ]);
  }, 180_000);

  it("computes with Node's Math: exp, log, sin, pow and ** give Node's bits", async () => {
    const expressions = [
      "Math.exp(0.1234567)",
      "Math.log(3.3)",
      "Math.sin(1e6)",
      "Math.tanh(0.3)",
      "Math.pow(0.0004145476818084717, -2)",
      "1.0270432311677966e-95 ** (1 / 3)",
    ];
    const runs = await harness.run([
      `[${expressions.join(", ")}].map((v) => v.toString()).join(" ")`,
    ]);
    const node = expressions.map((e) => String((0, eval)(e))).join(" ");
    expect(stdout(runs[0])).toBe(`${node}\n`);
  }, 180_000);

  it("dl.show sends MIME bundles (no PNG) and the live display updates one output in place", async () => {
    const [chart, fit] = await harness.run([
      'import * as dl from "../dist";\ndl.show.chart(dl.plot.line({ loss: [1, 0.5, 0.25] }));',
      "const xs = dl.tensor([[0, 0], [0, 1], [1, 0], [1, 1]]);\nconst ys = dl.tensor([[0], [1], [1], [0]]);\nconst m = new dl.nn.Sequential([new dl.nn.Linear(2, 4, { seed: 1 }), new dl.nn.Tanh(), new dl.nn.Linear(4, 1, { seed: 2 })]);\ndl.train.fit(m, { x: xs, y: ys }, { epochs: 300, batchSize: 4, loss: dl.nn.mse, optimizer: new dl.optim.SGD(m.parameters(), { lr: 0.1 }), rng: dl.rng(0) });",
    ]);
    const bundle = chart.outputs[0];
    expect(bundle.output_type).toBe("display_data");
    if (bundle.output_type !== "display_data") return;
    expect(Object.keys(bundle.data).sort()).toEqual([
      "application/vnd.vegalite.v5+json",
      "image/svg+xml",
      "text/plain",
    ]);
    const displays = fit.outputs.filter((o) => o.output_type === "display_data");
    expect(displays).toHaveLength(1);
    const id = displays[0].output_type === "display_data" ? displays[0].transient?.display_id : "";
    expect(id).toMatch(/^dl-live-/);
    expect(fit.streamed.some((o) => o.output_type === "update_display_data")).toBe(true);
    const final =
      displays[0].output_type === "display_data" ? String(displays[0].data["text/plain"]) : "";
    expect(final).toMatch(/^epoch 300\/300 · step 1\/1 · loss \d\.\d+ · done in \d\d:\d\d$/);
  }, 180_000);

  it("exercises: dl.todo, dl.check (right, wrong, a function), dl.hint and dl.predict work as in Jupyter", async () => {
    const runs = await harness.run([
      "const doubled: dl.Tensor = dl.todo();\ndl.check.firstTensor(doubled);",
      "dl.check.firstTensor(dl.mul(dl.tensor([[1, 2], [3, 4]]), 2));",
      "dl.check.firstTensor(dl.add(dl.tensor([[1, 2], [3, 4]]), 2));",
      "dl.check.average((xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length);",
      'dl.hint("00-first-tensor");',
      'dl.predict("00-predict-sum", 20);',
    ]);
    const verdicts = runs.map((run) =>
      run.outputs
        .map((o) =>
          o.output_type === "display_data"
            ? String(o.data["text/plain"])
            : o.output_type === "stream"
              ? o.text
              : "",
        )
        .join(""),
    );
    expect(runs.map((r) => r.status)).toEqual(Array(6).fill("ok"));
    expect(verdicts[0]).toMatch(/^○ 00-first-tensor .*not attempted yet/);
    expect(verdicts[1]).toMatch(/^✓ 00-first-tensor/);
    expect(verdicts[2]).toMatch(/^✗ 00-first-tensor/);
    expect(verdicts[3]).toMatch(/^✓ 00-average/);
    expect(verdicts[4]).toMatch(/\S/);
    expect(verdicts[5]).toMatch(/00-predict-sum/);
    const html = runs[1].outputs.find((o) => o.output_type === "display_data");
    expect(html?.output_type === "display_data" && Object.keys(html.data)).toContain("text/html");
  }, 180_000);
});
