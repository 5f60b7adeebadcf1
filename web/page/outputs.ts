// Drawing a cell's outputs as they stream from the kernel, with the exporter's markup and MIME
// priority (so the site's stylesheet and chart code apply): vega-lite (its static image shown until
// drawn) > plotly > HTML > images > JSON > text; text, stderr and errors as escaped <pre>. An
// update_display_data replaces the display with the same id in place (the live training display).
import { applyCarriageReturns, stripAnsi } from "../../tools/export/html";
import { drawPlotly, drawVegaLite } from "./charts";
import type { Displays } from "./displays";
import { renderHtml } from "./html-output";
import type { KernelOutput } from "./kernel";

/** Past this many characters a stream shows its start and says how much was left out. */
export const MAX_STREAM_CHARS = 200_000;
const VEGALITE = /^application\/vnd\.vegalite\.v\d+\+json$/;
/** Charts being drawn (drawing is asynchronous: it may first load the chart library). */
const drawing = new WeakMap<HTMLElement, Promise<void>>();

/** Settles when `element` (from renderBundle) is drawn: at once for all but charts. */
export function whenDrawn(element: HTMLElement): Promise<void> {
  return drawing.get(element) ?? Promise.resolve();
}

const text = (value: unknown): string =>
  typeof value === "string"
    ? value
    : Array.isArray(value)
      ? value.join("")
      : JSON.stringify(value, null, 2);

function pre(className: string, content: string): HTMLElement {
  const element = document.createElement("pre");
  element.className = className;
  element.textContent = content;
  return element;
}

function image(mime: string, data: string, alt: string): HTMLImageElement {
  const img = document.createElement("img");
  img.className = "output-image";
  img.alt = alt;
  img.src =
    mime === "image/svg+xml"
      ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(data)}`
      : `data:${mime};base64,${data.replace(/\s/g, "")}`;
  return img;
}

function fallbackImage(data: Record<string, unknown>, alt: string): HTMLElement {
  for (const mime of ["image/svg+xml", "image/png", "image/jpeg"]) {
    if (data[mime] !== undefined) return image(mime, text(data[mime]), alt);
  }
  return pre("output-text", alt);
}

function vegaLite(spec: unknown, data: Record<string, unknown>, alt: string): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = "output-chart output-vegalite";
  const target = document.createElement("div");
  target.className = "vega-target";
  const fallback = document.createElement("div");
  fallback.className = "chart-fallback";
  fallback.append(fallbackImage(data, alt));
  const caption = document.createElement("figcaption");
  caption.className = "visually-hidden";
  caption.textContent = alt;
  figure.append(target, fallback, caption);
  drawing.set(figure, drawVegaLite(figure, typeof spec === "string" ? JSON.parse(spec) : spec));
  return figure;
}

function plotlyJson(figure: unknown, alt: string): HTMLElement {
  const wrap = document.createElement("figure");
  wrap.className = "output-chart output-plotly";
  wrap.setAttribute("aria-label", alt);
  const target = document.createElement("div");
  target.className = "plotly-target";
  wrap.append(target);
  const spec = typeof figure === "object" && figure !== null ? figure : {};
  drawing.set(wrap, drawPlotly(target, spec));
  return wrap;
}

/** A display's MIME bundle as an element, by the exporter's priority. */
export function renderBundle(data: Record<string, unknown>): HTMLElement {
  const alt = data["text/plain"] === undefined ? "chart" : text(data["text/plain"]);
  const vegaMime = Object.keys(data).find((mime) => VEGALITE.test(mime));
  if (vegaMime !== undefined) return vegaLite(data[vegaMime], data, alt);
  const plotly = data["application/vnd.plotly.v1+json"];
  if (plotly !== undefined) return plotlyJson(plotly, alt);
  if (data["text/html"] !== undefined) return renderHtml(text(data["text/html"]), alt);
  for (const mime of ["image/svg+xml", "image/png", "image/jpeg", "image/gif"]) {
    if (data[mime] === undefined) continue;
    const wrap = document.createElement("div");
    wrap.className = "output-image-wrap";
    wrap.append(image(mime, text(data[mime]), alt));
    return wrap;
  }
  if (data["application/json"] !== undefined)
    return pre("output-text", text(data["application/json"]));
  const source = data["text/markdown"] ?? data["text/latex"];
  return pre("output-text", stripAnsi(source === undefined ? alt : text(source)));
}

/** The text of an error output: its traceback, headed by `name: message` unless it has it. */
export function errorText(o: { ename: string; evalue: string; traceback: string[] }): string {
  const traceback = stripAnsi(o.traceback.join("\n"));
  const head = `${o.ename}: ${o.evalue}`;
  const body = traceback.includes(o.evalue || "\u0000") ? traceback : `${head}\n${traceback}`;
  return body.trim() || head;
}

/** One cell's output area: appends outputs as they come, merging a stream's consecutive texts. */
export class OutputArea {
  private lastStream: { name: string; raw: string; element: HTMLElement } | null = null;
  private frame = 0;

  constructor(
    readonly element: HTMLElement,
    private readonly displays: Displays,
  ) {}

  clear(): void {
    this.displays.forget(this.element);
    this.element.replaceChildren();
    this.lastStream = null;
  }

  add(o: KernelOutput): void {
    if (o.output_type === "stream") return this.stream(o.name, o.text);
    this.flush();
    this.lastStream = null;
    if (o.output_type === "error") {
      const element = pre("output-error", errorText(o));
      element.setAttribute("role", "alert");
      this.element.append(element);
    } else if (o.output_type === "display_data") {
      const element = renderBundle(o.data);
      const id = o.transient?.display_id;
      if (id !== undefined) this.displays.register(id, element);
      this.element.append(element);
    } else if (o.output_type === "update_display_data") {
      this.displays.update(o.transient.display_id, o.data);
    }
  }

  /** Draws the stream text received so far (streams are drawn once per frame, not per chunk). */
  flush(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
    const current = this.lastStream;
    if (current === null) return;
    const shown = shownStream(current.raw);
    current.element.textContent = shown;
    // A blank stream (tslab prints an empty line for a quiet last expression) shows nothing.
    current.element.hidden = shown.trim() === "";
  }

  private stream(name: string, chunk: string): void {
    let current = this.lastStream;
    if (current === null || current.name !== name) {
      this.flush();
      const element = pre(`output-stream ${name === "stderr" ? "stderr" : "stdout"}`, "");
      this.element.append(element);
      current = this.lastStream = { name, raw: "", element };
    }
    current.raw += chunk;
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.flush());
  }
}

/** A stream's text as shown: ANSI removed, carriage returns applied, cut past MAX_STREAM_CHARS. */
export function shownStream(raw: string): string {
  const shown = applyCarriageReturns(stripAnsi(raw.slice(0, MAX_STREAM_CHARS)));
  if (raw.length <= MAX_STREAM_CHARS) return shown;
  const more = raw.length - MAX_STREAM_CHARS;
  return `${shown}\n… ${more.toLocaleString("en")} more characters not shown (Download .ipynb keeps them)`;
}
