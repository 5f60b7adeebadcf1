// Opens exported pages in headless Chromium (Debian's package, driven by playwright-core) and
// reports everything the export tests check: requests outside the site, console errors, charts,
// leftover math, links, and whether scripts hidden in text ran.
import * as fs from "node:fs";
import * as path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL, fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

const require = createRequire(import.meta.url);

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = fs.existsSync(CHROMIUM);

/** The launch flags DESIGN §6 fixes for the browser tests. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** What one page did when opened. */
export interface PageReport {
  outsideRequests: string[];
  consoleErrors: string[];
  charts: { kind: string; drawn: boolean; label: string }[];
  rawMath: string[];
  brokenLinks: string[];
  /** Markers set by scripts hidden in notebook text (`__textScriptRan`, any `__xss_…`). */
  scriptsRan: string[];
  /** URLs the page's Content-Security-Policy had to block (the exporter should have removed them). */
  cspViolations: string[];
  exercises: number;
}

/** Opens `file` from file://, blocking (and recording) every request outside `siteDir`; waits for charts. */
export async function openPage(
  page: Page,
  siteDir: string,
  file: string,
  chartTimeout = 60_000,
): Promise<PageReport> {
  const root = pathToFileURL(path.resolve(siteDir)).href + "/";
  const outsideRequests: string[] = [];
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(root) || url.startsWith("data:")) return route.continue();
    outsideRequests.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(path.join(siteDir, file)).href, { timeout: 180_000 }); // a 7 MB page on 2 busy cores
  await waitForCharts(page, chartTimeout);
  const report = await page.evaluate(inspect);
  return {
    ...report,
    outsideRequests,
    consoleErrors,
    brokenLinks: brokenLinks(report.links, siteDir),
  };
}

async function waitForCharts(page: Page, timeout: number): Promise<void> {
  await page
    .waitForFunction(
      () =>
        Array.from(document.querySelectorAll("figure.output-vegalite")).every((f) =>
          f.matches(".drawn, .failed"),
        ) &&
        Array.from(document.querySelectorAll("figure.output-plotly")).every((f) =>
          f.querySelector(".main-svg"),
        ),
      undefined,
      { timeout },
    )
    .catch(() => undefined); // the report then says which chart is not drawn
}

/** Runs in the page. */
function inspect() {
  const drawn = (el: Element | null): boolean => {
    if (el === null) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && el.childElementCount > 0;
  };
  const charts = Array.from(document.querySelectorAll("figure.output-chart")).map((f) => {
    const kind = f.classList.contains("output-vegalite") ? "vega-lite" : "plotly";
    const target =
      kind === "vega-lite"
        ? f.querySelector(".vega-target svg, .vega-target canvas")
        : f.querySelector(".main-svg");
    const label = f.querySelector("figcaption")?.textContent ?? f.getAttribute("aria-label") ?? "";
    return { kind, drawn: drawn(target), label };
  });
  const rawMath: string[] = [];
  const walker = document.createTreeWalker(
    document.querySelector("main") ?? document.body,
    NodeFilter.SHOW_TEXT,
  );
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node.parentElement?.closest("pre, code, script, .katex, .output-html")) continue;
    const text = node.textContent ?? "";
    if (/\$[^$\s][^$]*\$|\$\$|\\\(|\\\[|\\begin\{/.test(text))
      rawMath.push(text.trim().slice(0, 80));
  }
  const links = Array.from(document.querySelectorAll("a[href]")).map(
    (a) => (a as HTMLAnchorElement).href,
  );
  const w = window as unknown as Record<string, unknown>;
  const scriptsRan = Object.keys(w).filter((k) =>
    /^(__textScriptRan|__mdScriptRan|__mdHandlerRan|__xss)/.test(k),
  );
  return {
    charts,
    rawMath,
    links,
    scriptsRan,
    cspViolations: (w.__cspViolations as string[] | undefined) ?? [],
    exercises: document.querySelectorAll("section.exercise").length,
  };
}

function brokenLinks(report: { links: string[] }["links"], siteDir: string): string[] {
  const root = path.resolve(siteDir);
  return report.filter((href) => {
    if (!href.startsWith("file:")) return false; // links to other sites are fine: they are not requests
    const url = new URL(href);
    const file = fileURLToPath(url);
    if (!file.startsWith(root) || !fs.existsSync(file)) return true;
    if (url.hash === "" || !file.endsWith(".html")) return false;
    const id = decodeURIComponent(url.hash.slice(1));
    return !fs.readFileSync(file, "utf8").includes(`id="${id}"`);
  });
}

/** Saves full-page screenshots in the light and dark schemes (and a phone-sized one) to `dir`. */
export async function screenshots(
  page: Page,
  dir: string,
  name: string,
  phone = false,
): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.screenshot({ path: path.join(dir, `${name}-light.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: path.join(dir, `${name}-dark.png`), fullPage: true });
  if (phone) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(dir, `${name}-phone-dark.png`), fullPage: true });
  }
}

/** One kind of WCAG failure axe found on a page, with where (CSS selectors, a few). */
export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core in the page (injected by the test, never shipped in the site) for WCAG 2.1 A and AA,
 * and returns its violations. Evaluated through the DevTools protocol, so the page's
 * Content-Security-Policy does not apply to it.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
      preload: false, // no stylesheet fetching: the page's CSP allows no connection
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? "",
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
  });
}
