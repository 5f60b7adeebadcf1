// The browser kernel in headless Chromium, from file://: a harness page (test-artifacts/web-kernel/)
// that loads build/web/kernel/client.js, with the kernel's assets beside it as the exporter lays
// them out. Every request outside the harness folder is blocked and recorded, as are console errors.
//
//   const harness = await openHarness(browser);
//   const results = await harness.run(["1 + 1"]);   // [{ status: "ok", outputs: [stream "2\n"] … }]
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import type { ExecuteResult, KernelOptions, KernelOutput } from "../../web/kernel/protocol";

export const HARNESS_DIR = "test-artifacts/web-kernel/site";
const KERNEL_BUILD = "build/web/kernel";

/** Lays out the harness site: harness.html and assets/kernel/ (as tools/export/assets.ts copies it). */
export function writeHarness(dir = HARNESS_DIR): string {
  if (!fs.existsSync(path.join(KERNEL_BUILD, "kernel-worker.js"))) {
    throw new Error(`${KERNEL_BUILD} is missing: run npm run build first`);
  }
  fs.mkdirSync(path.join(dir, "assets", "kernel"), { recursive: true });
  for (const file of fs.readdirSync(KERNEL_BUILD).filter((f) => f.endsWith(".js"))) {
    fs.copyFileSync(path.join(KERNEL_BUILD, file), path.join(dir, "assets", "kernel", file));
  }
  fs.writeFileSync(
    path.join(dir, "harness.html"),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>kernel harness</title>' +
      '<script src="assets/kernel/client.js"></script></head><body><main>kernel harness</main></body></html>\n',
  );
  return dir;
}

/** One cell's result as the harness returns it: the result, what onOutput saw, the time taken. */
export interface CellRun extends ExecuteResult {
  streamed: KernelOutput[];
  ms: number;
}

export interface Harness {
  page: Page;
  outsideRequests: string[];
  consoleErrors: string[];
  /** Runs the cells in order in one kernel (made with `options` on the first call). */
  run(cells: string[], options?: KernelOptions): Promise<CellRun[]>;
  /** A fresh kernel (the next `run` starts a new worker with these options). */
  reset(): Promise<void>;
  /** Runs `script` in the page, where `kernel` is the harness's BrowserKernel. */
  evaluate<T>(script: string): Promise<T>;
  close(): Promise<void>;
}

export async function openHarness(browser: Browser, dir = HARNESS_DIR): Promise<Harness> {
  writeHarness(dir);
  const context = await browser.newContext();
  const page = await context.newPage();
  const root = pathToFileURL(path.resolve(dir)).href + "/";
  const outsideRequests: string[] = [];
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(root) || url.startsWith("blob:") || url.startsWith("data:")) {
      return route.continue();
    }
    outsideRequests.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(path.join(dir, "harness.html")).href);
  return {
    page,
    outsideRequests,
    consoleErrors,
    run: (cells, options = {}) =>
      page.evaluate(
        async ({ cells, options }) => {
          const w = window as unknown as Record<string, unknown> & {
            DlKernel: { BrowserKernel: new (o: object) => unknown };
          };
          type Kernel = {
            execute(code: string, on: (o: unknown) => void): Promise<Record<string, unknown>>;
          };
          w.kernel ??= new w.DlKernel.BrowserKernel(options);
          const kernel = w.kernel as Kernel;
          const out = [];
          for (const code of cells) {
            const streamed: unknown[] = [];
            const start = performance.now();
            const result = await kernel.execute(code, (o) => streamed.push(o));
            out.push({ ...result, streamed, ms: performance.now() - start });
          }
          return out as unknown as CellRun[];
        },
        { cells, options },
      ),
    reset: () =>
      page.evaluate(() => {
        const w = window as unknown as { kernel?: { interrupt(): void } };
        w.kernel?.interrupt();
        delete w.kernel;
      }),
    evaluate: (script) => page.evaluate(script),
    close: () => context.close(),
  };
}
