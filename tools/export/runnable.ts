// What makes the exported pages runnable in the browser (issue 16): the data a lesson page embeds
// for its editors, Download .ipynb and Reset lesson, the index's list of exercises, and the page
// script and stylesheet (built by web/page/build.mjs into build/web/page/) copied into site/assets.
import * as fs from "node:fs";
import * as path from "node:path";
import { jsonForScript } from "./html";
import { joinText, type Lesson, type Notebook } from "./notebook";

/** The runnable page's assets: [built file under build/web/page, name in site/assets]. */
export const PAGE_ASSETS: Array<[string, string]> = [
  ["course-page.js", "course-page.js"],
  ["course-index.js", "course-index.js"],
  ["course-page.css", "course-page.css"],
];

/** The stylesheet every page loads in `<head>`. */
export const PAGE_HEAD = `<link rel="stylesheet" href="assets/course-page.css">`;

/** The script at the end of a page's body: the runnable lesson, or the index's progress. */
export function pageScript(kind: "index" | "lesson" | "solution"): string {
  const file = kind === "index" ? "course-index.js" : "course-page.js";
  return `<script src="assets/${file}" defer></script>`;
}

/**
 * The notebook a lesson page embeds: its exercises, and each cell's id, type, source (one string),
 * metadata and attachments; no outputs (the page shows the executed ones; a download carries the session's).
 * Cells without an id (older notebooks) get `cell-N`. Safe inside `<script>` whatever the text holds.
 */
export function embeddedNotebook(nb: Notebook, slug: string, kind: "lesson" | "solution"): string {
  const taken = new Set<string>();
  const cells = nb.cells.map((cell, i) => {
    let id = typeof cell.id === "string" && /^[a-zA-Z0-9-_]{1,64}$/.test(cell.id) ? cell.id : "";
    if (id === "" || taken.has(id)) id = `cell-${i}`;
    taken.add(id);
    const out: Record<string, unknown> = {
      id,
      cell_type: cell.cell_type,
      source: joinText(cell.source),
      metadata: cell.metadata ?? {},
    };
    if (cell.attachments !== undefined) out.attachments = cell.attachments;
    return out;
  });
  const data = {
    slug,
    kind,
    exercises: exercisesOf(nb),
    nbformat_minor: nb.nbformat_minor,
    metadata: nb.metadata,
    cells,
  };
  return `<script type="application/json" id="course-notebook">${jsonForScript(data)}</script>`;
}

/** The exercises of a notebook: the `course.exercise` ids of its code cells, once each, in order. */
export function exercisesOf(nb: Notebook): string[] {
  const ids = nb.cells
    .filter((c) => c.cell_type === "code")
    .map((c) => (c.metadata.course as { exercise?: unknown } | undefined)?.exercise)
    .filter((id): id is string => typeof id === "string" && id !== "");
  return [...new Set(ids)];
}

/** The index's list of lessons and their exercises, for the progress it shows. */
export function embeddedLessons(lessons: Lesson[]): string {
  const data = lessons.map((l) => ({ slug: l.slug, exercises: exercisesOf(l.notebook) }));
  return `<script type="application/json" id="course-lessons">${jsonForScript(data)}</script>`;
}

/** Copies the runnable page's built assets into `assetsDir`; returns the bytes written. */
export function copyPageAssets(assetsDir: string, root: string): number {
  let bytes = 0;
  for (const [built, name] of PAGE_ASSETS) {
    const from = path.join(root, "build", "web", "page", built);
    if (!fs.existsSync(from))
      throw new Error(
        `export: ${path.relative(root, from)} is missing; run \`npm run build\` first`,
      );
    fs.copyFileSync(from, path.join(assetsDir, name));
    bytes += fs.statSync(path.join(assetsDir, name)).size;
  }
  return bytes;
}
