// The sanitiser for every piece of HTML a notebook brings to a page (raw HTML in markdown, headings
// in the table of contents, HTML outputs of untrusted notebooks): sanitize-html, which parses with
// htmlparser2 and rebuilds the markup from an allow-list (allow-list.ts). Scripts, styles, frames,
// forms, event handlers and `javascript:` links go; images from other hosts become links, and CSS
// that could load anything (`url(…)`) is dropped, so a page makes no request elsewhere.
import sanitize from "sanitize-html";
import {
  ALLOWED_STYLES,
  ATTRIBUTES,
  CONTENT_TAGS,
  DROPPED_WITH_CONTENT,
  INLINE_PROFILE_TAGS,
  LINK_SCHEMES,
  RESERVED_CLASS,
} from "./allow-list";
import { isRemote, rasterDataUrl, schemeOf } from "./urls";

/** How to sanitise one piece of HTML. */
export interface SanitizeOptions {
  /** Keep phrasing elements only (no links, images, blocks): for a table of contents entry. */
  inline?: boolean;
  /** Rewrites each text node, given and returned as HTML (the math placeholders become KaTeX here). */
  text?: (html: string) => string;
  /** Rewrites each attribute value, given and returned as plain text (placeholders become their TeX). */
  attribute?: (value: string) => string;
}

type Attributes = Record<string, string>;

/** Ids kept from a notebook: heading slugs ("1-the-neuron") and names a lesson gives; no spaces or quotes. */
const SAFE_ID = /^[A-Za-z0-9][\w:.-]{0,100}$/;
/** Ids the page itself uses (the skip link's target): a heading never takes one (newMarkdownContext). */
export const RESERVED_IDS: ReadonlySet<string> = new Set(["content"]);

function cleanAttributes(tag: string, attribs: Attributes, options: SanitizeOptions): Attributes {
  const out: Attributes = {};
  for (const [name, raw] of Object.entries(attribs)) {
    const value = options.attribute ? options.attribute(raw) : raw;
    if (name === "id" && (!SAFE_ID.test(value) || RESERVED_IDS.has(value))) continue;
    if (name === "class") {
      const classes = value.split(/\s+/).filter((c) => c !== "" && !RESERVED_CLASS.test(c));
      if (classes.length > 0) out.class = classes.join(" ");
      continue;
    }
    if (name === "target" && tag === "a") {
      if (value === "_blank") Object.assign(out, { target: "_blank", rel: "noopener noreferrer" });
      continue;
    }
    if (name === "href" && tag === "a") {
      const scheme = schemeOf(value);
      if (scheme === "" || LINK_SCHEMES.includes(scheme)) out.href = value;
      continue;
    }
    if (name === "rel") continue; // set with target, never taken from the notebook
    if (tag === "input" && name === "disabled") continue; // always set below
    out[name] = value;
  }
  if (tag === "input") out.disabled = "";
  return out;
}

/** An image keeps only a checked `data:` URL; one from another host becomes a link to it. */
function transformImage(attribs: Attributes): sanitize.Tag {
  const src = attribs.src ?? "";
  const { src: _src, ...rest } = attribs;
  if (isRemote(src)) {
    const label = attribs.alt === undefined || attribs.alt === "" ? src : attribs.alt;
    const href = /^\s*[/\\]{2}/.test(src) ? `https:${src.trim()}` : src;
    return {
      tagName: "a",
      attribs: { class: "external-image", href: LINK_SCHEMES.includes(schemeOf(href)) ? href : "" },
      text: `image: ${label}`,
    };
  }
  const match = /^data:(image\/[a-z]+);base64,([\s\S]*)$/i.exec(src.trim());
  try {
    if (match === null) throw new Error("not a data: URL");
    return { tagName: "img", attribs: { ...rest, src: rasterDataUrl(match[1], match[2]) } };
  } catch {
    return { tagName: "img", attribs: rest };
  }
}

/**
 * Element-specific rewrites (sanitize-html applies one before the generic cleaning). Only `img` is
 * renamed, and only where links are allowed: sanitize-html forgets a renamed element that is then
 * dropped, and would close the next one with its name.
 */
function transforms(options: SanitizeOptions): Record<string, sanitize.Transformer> {
  const clean = (tag: string, attribs: Attributes): sanitize.Tag => ({
    tagName: tag,
    attribs: cleanAttributes(tag, attribs, options),
  });
  const all: Record<string, sanitize.Transformer> = { "*": clean };
  if (!options.inline) all.img = (tag, attribs) => transformImage(clean(tag, attribs).attribs);
  return all;
}

/** Elements removed after cleaning: inputs other than a disabled checkbox, images without a source. */
function exclude(frame: sanitize.IFrame): boolean {
  if (frame.tag === "input") return frame.attribs.type !== "checkbox";
  return (
    frame.tag === "img" &&
    frame.attribs.src === undefined &&
    frame.attribs.class !== "external-image"
  );
}

/**
 * Returns `html` rebuilt from allowed elements and attributes only; text is escaped again.
 * Example: `sanitizeHtml('<b onclick="x()">hi</b><script>x()</script>')` is `<b>hi</b>`.
 */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): string {
  return sanitize(html, {
    allowedTags: options.inline ? INLINE_PROFILE_TAGS : CONTENT_TAGS,
    allowedAttributes: ATTRIBUTES,
    allowedStyles: ALLOWED_STYLES,
    allowedSchemes: LINK_SCHEMES,
    allowedSchemesByTag: { img: ["data"] },
    allowProtocolRelative: false,
    allowedEmptyAttributes: ["alt", "checked", "disabled", "open", "reversed"],
    nonTextTags: DROPPED_WITH_CONTENT,
    disallowedTagsMode: "discard",
    transformTags: transforms(options),
    exclusiveFilter: exclude,
    textFilter: options.text ? (text) => options.text!(text) : undefined,
  } as sanitize.IOptions);
}

/** SVG elements a chart or an `image/svg+xml` output may keep (no script, foreignObject, use, a, animation). */
const SVG_IMAGE_TAGS = (
  "svg g path rect line polyline polygon circle ellipse text tspan title desc defs clipPath mask " +
  "pattern marker linearGradient radialGradient stop image"
).split(" ");

/** A value that points nowhere but inside the SVG: no `url(…)` except `url(#id)`, no escapes or imports. */
function localOnly(value: string): boolean {
  return (
    !/\\|@import|expression\s*\(|javascript:/i.test(value) &&
    !/\b(?:url|image|image-set|cross-fade|element)\s*\(\s*(?!['"]?#)/i.test(value)
  );
}

function svgAttributes(tag: string, attribs: Attributes): Attributes {
  const out: Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    if (/^on/i.test(name) || !localOnly(value)) continue;
    if (/(^|:)href$/i.test(name)) {
      const href = value.trim();
      if (href.startsWith("#")) out[name] = href;
      else if (tag === "image") {
        const match = /^data:(image\/[a-z]+);base64,([\s\S]*)$/i.exec(href);
        try {
          if (match !== null) out[name] = rasterDataUrl(match[1], match[2]);
        } catch {
          // an image that is not a checked data: URL is dropped (its element stays, empty)
        }
      }
      continue;
    }
    out[name] = value;
  }
  return out;
}

/**
 * An SVG image (a chart's fallback, an `image/svg+xml` output) without anything that runs or loads:
 * elements outside a drawing allow-list, event attributes, links other than `#id` and checked
 * `data:` images, and `url(…)` to anything but `#id` are removed. Parsed as XML, so case is kept.
 * Example: `sanitizeSvg('<svg><image href="http://x/a.png"/><rect width="1"/></svg>')`.
 */
export function sanitizeSvg(svg: string): string {
  return sanitize(svg, {
    allowedTags: SVG_IMAGE_TAGS,
    allowedAttributes: false,
    allowedSchemes: ["data"],
    allowProtocolRelative: false,
    nonTextTags: [...DROPPED_WITH_CONTENT, "foreignObject", "style"],
    disallowedTagsMode: "discard",
    parser: { xmlMode: true, decodeEntities: true },
    transformTags: {
      "*": (tag, attribs) => ({ tagName: tag, attribs: svgAttributes(tag, attribs) }),
    },
  });
}

/**
 * The text of an HTML fragment, every element removed (scripts and styles with their content), as
 * plain text (entities decoded): for labels that go into an attribute, escaped there once.
 * Example: `plainText("<b>a</b> &lt; b<script>x</script>")` is `"a < b"`.
 */
export function plainText(html: string): string {
  const escaped = sanitize(html, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: DROPPED_WITH_CONTENT,
  });
  return escaped
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
