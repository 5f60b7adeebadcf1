// HTML outputs of cells run in the page (tables, exercise verdicts, hints, the course's Plotly
// charts). They are shown as the exporter shows an executed notebook's, but nothing in them runs
// or loads: scripts, frames, styles and event handlers are removed, and so is any address outside
// the page (an image from another host becomes a link). The course's own Plotly outputs are
// recognised and drawn from their figure by the site's plotly bundle instead of their script.
import { drawPlotly } from "./charts";

const REMOVED = "script style iframe frame frameset object embed applet base link meta noscript";
/** Attributes that make the browser load something. */
const LOADING = new Set(["src", "srcset", "poster", "background", "action", "formaction", "data"]);

function safeLink(url: string): boolean {
  const plain = url.replace(/[\u0000-\u0020]/g, "").toLowerCase();
  return !/^(javascript|vbscript|data|file):/.test(plain);
}

function inlineImage(url: string): boolean {
  return /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(url.trim()) || /^#/.test(url);
}

function cleanElement(el: Element): void {
  for (const attr of Array.from(el.attributes)) {
    const name = attr.name.toLowerCase();
    const value = attr.value;
    if (name.startsWith("on")) el.removeAttribute(attr.name);
    else if (name === "href" || name === "xlink:href") {
      const isLink = el.localName === "a";
      if (isLink ? !safeLink(value) : !inlineImage(value)) el.removeAttribute(attr.name);
    } else if (LOADING.has(name) && !inlineImage(value)) {
      if (el.localName === "img" && name === "src" && /^(https?:)?\/\//i.test(value)) {
        const link = document.createElement("a");
        link.href = value;
        link.textContent = el.getAttribute("alt") || value;
        el.replaceWith(link);
        return;
      }
      el.removeAttribute(attr.name);
    } else if (name === "style" && /url\s*\(|expression\s*\(|@import/i.test(value)) {
      el.removeAttribute(attr.name);
    }
  }
  if (el.localName === "a" && el.getAttribute("href")) {
    el.setAttribute("rel", "noopener noreferrer");
    el.setAttribute("target", "_blank");
  }
}

/** Parses `html` inertly and returns its cleaned nodes (see the module comment). */
export function cleanHtml(html: string): DocumentFragment {
  const template = document.createElement("template");
  template.innerHTML = html;
  const fragment = template.content;
  fragment.querySelectorAll(REMOVED.split(" ").join(",")).forEach((el) => el.remove());
  fragment.querySelectorAll("*").forEach(cleanElement);
  return fragment;
}

/** The figure of a course Plotly output (lib/show/plotly.ts's markup), or null. */
export function plotlyFigure(html: string): { data?: unknown; layout?: unknown } | null {
  if (!/class="dl-plotly"/.test(html)) return null;
  const match = /var fig = (\{[\s\S]*\}), tries = 0;/.exec(html);
  if (match === null) return null;
  try {
    const figure = JSON.parse(match[1]) as unknown;
    return typeof figure === "object" && figure !== null ? figure : null;
  } catch {
    return null;
  }
}

/** Renders an HTML output: the course's Plotly charts drawn, everything else cleaned. */
export function renderHtml(html: string, alt: string): HTMLElement {
  const figure = plotlyFigure(html);
  if (figure !== null) {
    const wrap = document.createElement("figure");
    wrap.className = "output-chart output-plotly";
    wrap.setAttribute("aria-label", alt);
    const target = document.createElement("div");
    target.className = "plotly-target";
    wrap.append(target);
    void drawPlotly(target, figure);
    return wrap;
  }
  const div = document.createElement("div");
  div.className = "output-html";
  div.append(cleanHtml(html));
  return div;
}
