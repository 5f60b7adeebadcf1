// Charts of outputs made in the page, drawn by the site's own bundles (vega-embed for Vega-Lite,
// plotly.js for Plotly), which load from assets/ the first time a run needs them: a page whose
// static outputs had no chart does not pay for them. Charts never fetch data from elsewhere.

/** The folder of the site's assets, from this script's own address (assets/course-page.js). */
const ASSETS = (() => {
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
const globals = window as unknown as { vegaEmbed?: VegaEmbed; Plotly?: Plotly };

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

/** A data loader that refuses every URL: a chart draws from the data in its spec only. */
const offlineLoader = {
  load: (uri: string) => Promise.reject(new Error(`charts load no data from elsewhere (${uri})`)),
  sanitize: (uri: string) =>
    /^data:image\//.test(uri)
      ? Promise.resolve({ href: uri })
      : Promise.reject(new Error(`charts load no images from elsewhere (${uri})`)),
  http: () => Promise.reject(new Error("no requests")),
  file: () => Promise.reject(new Error("no requests")),
};

/**
 * Draws a Vega-Lite spec into `figure` (the exporter's markup: .vega-target, .chart-fallback,
 * figcaption). The static image stays until the chart is drawn, and if drawing fails.
 */
export async function drawVegaLite(figure: HTMLElement, spec: unknown): Promise<void> {
  const target = figure.querySelector<HTMLElement>(".vega-target");
  if (target === null) return;
  try {
    const embed = await vegaEmbed();
    await embed(target, spec, { actions: false, renderer: "svg", loader: offlineLoader });
    const svg = target.querySelector("svg");
    const caption = figure.querySelector("figcaption")?.textContent ?? "";
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
    });
    target.closest("figure")?.classList.add("drawn");
  } catch (error) {
    target.closest("figure")?.classList.add("failed");
    console.warn("plotly chart not drawn:", error);
  }
}
