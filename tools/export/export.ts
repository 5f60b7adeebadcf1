// The exporter: executed lessons → a static site that works from file:// with no request elsewhere.
import * as fs from "node:fs";
import * as path from "node:path";
import { copyAssets, folderSize, projectRoot } from "./assets";
import { learningGoals, renderNotebook } from "./cells";
import { createMarkdownRenderer, newMarkdownContext, type RenderMarkdown } from "./markdown";
import { cleanCopy, findLessons, type Lesson, type Notebook } from "./notebook";
import { indexBody, layout, type IndexEntry, type LayoutOptions, type PageLink } from "./page";
import { embeddedLessons, embeddedNotebook } from "./runnable";
import { decideTrust, type TrustDecision, type TrustMode } from "./trust";

/** Options of `exportSite`. */
export interface ExportOptions {
  /** Folder of executed notebooks (default `executed/notebooks`). */
  input?: string;
  /** Folder the site is written to (default `site`). */
  output?: string;
  /** Add the solution notebooks as pages (the instructor edition). Default false. */
  instructor?: boolean;
  /** Export only these lessons (numbers or `NN-topic` slugs); the index lists every lesson. */
  lessons?: Array<number | string>;
  courseTitle?: string;
  /**
   * `auto` (default): only the course's own executed lessons are trusted (trust.ts); `trusted` /
   * `untrusted` force one mode for every notebook. An untrusted notebook's HTML outputs are
   * sanitised and nothing from it runs in the site.
   */
  trust?: TrustMode;
}

/** What an export wrote. */
export interface ExportResult {
  pages: string[];
  warnings: string[];
  /** For each notebook exported, whether it was trusted and why. */
  trust: Array<TrustDecision & { file: string }>;
  /** Bytes of the whole site folder after the export. */
  siteBytes: number;
  seconds: number;
}

export const COURSE_TITLE = "Deep learning from scratch, in TypeScript";
const INTRO =
  "A course on the foundations of deep learning, from the artificial neuron to convolutional networks and " +
  "regularization, taught as TypeScript notebooks on one small engine written from scratch.";

const pageOf = (lesson: Lesson): string => `${lesson.slug}.html`;
const solutionPageOf = (lesson: Lesson): string => `${lesson.slug}-solution.html`;
/** The clean notebooks students download, copied into the site. */
const downloadOf = (lesson: Lesson): string => `notebooks/${lesson.slug}.ipynb`;
const solutionDownloadOf = (lesson: Lesson): string => `notebooks/solutions/${lesson.slug}.ipynb`;
/** A site-relative file name as an href: file names come from the notebooks' names, so each part is encoded. */
const href = (file: string): string => file.split("/").map(encodeURIComponent).join("/");

/** Renders a short markdown line (a summary, a goal) to inline HTML, math included. */
function inline(markdown: RenderMarkdown, text: string): string {
  return markdown(text, newMarkdownContext()).replace(/^<p>|<\/p>\s*$/g, "");
}

/** What every page of one export shares. */
interface PageContext {
  markdown: RenderMarkdown;
  output: string;
  courseTitle: string;
  instructor: boolean;
  /** The lessons whose page exists after this export, in order (for previous/next). */
  available: Lesson[];
  warnings: string[];
  pages: string[];
  trustMode: TrustMode;
  trust: ExportResult["trust"];
  root: string;
}

/** One notebook's page, and its clean copy to download. */
interface PageSource {
  /** The executed notebook's path (warnings name it), and its committed source under notebooks/. */
  file: string;
  source: string;
  notebook: Notebook;
  raw: unknown;
  download: string;
}

function writePage(
  page: string,
  from: PageSource,
  context: PageContext,
  links: Omit<LayoutOptions, "body" | "needs" | "courseTitle" | "trusted" | "download">,
): void {
  const decision = decideTrust(context.trustMode, from.notebook, from.source, context.root);
  context.trust.push({ file: from.file, ...decision });
  const rendered = renderNotebook(from.notebook, context.markdown, { trusted: decision.trusted });
  context.warnings.push(...rendered.warnings.map((w) => `${from.file}: ${w}`));
  const slug = page.replace(/(-solution)?\.html$/, "");
  const runnable = embeddedNotebook(
    from.notebook,
    slug,
    links.kind === "solution" ? "solution" : "lesson",
  );
  const html = layout({
    ...links,
    courseTitle: context.courseTitle,
    body: rendered.html + runnable,
    needs: rendered.needs,
    headings: rendered.headings,
    trusted: decision.trusted,
    download: href(from.download),
  });
  fs.writeFileSync(path.join(context.output, page), html);
  fs.mkdirSync(path.dirname(path.join(context.output, from.download)), { recursive: true });
  fs.writeFileSync(path.join(context.output, from.download), cleanCopy(from.raw));
  context.pages.push(page);
}

function linkTo(lesson: Lesson | undefined): PageLink | undefined {
  if (lesson === undefined) return undefined;
  return { href: href(pageOf(lesson)), label: `${lesson.course.lesson}. ${lesson.course.title}` };
}

/** Writes a lesson's page and, in the instructor edition, its solution page. */
function writeLesson(lesson: Lesson, context: PageContext): void {
  const at = context.available.indexOf(lesson);
  const title = `${lesson.course.lesson}. ${lesson.course.title}`;
  const solution = context.instructor ? lesson.solution : undefined;
  const source = { file: lesson.file, notebook: lesson.notebook, raw: lesson.raw };
  writePage(
    pageOf(lesson),
    { ...source, source: `notebooks/${lesson.slug}.ipynb`, download: downloadOf(lesson) },
    context,
    {
      kind: "lesson",
      title,
      prev: linkTo(context.available[at - 1]),
      next: linkTo(context.available[at + 1]),
      related: solution ? [{ href: href(solutionPageOf(lesson)), label: "Solutions" }] : [],
    },
  );
  if (solution !== undefined) {
    const back = { href: href(pageOf(lesson)), label: `${title} (lesson)` };
    const from = {
      file: lesson.solutionFile!,
      source: `notebooks/solutions/${lesson.slug}.ipynb`,
      notebook: solution,
      raw: lesson.solutionRaw,
      download: solutionDownloadOf(lesson),
    };
    writePage(solutionPageOf(lesson), from, context, {
      kind: "solution",
      title: `${title}: solutions`,
      prev: back,
      related: [back],
    });
  }
}

function selected(lesson: Lesson, only: ExportOptions["lessons"]): boolean {
  if (only === undefined) return true;
  return only.some((l) =>
    typeof l === "number"
      ? l === lesson.course.lesson
      : l === lesson.slug || Number(l) === lesson.course.lesson,
  );
}

/**
 * Exports the executed lessons in `input` to `output`: index.html, one page per lesson
 * (`NN-topic.html`), with `instructor` one solution page per lesson (`NN-topic-solution.html`), and
 * assets/ shared by all pages. Exporting some lessons leaves the other pages there as they are.
 * Returns the pages written and any warnings (e.g. bad TeX).
 * Example: `await exportSite({ input: "executed/notebooks", output: "site" })`.
 */
export async function exportSite(options: ExportOptions = {}): Promise<ExportResult> {
  const start = performance.now();
  const output = options.output ?? "site";
  const lessons = findLessons(options.input ?? "executed/notebooks");
  const chosen = lessons.filter((l) => selected(l, options.lessons));
  if (chosen.length === 0)
    throw new Error(`export: no lesson matches ${JSON.stringify(options.lessons)}`);
  const exists = (l: Lesson): boolean =>
    chosen.includes(l) || fs.existsSync(path.join(output, pageOf(l)));
  const context: PageContext = {
    markdown: await createMarkdownRenderer(),
    output,
    courseTitle: options.courseTitle ?? COURSE_TITLE,
    instructor: options.instructor ?? false,
    available: lessons.filter(exists),
    warnings: chosen.flatMap((lesson) => lesson.warnings),
    pages: [],
    trustMode: options.trust ?? "auto",
    trust: [],
    root: projectRoot(),
  };
  fs.mkdirSync(output, { recursive: true });
  copyAssets(path.join(output, "assets"));
  for (const lesson of chosen) writeLesson(lesson, context);
  if (!context.instructor) removeStaleSolutions(output, lessons);
  writeIndex(context, lessons);
  return {
    pages: context.pages,
    warnings: context.warnings,
    trust: context.trust,
    siteBytes: folderSize(output),
    seconds: (performance.now() - start) / 1000,
  };
}

/** A student export into a folder that once held the instructor edition must not keep its solutions. */
function removeStaleSolutions(output: string, lessons: Lesson[]): void {
  for (const lesson of lessons) {
    fs.rmSync(path.join(output, solutionPageOf(lesson)), { force: true });
    fs.rmSync(path.join(output, solutionDownloadOf(lesson)), { force: true });
  }
}

/** The index lists every lesson, linking the pages that exist once this export is written. */
function writeIndex(context: PageContext, lessons: Lesson[]): void {
  const written = (file: string): string | null =>
    fs.existsSync(path.join(context.output, file)) ? file : null;
  const entries: IndexEntry[] = lessons.map((l) => ({
    number: l.course.lesson,
    href: written(pageOf(l)) === null ? null : href(pageOf(l)),
    title: l.course.title,
    summary: inline(context.markdown, l.course.summary),
    goals: learningGoals(l.notebook).map((g) => inline(context.markdown, g)),
    solutionHref:
      context.instructor && written(solutionPageOf(l)) !== null
        ? href(solutionPageOf(l))
        : undefined,
  }));
  const body =
    indexBody(context.courseTitle, INTRO, entries, context.instructor) + embeddedLessons(lessons);
  const html = layout({
    kind: "index",
    title: context.courseTitle,
    courseTitle: context.courseTitle,
    body,
    needs: { vega: false, plotly: false },
    trusted: false,
  });
  fs.writeFileSync(path.join(context.output, "index.html"), html);
  context.pages.push("index.html");
}
