// The browser kernel (headless Chromium, file://) on bad input: each case gets a clear message
// under its cell, and the kernel keeps working for the next cell.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "../export/browser";
import { openHarness, type CellRun, type Harness } from "./browser-kernel";

const text = (run: CellRun, name: "stdout" | "stderr"): string =>
  run.outputs.map((o) => (o.output_type === "stream" && o.name === name ? o.text : "")).join("");
const error = (run: CellRun) => {
  const found = run.outputs.find((o) => o.output_type === "error");
  if (found === undefined || found.output_type !== "error") throw new Error("no error output");
  return found;
};

describe.skipIf(!hasChromium)("the browser kernel on bad input", () => {
  let browser: Browser;
  let harness: Harness;

  beforeAll(async () => {
    browser = await launchChromium();
    harness = await openHarness(browser);
    await harness.run(['import * as dl from "../dist";\nconst kept = 41;'], {
      cellTimeoutSeconds: 20,
    });
  }, 300_000);
  afterAll(async () => {
    expect(harness.outsideRequests).toEqual([]);
    expect(harness.consoleErrors).toEqual([]);
    await harness?.close();
    await browser?.close();
  });

  it("a syntax error: TypeScript's message with line and column; the next cell runs", async () => {
    const [bad, next] = await harness.run(["const a = 1;\nlet x = ;", "kept + 1"]);
    expect(bad.status).toBe("error");
    expect(error(bad)).toMatchObject({ ename: "TypeScriptError", evalue: "Expression expected." });
    expect(error(bad).traceback).toEqual(["line 2:9 - Expression expected."]);
    expect(text(next, "stdout")).toBe("42\n");
  }, 180_000);

  it("a type error, as tslab reports it, against the engine's real .d.ts", async () => {
    const [plain, engine] = await harness.run([
      'const n: number = "s";',
      "\nconst t = dl.tensor([1, 2]);\nt.matmul(5);",
    ]);
    expect(error(plain).traceback).toEqual([
      "line 1:7 - Type 'string' is not assignable to type 'number'.",
    ]);
    expect(error(engine).evalue).toBe(
      "Argument of type 'number' is not assignable to parameter of type 'Tensor'.",
    );
    expect(error(engine).traceback[0]).toMatch(/^line 3:10 - /);
  }, 180_000);

  it("an exception: its name, message and the line in the cell", async () => {
    const [run] = await harness.run([
      "const w = dl.tensor([[1, 2, 3]]);\n\nconst y = w.matmul(w);",
    ]);
    expect(run.status).toBe("error");
    const e = error(run);
    expect(e.ename).toBe("ShapeError");
    expect(e.evalue).toBe("matmul: inner dimensions must match, got [1, 3] @ [1, 3]");
    expect(e.traceback.slice(0, 2)).toEqual([
      "ShapeError: matmul: inner dimensions must match, got [1, 3] @ [1, 3]",
      "    at cell line 3: const y = w.matmul(w);",
    ]);
  }, 180_000);

  it("a thrown non-Error says what was thrown", async () => {
    const [str, obj] = await harness.run(['throw "oops";', "throw { code: 7 };"]);
    expect(error(str)).toMatchObject({
      ename: "Uncaught",
      evalue: "'oops' (the cell threw a string, not an Error)",
    });
    expect(error(obj).evalue).toBe("{ code: 7 } (the cell threw an object, not an Error)");
  }, 180_000);

  it("process.exit stops the cell with a message and keeps the kernel's state", async () => {
    const [exit, after] = await harness.run([
      'console.log("before");\nprocess.exit(1);\nconsole.log("after");',
      "kept",
    ]);
    expect(text(exit, "stdout")).toBe("before\n");
    expect(error(exit).ename).toBe("ProcessExit");
    expect(error(exit).evalue).toMatch(
      /^process\.exit\(1\) ends a Node\.js process; in the browser it stops this cell only/,
    );
    expect(error(exit).traceback[1]).toBe("    at cell line 2: process.exit(1);");
    expect(text(after, "stdout")).toBe("41\n");
  }, 180_000);

  it("a module that is not shipped: the type checker and require both say what can be imported", async () => {
    const [imported, required, lodash] = await harness.run([
      'import * as fs from "fs";',
      'const fs = require("node:fs");',
      'require("lodash")',
    ]);
    expect(error(imported).evalue).toBe(
      "Cannot find module 'fs' or its corresponding type declarations.",
    );
    expect(error(imported).traceback[1]).toMatch(
      /"fs" is part of Node\.js.*"\.\.\/dist".*"mathjs"/,
    );
    expect(error(required).evalue).toMatch(
      /^Cannot find module 'node:fs'\. "node:fs" is part of Node\.js/,
    );
    expect(error(lodash).evalue).toMatch(
      /^Cannot find module 'lodash'\. "lodash" is not shipped with the course's pages/,
    );
  }, 180_000);

  it("an unhandled rejection and an error thrown by a timer print on stderr under the cell", async () => {
    const [run] = await harness.run([
      'Promise.reject(new Error("later"));\nsetTimeout(() => { throw new RangeError("tick"); }, 10);\nawait new Promise((r) => setTimeout(r, 200));\n"done"',
    ]);
    expect(run.status).toBe("ok");
    expect(text(run, "stdout")).toBe("done\n");
    expect(text(run, "stderr")).toContain("UnhandledPromiseRejection: Error: later\n    at cell [");
    expect(text(run, "stderr")).toContain("UncaughtException: RangeError: tick\n    at cell [");
  }, 180_000);

  it("a huge print is cut with a notice, and the kernel keeps running", async () => {
    const [huge, loop, next] = await harness.run([
      'console.log("x".repeat(3_000_000));',
      'for (let i = 0; i < 200_000; i++) console.log("line", i);',
      "kept",
    ]);
    expect(text(huge, "stdout")).toBe("x".repeat(500_000));
    expect(text(huge, "stderr")).toMatch(/output truncated: .*limit of 500,000 characters/);
    expect(text(loop, "stdout").length).toBe(500_000);
    expect(loop.streamed.length).toBeLessThan(500); // batched, not 200,000 messages
    expect(text(next, "stdout")).toBe("41\n");
  }, 180_000);

  it("an endless loop is stopped by the cell limit; the next cell starts a fresh kernel", async () => {
    // 10 s: the first cell of a fresh worker also starts TypeScript, slow on a loaded machine
    await harness.reset();
    const [first, loop, queued] = await harness.run(["const a = 1;", "while (true) {}", "1 + 1"], {
      cellTimeoutSeconds: 10,
    });
    expect(first.status).toBe("ok");
    expect(loop.status).toBe("timeout");
    expect(error(loop)).toMatchObject({ ename: "TimeoutError", evalue: "timed out after 10 s" });
    expect(queued).toMatchObject({ status: "ok", executionCount: 1 });
    const [gone] = await harness.run(["a"]);
    expect(error(gone).evalue).toBe("Cannot find name 'a'.");
  }, 180_000);

  it("interrupt ends an endless loop at once, and the queued cells with it", async () => {
    await harness.reset();
    await harness.run(["const b = 2;"], { cellTimeoutSeconds: 60 });
    const outcome = await harness.page.evaluate(async () => {
      const kernel = (
        window as unknown as {
          kernel: {
            execute(c: string): Promise<{ status: string; executionCount: number }>;
            interrupt(): void;
            status: string;
          };
        }
      ).kernel;
      const loop = kernel.execute("while (true) {}");
      const queued = kernel.execute("b");
      await new Promise((r) => setTimeout(r, 1500));
      const busy = kernel.status;
      kernel.interrupt();
      const results = await Promise.all([loop, queued]);
      const after = await kernel.execute("typeof b");
      return { busy, results, after, status: kernel.status };
    });
    expect(outcome.busy).toBe("busy");
    expect(outcome.results.map((r) => r.status)).toEqual(["interrupted", "interrupted"]);
    expect(outcome.results[1].executionCount).toBe(0);
    expect(outcome.after).toMatchObject({ status: "error" }); // b is gone with the old worker
    expect(outcome.status).toBe("idle");
  }, 180_000);

  it("missing kernel assets: a clear error under the cell, and the kernel can be retried", async () => {
    // A fresh page: the harness page has the assets registered already.
    const page = await harness.page.context().newPage();
    await page.goto(harness.page.url());
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as {
        DlKernel: {
          BrowserKernel: new (o: object) => {
            execute(c: string): Promise<unknown>;
            status: string;
          };
        };
      };
      const kernel = new w.DlKernel.BrowserKernel({ assetsUrl: "no-such-folder/" });
      const result = await kernel.execute("1 + 1");
      return { result, status: kernel.status };
    });
    await page.close();
    expect(outcome.status).toBe("dead");
    expect(outcome.result).toMatchObject({
      status: "error",
      outputs: [
        {
          output_type: "error",
          ename: "KernelError",
          evalue: expect.stringMatching(
            /^the kernel could not start: .*no-such-folder\/kernel-\S+\.js could not be loaded/,
          ),
        },
      ],
    });
  }, 120_000);
});
