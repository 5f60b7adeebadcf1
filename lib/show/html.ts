/**
 * Small displays: HTML, Markdown, plain text and errors, each as one output with a `text/plain`
 * twin so that every front end (and plain node) shows something readable.
 *
 * Example:
 *   dl.show.markdown("**Accuracy**: 97 %");
 *   try { dl.matmul(a, b) } catch (e) { dl.show.error(e) }
 */
import { displayBundle } from "./display";
import { ArgumentError, expectOptions } from "../errors";
import { describeValue } from "../format-value";

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for HTML, in element text and in attribute values (quoted either way): the one
 * escape of lib (displays and exercise verdicts use it). Example: escapeHtml('<b a="1">') is
 * `&lt;b a=&quot;1&quot;&gt;`.
 */
export function escapeHtml(text: string): string {
  if (typeof text !== "string") {
    throw new ArgumentError(`escapeHtml: text must be a string, got ${describeValue(text)}`);
  }
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Shows HTML; the plain-text twin is the HTML without its tags unless `text` is given. */
export function html(markup: string, options: { text?: string } = {}): void {
  if (typeof markup !== "string") {
    throw new ArgumentError(`html: markup must be a string, got ${describeValue(markup)}`);
  }
  expectOptions("html", options);
  const plain =
    options.text ??
    markup
      .replace(/<[^>]*>/g, "")
      .replace(/\s+\n/g, "\n")
      .trim();
  displayBundle({ "text/html": markup, "text/plain": plain });
}

/** Shows Markdown (rendered by the front end, math included); plain text is the source. */
export function markdown(source: string): void {
  if (typeof source !== "string") {
    throw new ArgumentError(`markdown: source must be a string, got ${describeValue(source)}`);
  }
  displayBundle({ "text/markdown": source, "text/plain": source });
}

/** Shows plain text as an output of its own. */
export function text(value: string): void {
  if (typeof value !== "string") {
    throw new ArgumentError(`text: value must be a string, got ${describeValue(value)}`);
  }
  displayBundle({ "text/plain": value });
}

/**
 * Shows an error as a readable box (its name, message, and for a library error no stack) plus text.
 * Cells that demonstrate an error on purpose catch it and show it, so the notebook keeps running.
 */
export function error(e: unknown): void {
  const name = e instanceof Error ? e.name : "Error";
  const message = e instanceof Error ? e.message : String(e);
  // Colour and background are both set on each element, so no host theme makes it light on light.
  const markup =
    `<div class="dl-box dl-error" role="alert" style="border-left:4px solid #D55E00;background:#fff4ec;` +
    `padding:6px 10px;font-family:monospace;white-space:pre-wrap;color:#222">` +
    `<strong class="dl-box-title" style="color:#a13c00;background:transparent">` +
    `${escapeHtml(name)}</strong>: ${escapeHtml(message)}</div>`;
  displayBundle({ "text/html": markup, "text/plain": `${name}: ${message}` });
}
