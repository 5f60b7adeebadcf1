// Charts of outputs made in the page, drawn by the site's own bundles (vega-embed for Vega-Lite,
// plotly.js for Plotly), which load from assets/ the first time a run needs them: a page whose
// static outputs had no chart does not pay for them. Charts never fetch data from elsewhere.

/** The folder of the site's assets, from this script's own address (assets/course-page.js). */
const ASSETS = (() => {
  if (typeof document === "undefined") return "assets/"; // imported by a test in Node
  const script = document.currentScript as HTMLScriptElement | null;
  return script?.src ? new URL(".", script.src).href : new URL("assets/", document.baseURI).href;
})();

/** The address of `file` in the site's assets folder. */
export const assetsUrl = (file: string): string => ASSETS + file;

const loading = new Map<string, Promise<void>>();

/** Loads `assets/<file>` once, as a classic script (works from file://). */
export function loadAsset(file: string): Promise<void> {
  const known = loading.get(file);
  if (known !== undefined) return known;
  const promise = new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = ASSETS + file;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`course: could not load assets/${file}`));
    document.head.appendChild(script);
  });
  loading.set(file, promise);
  return promise;
}

interface VegaEmbed {
  (
    el: HTMLElement,
    spec: unknown,
    options: Record<string, unknown>,
  ): Promise<{ view: { finalize(): void } }>;
}
interface Plotly {
  newPlot(el: HTMLElement, data: unknown, layout: unknown, config?: unknown): Promise<unknown>;
  purge(el: HTMLElement): void;
}
const globals = globalThis as unknown as { vegaEmbed?: VegaEmbed; Plotly?: Plotly };

async function vegaEmbed(): Promise<VegaEmbed> {
  if (globals.vegaEmbed === undefined) {
    // Each bundle needs the one before it.
    for (const file of ["vega.min.js", "vega-lite.min.js", "vega-embed.min.js"]) {
      await loadAsset(file);
    }
  }
  if (globals.vegaEmbed === undefined) throw new Error("course: vega-embed did not load");
  return globals.vegaEmbed;
}

async function plotly(): Promise<Plotly> {
  if (globals.Plotly === undefined) await loadAsset("plotly.js");
  if (globals.Plotly === undefined) throw new Error("course: plotly.js did not load");
  return globals.Plotly;
}

interface VegaLoader {
  load: (uri: string) => Promise<unknown>;
  sanitize: (uri: string, options?: { context?: string }) => Promise<{ href: string }>;
}
const vegaGlobal = globalThis as unknown as { vega?: { loader(): VegaLoader } };

const refuse = (uri: string): Promise<never> =>
  Promise.reject(new Error(`charts load nothing from elsewhere (${String(uri).slice(0, 80)})`));

/** vega's loader with every load refused: a chart draws from its spec's own data only. */
function offlineLoader(): VegaLoader | undefined {
  const loader = vegaGlobal.vega?.loader();
  if (loader === undefined) return undefined;
  loader.load = refuse;
  loader.sanitize = (uri, options) =>
    options?.context === "image" && /^data:image\/(png|jpeg|gif|webp);base64,/i.test(uri)
      ? Promise.resolve({ href: uri })
      : refuse(uri);
  return loader;
}

/**
 * Draws a Vega-Lite spec into `figure` (the exporter's markup: .vega-target, .chart-fallback,
 * figcaption). The static image stays until the chart is drawn, and if drawing fails.
 */
export async function drawVegaLite(figure: HTMLElement, spec: unknown): Promise<void> {
  const target = figure.querySelector<HTMLElement>(".vega-target");
  if (target === null) return;
  try {
    const embed = await vegaEmbed();
    // vega-embed would take options (a loader, a patch) from a spec's usermeta: not from cells.
    const own = typeof spec === "object" && spec !== null ? { ...spec, usermeta: undefined } : spec;
    await embed(target, own, { actions: false, renderer: "svg", loader: offlineLoader() });
    const svg = target.querySelector("svg");
    const caption = figure.querySelector("figcaption")?.textContent ?? "";
    // The chart is one image named by its caption: the roles vega gives its containers and marks
    // (unnamed graphics objects by the hundred, an accessibility failure) are removed.
    for (const el of [target, ...Array.from(target.querySelectorAll("[role]"))]) {
      el.removeAttribute("role");
      el.removeAttribute("aria-roledescription");
      el.removeAttribute("aria-label");
    }
    if (svg !== null) {
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", caption);
    }
    const fallback = figure.querySelector<HTMLElement>(".chart-fallback");
    if (fallback !== null) fallback.hidden = true;
    figure.classList.add("drawn");
  } catch (error) {
    figure.classList.add("failed");
    console.warn("chart not drawn, showing its static image:", error);
  }
}

/** Draws a Plotly figure (`{ data, layout }`) into `target`. */
export async function drawPlotly(
  target: HTMLElement,
  figure: { data?: unknown; layout?: unknown },
): Promise<void> {
  try {
    const p = await plotly();
    await p.newPlot(target, figure.data ?? [], figure.layout ?? {}, {
      displaylogo: false,
      responsive: true,
      showLink: false,
      showSendToCloud: false,
    });
    target.closest("figure")?.classList.add("drawn");
  } catch (error) {
    target.closest("figure")?.classList.add("failed");
    console.warn("plotly chart not drawn:", error);
  }
}
