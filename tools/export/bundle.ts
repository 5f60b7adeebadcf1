// One display_data / execute_result bundle to HTML, by MIME priority as JupyterLab chooses:
// vega-lite > plotly JSON > HTML > markdown > LaTeX > SVG > PNG/JPEG/GIF/WebP > JSON > plain text.
// Each representation checks its data; one that is malformed is reported (notebook, cell, MIME)
// and the next one is tried, so a broken spec shows its static image instead of stopping the export.
import { safePlotly, safeVegaLite } from "./chart-specs";
import { escapeHtml, jsonForScript, stripAnsi } from "./html";
import { renderTex } from "./math";
import { sanitizeHtml, sanitizeSvg } from "./sanitize";
import { RASTER_MIMES, rasterDataUrl, typeName } from "./urls";

/** Which shared scripts a page must load for its outputs. */
export interface Needs {
  vega: boolean;
  plotly: boolean;
}

/** What rendering an output needs to know. */
export interface OutputContext {
  /**
   * The course's own executed lesson: its HTML outputs are kept as they are, scripts included (as
   * Jupyter shows a trusted notebook). Otherwise (the default) they are sanitised and nothing runs.
   */
  trusted: boolean;
  /** Renders a `text/markdown` output (math included) the way markdown cells are rendered. */
  markdown?: (source: string, warn: (message: string) => void) => string;
  /** Receives one message per problem found ("output 2 (image/png): …"). */
  warn?: (message: string) => void;
}

/** A representation that cannot be shown; the next MIME type of the bundle is tried. */
export class OutputError extends Error {
  override name = "OutputError";
}

const VEGALITE = /^application\/vnd\.vegalite\.v\d+\+json$/;
const PLOTLY_JSON = "application/vnd.plotly.v1+json";
/** The plotly bundle that a notebook's first plotly output inlines; the site loads one shared copy instead. */
const PLOTLY_ASSET =
  /<script\b[^>]*\bdata-course-asset\s*=\s*["']?plotly["']?[^>]*>[\s\S]*?<\/script\s*>/gi;
const PLOTLY_SCRIPT = /\bPlotly\.(newPlot|react|plot)\b/;
const IMAGE_MIMES = ["image/svg+xml", ...RASTER_MIMES];

/** nbformat text: a string or a list of strings. */
export function text(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join("");
  throw new OutputError(`its data is a ${typeName(value)}, not text`);
}

function imageTag(mime: string, value: unknown, alt: string): string {
  const src =
    mime === "image/svg+xml"
      ? `data:image/svg+xml;base64,${Buffer.from(sanitizeSvg(text(value)), "utf8").toString("base64")}`
      : rasterDataUrl(mime, value);
  return `<img class="output-image" src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">`;
}

/** A chart's static image: the first valid SVG/PNG/JPEG of the bundle, else its description. */
function fallbackImage(data: Record<string, unknown>, alt: string, context: BundleContext) {
  for (const mime of IMAGE_MIMES.filter((m) => data[m] !== undefined)) {
    try {
      return imageTag(mime, data[mime], alt);
    } catch (e) {
      context.warn(mime, `${(e as Error).message}; not used as the chart's static image`);
    }
  }
  return `<pre class="output-text">${escapeHtml(alt)}</pre>`;
}

function chartFigure(kind: string, spec: unknown, fallback: string, alt: string): string {
  return (
    `<figure class="output-chart output-${kind}">` +
    `<div class="${kind === "vegalite" ? "vega" : kind}-target"></div>` +
    `<div class="chart-fallback">${fallback}</div>` +
    `<figcaption class="visually-hidden">${escapeHtml(alt)}</figcaption>` +
    `<script type="application/json" class="${kind === "vegalite" ? "vega" : kind}-spec">${jsonForScript(spec)}</script>` +
    `</figure>`
  );
}

/** The context of one bundle: the page's, plus the scripts it needs and where to report. */
export type BundleContext = Omit<OutputContext, "warn"> & {
  needs: Needs;
  /** Reports a problem with one MIME type of this bundle. */
  warn: (mime: string, message: string) => void;
};
type Representation = (
  mime: string,
  data: Record<string, unknown>,
  alt: string,
  context: BundleContext,
) => string;

/** Sanitised HTML that shows nothing: no text, no image, no math. */
const isEmptyHtml = (clean: string): boolean =>
  !/<(img|input|svg|math|hr)\b/.test(clean) && clean.replace(/<[^>]*>/g, "").trim() === "";

const vegaLite: Representation = (mime, data, alt, context) => {
  const { spec, removed } = safeVegaLite(data[mime]);
  if (removed.length > 0) context.warn(mime, `removed ${removed.join(", ")}`);
  context.needs.vega = true;
  return chartFigure("vegalite", spec, fallbackImage(data, alt, context), alt);
};

const plotlyJson: Representation = (mime, data, alt, context) => {
  const { spec, removed } = safePlotly(data[mime]);
  if (removed.length > 0) context.warn(mime, `removed ${removed.join(", ")}`);
  context.needs.plotly = true;
  return chartFigure("plotly", spec, fallbackImage(data, alt, context), alt);
};

/**
 * Trusted: kept as it is (tables, verdicts, a plotly chart's own script), without the inlined plotly
 * bundle. Untrusted: sanitised; a plotly chart's script is never run (its JSON or image is shown).
 */
const html: Representation = (mime, data, alt, context) => {
  const source = text(data[mime]);
  const withoutBundle = source.replace(PLOTLY_ASSET, "");
  const isPlotly = withoutBundle !== source || PLOTLY_SCRIPT.test(source);
  if (!context.trusted) {
    if (isPlotly)
      throw new OutputError("a plotly chart's script, not run in an untrusted notebook");
    const clean = sanitizeHtml(source);
    if (isEmptyHtml(clean))
      throw new OutputError(
        "nothing is left once scripts and styles are removed (untrusted notebook)",
      );
    return `<div class="output-html">${clean}</div>`;
  }
  if (!isPlotly) return `<div class="output-html">${withoutBundle}</div>`;
  context.needs.plotly = true;
  const image = fallbackImage(data, alt, context);
  return `<figure class="output-chart output-plotly" aria-label="${escapeHtml(alt)}">${withoutBundle}<noscript>${image}</noscript></figure>`;
};

const markdown: Representation = (mime, data, _alt, context) => {
  if (context.markdown === undefined) throw new OutputError("markdown is not rendered here");
  const html = context.markdown(text(data[mime]), (message) => context.warn(mime, message));
  return `<div class="output-markdown">${html}</div>`;
};

const latex: Representation = (mime, data, _alt, context) => {
  const tex = text(data[mime]).replace(/^\s*\$\$?|\$\$?\s*$/g, "");
  const onError = (message: string): void => context.warn(mime, `math: ${message}`);
  return `<div class="output-latex">${renderTex({ tex, display: true }, onError)}</div>`;
};

const image: Representation = (mime, data, alt) =>
  `<div class="output-image-wrap">${imageTag(mime, data[mime], alt)}</div>`;

const json: Representation = (mime, data) =>
  `<pre class="output-text">${escapeHtml(JSON.stringify(data[mime], null, 2) ?? "")}</pre>`;

const plain: Representation = (mime, data) =>
  `<pre class="output-text">${escapeHtml(stripAnsi(text(data[mime])))}</pre>`;

/** [does this MIME type match, its representation], in priority order. */
const PRIORITY: Array<[(mime: string) => boolean, Representation]> = [
  [(m) => VEGALITE.test(m), vegaLite],
  [(m) => m === PLOTLY_JSON, plotlyJson],
  [(m) => m === "text/html", html],
  [(m) => m === "text/markdown", markdown],
  [(m) => m === "text/latex", latex],
  ...IMAGE_MIMES.map((mime): [(m: string) => boolean, Representation] => [
    (m) => m === mime,
    image,
  ]),
  [(m) => m === "application/json", json],
  [(m) => m === "text/plain", plain],
];

/**
 * Renders a display_data / execute_result bundle with the first representation that works; each one
 * that fails is reported through `context.warn`. Nothing displayable: "" and a warning.
 * Example: `renderBundle({ "text/plain": "1 < 2" }, { trusted: false, needs, warn })` is
 * `<pre class="output-text">1 &lt; 2</pre>`.
 */
export function renderBundle(data: Record<string, unknown>, context: BundleContext): string {
  let alt = "chart";
  try {
    if (data["text/plain"] !== undefined) alt = stripAnsi(text(data["text/plain"]));
  } catch {
    // text/plain itself is reported when it is tried
  }
  const mimes = Object.keys(data);
  for (const [matches, represent] of PRIORITY) {
    for (const mime of mimes.filter(matches)) {
      try {
        return represent(mime, data, alt, context);
      } catch (e) {
        context.warn(mime, (e as Error).message);
      }
    }
  }
  context.warn(mimes.join(", ") || "an empty bundle", "nothing that can be shown; output skipped");
  return "";
}
