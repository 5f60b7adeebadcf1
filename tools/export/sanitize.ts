// An allow-list HTML sanitiser for the raw HTML that markdown cells may contain, in the spirit of
// Jupyter's: formatting, tables, images and links pass; scripts, styles, frames, forms and event
// handlers do not. Images from other hosts become links (the site makes no request elsewhere).
import { escapeHtml } from "./html";

const ALLOWED = new Set(
  (
    "a abbr b blockquote br caption cite code col colgroup dd del details div dl dt em figcaption figure " +
    "h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span strong sub summary sup " +
    "table tbody td tfoot th thead tr u ul var input"
  ).split(" "),
);
/** Elements removed together with everything inside them. */
const DROPPED_WITH_CONTENT = new Set(
  "script style iframe object embed template noscript textarea select applet frame frameset svg math".split(
    " ",
  ),
);
const GLOBAL_ATTRS = new Set(
  "class id title lang dir role align width height colspan rowspan start alt".split(" "),
);
const TAG_ATTRS: Record<string, Set<string>> = {
  a: new Set(["href", "name", "target", "rel"]),
  img: new Set(["src"]),
  input: new Set(["type", "checked", "disabled"]),
  ol: new Set(["type", "reversed"]),
  details: new Set(["open"]),
  th: new Set(["scope"]),
};

const TAG =
  /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

function safeUrl(url: string, tag: string): boolean {
  const plain = url.replace(/[\u0000-\u0020]/g, "").toLowerCase();
  if (tag === "img")
    return (
      /^data:image\/(png|jpeg|gif|webp);/.test(plain) || !/^[a-z][a-z0-9+.-]*:|^\/\//.test(plain)
    );
  return !/^(javascript|vbscript|data|file):/.test(plain);
}

function cleanAttrs(tag: string, attrs: string): string {
  let out = "";
  for (const m of attrs.matchAll(ATTR)) {
    const name = m[1].toLowerCase();
    const value = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
    const allowed =
      GLOBAL_ATTRS.has(name) || TAG_ATTRS[tag]?.has(name) || /^aria-[a-z]+$/.test(name);
    if (!allowed || ((name === "href" || name === "src") && !safeUrl(value, tag))) continue;
    if (tag === "input" && name === "type" && value !== "checkbox") return " disabled";
    out += ` ${name}="${escapeHtml(value)}"`;
  }
  return out;
}

/** An `<img>` whose source is on another host becomes a link to it, so opening the page fetches nothing. */
function externalImage(attrs: string): string | null {
  const src = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
  const url = src ? decodeEntities(src[1] ?? src[2] ?? src[3] ?? "") : "";
  if (!/^(https?:)?\/\//i.test(url)) return null;
  const alt = /\salt\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attrs);
  const label = alt ? decodeEntities(alt[1] ?? alt[2] ?? "") : url;
  return `<a class="external-image" href="${escapeHtml(url)}">image: ${escapeHtml(label)}</a>`;
}

/**
 * Returns `html` with only allowed elements and attributes; text outside tags is re-escaped.
 * Example: `sanitizeHtml('<b onclick="x()">hi</b><script>x()</script>')` is `<b>hi</b>`.
 */
export function sanitizeHtml(html: string): string {
  let out = "";
  let last = 0;
  let skipUntil: string | null = null;
  for (const m of html.matchAll(TAG)) {
    const [whole, slash, rawTag, attrs = ""] = m;
    const text = html.slice(last, m.index);
    last = m.index + whole.length;
    if (skipUntil !== null) {
      if (slash && rawTag?.toLowerCase() === skipUntil) skipUntil = null;
      continue;
    }
    out += escapeText(text);
    if (rawTag === undefined) continue; // a comment
    const tag = rawTag.toLowerCase();
    if (DROPPED_WITH_CONTENT.has(tag)) {
      if (!slash && !whole.endsWith("/>")) skipUntil = tag;
      continue;
    }
    if (!ALLOWED.has(tag)) continue;
    if (slash) out += `</${tag}>`;
    else if (tag === "img" && externalImage(attrs) !== null) out += externalImage(attrs);
    else out += `<${tag}${cleanAttrs(tag, attrs)}>`;
  }
  if (skipUntil === null) out += escapeText(html.slice(last));
  return out;
}

/** Escapes stray `<` and `>` in text between tags, keeping entities that are already there. */
function escapeText(text: string): string {
  return text
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/&(?![a-zA-Z][a-zA-Z0-9]*;|#\d+;|#x[0-9a-fA-F]+;)/g, "&amp;");
}
