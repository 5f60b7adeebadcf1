// Page templates: the shared layout (head, header, table of contents, previous/next navigation)
// and the index page.
import { escapeHtml } from "./html";
import type { Heading } from "./markdown";
import type { Needs } from "./outputs";
import { PAGE_HEAD, pageScript } from "./runnable";

/** A link to another page of the site (an encoded href), with its label (plain text). */
export interface PageLink {
  href: string;
  label: string;
}

/** What the layout needs to wrap a page body. */
export interface LayoutOptions {
  courseTitle: string;
  /** The page's `<title>` and heading text, plain. */
  title: string;
  body: string;
  needs: Needs;
  headings?: Heading[];
  prev?: PageLink;
  next?: PageLink;
  /** Extra links shown under the title (e.g. to the solution page). */
  related?: PageLink[];
  kind: "index" | "lesson" | "solution";
  /** Whether the page's notebook is trusted: only then may inline scripts of its outputs run (default false). */
  trusted?: boolean;
  /** The site-relative href of the page's notebook, to download (lesson and solution pages). */
  download?: string;
}

/** The table of contents: the page's level 2 and 3 headings, as nested links. */
export function tableOfContents(headings: Heading[]): string {
  const items = headings.filter((h) => h.depth === 2 || h.depth === 3);
  if (items.length === 0) return "";
  const list = items
    .map((h) => `<li class="toc-${h.depth}"><a href="#${h.id}">${h.html}</a></li>`)
    .join("");
  return (
    `<nav class="toc" aria-label="Table of contents"><details open><summary>Contents</summary>` +
    `<ol>${list}</ol></details></nav>`
  );
}

/** Previous / all / next; `where` makes the two copies' landmark names differ ("top", "bottom"). */
function pager(where: string, prev?: PageLink, next?: PageLink): string {
  const link = (l: PageLink | undefined, rel: string, arrow: string): string =>
    l === undefined
      ? `<span></span>`
      : `<a rel="${rel}" class="pager-${rel}" href="${escapeHtml(l.href)}">${arrow} ${escapeHtml(l.label)}</a>`;
  return (
    `<nav class="pager" aria-label="Lessons, ${where} of the page">${link(prev, "prev", "←")}` +
    `<a href="index.html" class="pager-index">All lessons</a>${link(next, "next", "→")}</nav>`
  );
}

/**
 * The page's Content-Security-Policy: whatever a notebook holds, the browser loads nothing from
 * another host (no connections, images, fonts, frames, forms or plugins), and runs only the site's
 * own scripts; inline scripts only on a trusted notebook's page, `eval` only where a chart library
 * needs it (vega compiles expressions, plotly's WebGL compiles shaders) or on a runnable lesson page
 * (its kernel, a Web Worker started from a Blob, evaluates the compiled cells and may draw charts).
 */
export function contentSecurityPolicy(trusted: boolean, needs: Needs, runnable = false): string {
  const site = "'self' file:";
  const script = [
    site,
    needs.vega || needs.plotly || runnable ? "'unsafe-eval'" : "",
    trusted ? "'unsafe-inline'" : "",
  ];
  return [
    `default-src ${site}`,
    `script-src ${script.filter((s) => s !== "").join(" ")}`,
    `style-src ${site} 'unsafe-inline'`,
    `img-src ${site} data: blob:`,
    `font-src ${site} data:`,
    runnable ? `worker-src blob:` : "worker-src 'none'",
    "connect-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

function scripts(needs: Needs, kind: LayoutOptions["kind"]): { head: string; tail: string } {
  // plotly outputs call window.Plotly while the page parses, so its bundle loads in the head.
  const head = needs.plotly ? `<script src="assets/plotly.js"></script>` : "";
  const vega = needs.vega
    ? ["vega.min.js", "vega-lite.min.js", "vega-embed.min.js"]
        .map((f) => `<script src="assets/${f}"></script>`)
        .join("")
    : "";
  return { head, tail: `${vega}<script src="assets/site.js"></script>${pageScript(kind)}` };
}

/**
 * Wraps a rendered body in the site's page: stylesheets (light and dark), header, table of contents,
 * content, previous/next navigation and the scripts its outputs need (only those).
 */
export function layout(options: LayoutOptions): string {
  const { head, tail } = scripts(options.needs, options.kind);
  const toc = tableOfContents(options.headings ?? []);
  const related = (options.related ?? [])
    .map((l) => `<a class="related" href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a>`)
    .join(" ");
  const download =
    options.download === undefined
      ? ""
      : `<a class="related download" href="${escapeHtml(options.download)}" download>` +
        `Download the ${options.kind === "solution" ? "solved " : ""}notebook (.ipynb)</a>`;
  const nav = (where: string): string =>
    options.kind === "index" ? "" : pager(where, options.prev, options.next);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(options.trusted ?? false, options.needs, options.kind !== "index")}">
<title>${escapeHtml(options.title)}${options.kind === "index" ? "" : ` · ${escapeHtml(options.courseTitle)}`}</title>
<link rel="stylesheet" href="assets/katex/katex.min.css">
<link rel="stylesheet" href="assets/site.css">
${PAGE_HEAD}
${head}
</head>
<body class="page-${options.kind}${toc === "" ? "" : " has-toc"}">
<a class="skip-link" href="#content">Skip to content</a>
<header class="site-header"><a href="index.html" class="site-title">${escapeHtml(options.courseTitle)}</a>${related}${download}</header>
<div class="layout">
${toc}
<main id="content">
${nav("top")}
${options.body}
${nav("bottom")}
</main>
</div>
${tail}
</body>
</html>
`;
}

/** One lesson's entry on the index page. */
export interface IndexEntry {
  number: number;
  href: string | null;
  title: string;
  /** Summary HTML (math rendered). */
  summary: string;
  /** "What you will learn" items, HTML. */
  goals: string[];
  solutionHref?: string;
}

/** The index page's body: the course's title, what it is, and every lesson with what it teaches. */
export function indexBody(
  courseTitle: string,
  intro: string,
  entries: IndexEntry[],
  instructor: boolean,
): string {
  const items = entries.map((e) => {
    const title =
      e.href === null
        ? escapeHtml(e.title)
        : `<a href="${escapeHtml(e.href)}">${escapeHtml(e.title)}</a>`;
    const goals =
      e.goals.length === 0
        ? ""
        : e.goals.length === 1
          ? `<p class="goals">${e.goals[0]}</p>`
          : `<ul class="goals">${e.goals.map((g) => `<li>${g}</li>`).join("")}</ul>`;
    const solution = e.solutionHref
      ? ` <a class="solution-link" href="${escapeHtml(e.solutionHref)}">Solutions</a>`
      : "";
    return (
      `<li class="lesson-entry"><h2><span class="lesson-number">${e.number}</span> ${title}${solution}</h2>` +
      `<p class="summary">${e.summary}</p>${goals}</li>`
    );
  });
  const edition = instructor
    ? `<p class="edition">Instructor edition: with the exercises' solutions.</p>`
    : "";
  return `<h1>${escapeHtml(courseTitle)}</h1><p class="intro">${intro}</p>${edition}<ol class="lessons">${items.join("")}</ol>`;
}
