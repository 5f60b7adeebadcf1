/**
 * The look of the exercise boxes (verdicts, hints, predictions), readable on every host: Jupyter
 * Notebook 6, JupyterLab and VS Code in light or dark themes, and the exported site. A host theme
 * sets a colour OR a background on some elements (JupyterLab's dark theme gives table rows and
 * `code` a dark background, and tables light text), so every element of a box sets BOTH inline: a
 * light box with dark text, whatever the theme. The classes (`dl-box`, `dl-box-title`,
 * `dl-box-muted`, `dl-code`) let a host with its own dark style restyle them (the site does).
 * Every text colour has at least 4.5:1 contrast (WCAG AA) on its box's background.
 *
 * Example: `box("dl-hint", HINT, `<b ${title(HINT)}>💡 Hint</b> ${inlineCode("use `x`")}`)`.
 */
import { escapeHtml } from "../show/html";

/** lib's one HTML escape (lib/show/html.ts), re-exported for the exercise displays. */
export { escapeHtml };

/** A box's colours: its accent (left border and title) and its background. */
export interface BoxLook {
  readonly accent: string;
  readonly background: string;
}

/** Body text and secondary text on every box background (contrast ≥ 7). */
export const TEXT = "#1f2328";
export const MUTED = "#4a5056";

export const HINT: BoxLook = { accent: "#0d47a1", background: "#e3f2fd" };
export const PREDICTION: BoxLook = { accent: "#4a148c", background: "#f3e5f5" };

/** The style of an element inside a box: its colour, on a transparent background, plus `extra`. */
export function inside(color: string, extra = ""): string {
  return `style="color:${color};background:transparent${extra === "" ? "" : `;${extra}`}"`;
}

/** The attributes of a box's title (bold, in the accent colour). */
export function title(look: BoxLook): string {
  return `class="dl-box-title" ${inside(look.accent)}`;
}

/** A box of class `kind` holding `html` (already escaped). */
export function box(kind: string, look: BoxLook, html: string): string {
  const style =
    `color:${TEXT};background:${look.background};border-left:4px solid ${look.accent};` +
    `padding:6px 10px;margin:4px 0;font-family:sans-serif`;
  return `<div class="dl-box ${kind}" style="${style}">${html}</div>`;
}

const CODE = `color:${TEXT};background:rgba(31,35,40,0.08);padding:0 3px;border-radius:3px;font-family:monospace`;

/** `text` as HTML in a `<code>` that keeps the box's colours. */
export function code(text: string): string {
  return `<code class="dl-code" style="${CODE}">${escapeHtml(text)}</code>`;
}

/**
 * Escapes `text`, rendering its `code` spans (between backticks) as `<code>`; a text whose backticks
 * do not pair is shown as it is.
 * Example: `inlineCode("use `x.tanh()`")` is `use <code …>x.tanh()</code>`.
 */
export function inlineCode(text: string): string {
  const parts = text.split("`");
  if (parts.length % 2 === 0) return escapeHtml(text);
  return parts.map((part, i) => (i % 2 === 1 ? code(part) : escapeHtml(part))).join("");
}
