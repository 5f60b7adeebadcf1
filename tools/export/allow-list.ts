// What notebook HTML may keep on a page: the elements, attributes and CSS properties that lessons
// use (formatting, tables, KaTeX's HTML + MathML + SVG, the exercise verdict / hint / prediction
// boxes, `dl.show.table`), and nothing that runs code, loads from elsewhere or submits anything.
// Everything not listed here is dropped by the sanitiser (sanitize.ts).

const words = (text: string): string[] => text.trim().split(/\s+/);

/** HTML elements for prose, tables and outputs. No script, style, frame, form, object, embed, base, meta, link. */
const HTML_TAGS = words(`
  a abbr b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em
  figcaption figure h1 h2 h3 h4 h5 h6 hr i img input ins kbd li mark ol p pre q rp rt ruby s samp
  small span strong sub summary sup table tbody td tfoot th thead tr u ul var wbr`);

/** MathML as KaTeX writes it (no `annotation-xml`, `maction`, `mglyph`: they can carry HTML or links). */
const MATHML_TAGS = words(`
  math semantics annotation mrow mi mn mo ms mtext mspace mfrac msqrt mroot msub msup msubsup
  munder mover munderover mtable mtr mtd mstyle mpadded mphantom menclose merror mprescripts none`);

/** The SVG shapes KaTeX draws stretchy symbols with (no `use`, `image`, `a`, `foreignObject`, animation). */
const SVG_TAGS = words(`svg path line rect g`);

/** Elements the inline profile keeps (a table of contents entry is itself a link). */
const INLINE_TAGS = words(
  `b bdi bdo code del em i ins kbd mark q s samp small span strong sub sup u var`,
);

/** Elements dropped together with their content, whatever the profile. */
export const DROPPED_WITH_CONTENT = words(`
  script style textarea option xmp noscript noembed noframes template iframe object embed
  title select svg:script foreignobject`);

export const CONTENT_TAGS = [...HTML_TAGS, ...MATHML_TAGS, ...SVG_TAGS];
export const INLINE_PROFILE_TAGS = [...INLINE_TAGS, ...MATHML_TAGS, ...SVG_TAGS];

const GLOBAL_ATTRIBUTES = words(`class id title lang dir role style aria-*`);

/** Attributes per element; URLs (`href`, `src`) are checked again by the sanitiser. */
export const ATTRIBUTES: Record<string, string[]> = {
  "*": GLOBAL_ATTRIBUTES,
  a: ["href", "target", "rel"],
  img: ["src", "alt", "width", "height"],
  input: ["type", "checked", "disabled"],
  ol: ["start", "reversed", "type"],
  details: ["open"],
  td: ["colspan", "rowspan", "align", "valign"],
  th: ["colspan", "rowspan", "align", "valign", "scope"],
  col: ["span", "width"],
  colgroup: ["span", "width"],
  table: ["width", "align"],
  tr: ["align", "valign"],
  p: ["align"],
  div: ["align"],
  math: ["xmlns", "display"],
  annotation: ["encoding"],
  mi: ["mathvariant"],
  mo: ["stretchy", "fence", "separator", "lspace", "rspace", "minsize", "maxsize", "accent"],
  mover: ["accent"],
  munder: ["accentunder"],
  mtable: ["rowspacing", "columnspacing", "columnalign", "rowalign", "rowlines", "columnlines"],
  mstyle: ["scriptlevel", "displaystyle", "mathcolor", "mathbackground"],
  mpadded: ["width", "height", "depth", "lspace", "voffset", "mathbackground"],
  mspace: ["width", "height", "depth", "mathbackground"],
  menclose: ["notation"],
  mfrac: ["linethickness"],
  svg: ["xmlns", "width", "height", "viewbox", "preserveaspectratio"],
  path: ["d", "fill", "stroke", "stroke-width"],
  line: ["x1", "y1", "x2", "y2", "stroke", "stroke-width"],
  rect: ["x", "y", "width", "height", "fill", "stroke", "stroke-width"],
  g: ["fill", "stroke", "stroke-width", "transform"],
};

/**
 * A CSS value made of words, numbers, colours, quoted names and only the functions `rgb[a]`, `hsl[a]`
 * and `calc`: no `url(…)`, `image-set(…)`, `expression(…)`, `var(…)`, escapes or comments.
 */
const SAFE_CSS_VALUE =
  /^(?:[-\w.%#\s,/!+]|"[^"\\()<>;]*"|'[^'\\()<>;]*'|(?:rgba?|hsla?|calc)\([-\w\s.%,/+*]*\))*$/i;

/** CSS properties allowed in `style` attributes (KaTeX's layout, the verdict boxes, table alignment). */
const STYLE_PROPERTIES = words(`
  color background background-color opacity
  border border-top border-right border-bottom border-left border-color border-style border-width
  border-top-width border-right-width border-bottom-width border-left-width border-radius
  border-collapse border-spacing
  margin margin-top margin-right margin-bottom margin-left
  padding padding-top padding-right padding-bottom padding-left
  width min-width max-width height min-height max-height
  display vertical-align text-align white-space word-break overflow-wrap overflow overflow-x
  font font-family font-size font-style font-weight font-variant line-height letter-spacing
  text-decoration text-transform text-indent top right bottom left`);

/** `position` is limited: `fixed` or `sticky` would let an output cover the page around it. */
export const ALLOWED_STYLES: Record<string, Record<string, RegExp[]>> = {
  "*": {
    ...Object.fromEntries(STYLE_PROPERTIES.map((p) => [p, [SAFE_CSS_VALUE]])),
    position: [/^\s*(static|relative|absolute)\s*$/i],
  },
};

/**
 * Classes the site's own script and tests look for: notebook HTML may not wear them (a forged
 * `output-vegalite` figure would be taken for one of the page's charts).
 */
export const RESERVED_CLASS =
  /^(output-|vega-|plotly-|chart-|toc|pager|site-|skip-link|drawn$|failed$)/;

/** Link schemes that may stay in an `href`; images only ever keep checked `data:` URLs. */
export const LINK_SCHEMES = ["http", "https", "mailto"];
