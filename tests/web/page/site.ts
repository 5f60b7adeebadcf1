// A small exported site for the runnable page's tests: lesson 2 as committed (no outputs; its
// solution for the instructor edition) and the page fixture (tests/fixtures/web/90-page.ipynb,
// with a static output and a 10 s cell limit), exported by the real exporter into a temp folder.
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { exportSite } from "../../../tools/export/export";

export const LESSON = "02-perceptron";
export const FIXTURE = "90-page";
const root = path.resolve(__dirname, "../../..");

/** Exports the test site (instructor edition: lesson, solution and fixture pages); returns its folder. */
export async function buildTestSite(): Promise<string> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "course-web-page-"));
  const input = path.join(work, "notebooks");
  fs.mkdirSync(path.join(input, "solutions"), { recursive: true });
  fs.copyFileSync(
    path.join(root, `notebooks/${LESSON}.ipynb`),
    path.join(input, `${LESSON}.ipynb`),
  );
  fs.copyFileSync(
    path.join(root, `notebooks/solutions/${LESSON}.ipynb`),
    path.join(input, `solutions/${LESSON}.ipynb`),
  );
  fs.copyFileSync(
    path.join(root, `tests/fixtures/web/${FIXTURE}.ipynb`),
    path.join(input, `${FIXTURE}.ipynb`),
  );
  const site = path.join(work, "site");
  await exportSite({ input, output: site, instructor: true });
  return site;
}

/** Requests outside the site and console errors of a page, recorded from now on. */
export interface Watch {
  outside: string[];
  errors: string[];
}

/** Records (and blocks) every request that leaves `site` (or `rootUrl`, where it is served from),
 *  and every console error of `page`. */
export async function watch(
  page: Page,
  site: string,
  rootUrl = pathToFileURL(path.resolve(site)).href + "/",
): Promise<Watch> {
  const seen: Watch = { outside: [], errors: [] };
  page.on("console", (m) => {
    if (m.type() === "error") seen.errors.push(m.text());
  });
  page.on("pageerror", (e) => seen.errors.push(e.message));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(rootUrl) || /^(data|blob):/.test(url)) return route.continue();
    seen.outside.push(url);
    return route.abort();
  });
  return seen;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".ipynb": "application/x-ipynb+json",
};

/** A plain static web server for `site` on 127.0.0.1 (files only, as any static host serves them). */
export async function serveStatic(site: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const file = path.join(site, decodeURIComponent(new URL(request.url!, "http://x").pathname));
    if (
      !file.startsWith(path.resolve(site)) ||
      !fs.existsSync(file) ||
      fs.statSync(file).isDirectory()
    ) {
      response.writeHead(404).end();
      return;
    }
    const type = TYPES[path.extname(file)] ?? "application/octet-stream";
    response.writeHead(200, { "content-type": type }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const pageUrl = (site: string, file: string): string =>
  pathToFileURL(path.join(site, file)).href;

/** The code cells' sources of a notebook file, in order. */
export function codeSources(file: string): string[] {
  const nb = JSON.parse(fs.readFileSync(file, "utf8")) as {
    cells: { cell_type: string; source: string | string[] }[];
  };
  return nb.cells
    .filter((c) => c.cell_type === "code")
    .map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source));
}

/** The index of the code cell whose source contains `needle` (throws when none does). */
export function cellWith(sources: string[], needle: string): number {
  const index = sources.findIndex((s) => s.includes(needle));
  if (index < 0) throw new Error(`no code cell contains ${JSON.stringify(needle)}`);
  return index;
}

export const projectRoot = root;
