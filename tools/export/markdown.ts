// Markdown cells to HTML: marked for the markdown, KaTeX for the math (at build time), highlight.js for
// code blocks, anchors on headings, and Jupyter-like sanitising of raw HTML.
import hljs from "highlight.js";
import type { Tokens } from "marked" with { "resolution-mode": "import" };
import { escapeHtml, slugify } from "./html";
import { mathAsText, protectMath, restoreMath, type MathSpan } from "./math";
import { RESERVED_IDS, sanitizeHtml, type SanitizeOptions } from "./sanitize";
import { rasterDataUrl } from "./urls";

/** A heading of a page, for its table of contents. */
export interface Heading {
  depth: number;
  id: string;
  /** The heading's HTML (math rendered), without the anchor link. */
  html: string;
  text: string;
}

/** What one page's markdown renderer needs and collects: attachments in, headings and warnings out. */
export interface MarkdownContext {
  headings: Heading[];
  slugs: Set<string>;
  warnings: string[];
  attachments?: Record<string, Record<string, string>>;
}

/** Renders one markdown cell to sanitised HTML. */
export type RenderMarkdown = (markdown: string, context: MarkdownContext) => string;

/**
 * Highlights code at build time as TypeScript (or `lang`, when highlight.js knows it).
 * Example: `highlightCode("const x = 1;")` gives `<span class="hljs-keyword">const</span> x = …`.
 */
export function highlightCode(code: string, lang = "typescript"): string {
  const language = hljs.getLanguage(lang) ? lang : "typescript";
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}

/** An `attachment:name` image as a checked `data:` URL ("" with a warning when its data is not an image). */
function attachmentUrl(href: string, context: MarkdownContext): string {
  const name = href.startsWith("attachment:") ? href.slice("attachment:".length) : null;
  if (name === null) return href;
  const bundle = context.attachments?.[name];
  const entry = bundle === undefined ? undefined : Object.entries(bundle)[0];
  try {
    if (entry === undefined) throw new Error("no such attachment");
    return rasterDataUrl(entry[0], entry[1]);
  } catch (e) {
    context.warnings.push(`attachment ${JSON.stringify(name)}: ${(e as Error).message}`);
    return "";
  }
}

/**
 * Creates the markdown renderer. marked is ESM-only, so it is loaded with `import()`, which works
 * both from the compiled CommonJS tools and from vitest.
 * Example: `const md = await createMarkdownRenderer(); md("# Hi $x$", newContext())`.
 */
export async function createMarkdownRenderer(): Promise<RenderMarkdown> {
  const { Marked } = await import("marked");
  let context: MarkdownContext = newMarkdownContext();
  let spans: ReturnType<typeof protectMath>["spans"] = [];
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      heading(
        this: { parser: { parseInline(t: Tokens.Heading["tokens"]): string } },
        token: Tokens.Heading,
      ) {
        const inner = this.parser.parseInline(token.tokens);
        const text = mathAsText(token.text, spans);
        const id = slugify(text, context.slugs);
        // The contents entry is a link itself: phrasing markup only, sanitised like the body.
        const html = sanitizeHtml(inner, { ...mathIn(spans), inline: true });
        context.headings.push({ depth: token.depth, id, html, text });
        const anchor = `<a class="anchor" href="#${id}" aria-label="Link to this section">#</a>`;
        return `<h${token.depth} id="${id}">${inner} ${anchor}</h${token.depth}>\n`;
      },
      code(token: Tokens.Code) {
        const lang = (token.lang ?? "").split(/\s/)[0] || "typescript";
        return `<pre class="code-block"><code class="hljs language-${escapeHtml(lang)}">${highlightCode(token.text, lang)}</code></pre>\n`;
      },
      image(token: Tokens.Image) {
        const src = attachmentUrl(token.href, context);
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : "";
        return `<img src="${escapeHtml(src)}" alt="${escapeHtml(token.text)}"${title}>`;
      },
    },
  });
  return (markdown, ctx) => {
    context = ctx;
    const protectedMath = protectMath(markdown);
    spans = protectedMath.spans;
    const html = marked.parse(protectedMath.text) as string;
    return sanitizeHtml(
      html,
      mathIn(spans, (message) => ctx.warnings.push(`math: ${message}`)),
    );
  };
}

/** Math goes back into text as KaTeX, and into attribute values as its TeX source (never as markup). */
function mathIn(spans: MathSpan[], onError?: (message: string) => void): SanitizeOptions {
  return {
    text: (html) => restoreMath(html, spans, onError),
    attribute: (value) => mathAsText(value, spans),
  };
}

/** A fresh context for one page. */
export function newMarkdownContext(attachments?: MarkdownContext["attachments"]): MarkdownContext {
  return { headings: [], slugs: new Set(RESERVED_IDS), warnings: [], attachments };
}
