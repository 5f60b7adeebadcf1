// A notebook's cells to the HTML of one page: markdown prose, highlighted code with its outputs,
// and exercises (cells tagged `exercise`) grouped in a labelled box.
import { highlightCode, newMarkdownContext, type Heading, type RenderMarkdown } from "./markdown";
import { joinText, type Cell, type Notebook } from "./notebook";
import { escapeHtml } from "./html";
import { plainText } from "./sanitize";
import { renderOutputs, type Needs } from "./outputs";

/** One notebook rendered: its body HTML, headings for the table of contents, scripts needed, warnings. */
export interface RenderedNotebook {
  html: string;
  headings: Heading[];
  needs: Needs;
  warnings: string[];
}

/** How to render a notebook's cells. */
export interface RenderOptions {
  /** The course's own executed lesson: HTML outputs kept as they are (see OutputContext). */
  trusted: boolean;
}

const hasTag = (cell: Cell, tag: string): boolean => (cell.metadata?.tags ?? []).includes(tag);

function renderCode(
  cell: Cell,
  index: number,
  needs: Needs,
  context: {
    markdown: (source: string, warn: (message: string) => void) => string;
    trusted: boolean;
    warnings: string[];
  },
): string {
  const source = joinText(cell.source);
  const count = Number.isSafeInteger(cell.execution_count) ? String(cell.execution_count) : " ";
  const warn = (message: string): void => {
    context.warnings.push(`cell ${cell.number ?? "?"}, ${message}`);
  };
  const outputs = renderOutputs(cell.outputs ?? [], { ...context, warn });
  needs.vega ||= outputs.needs.vega;
  needs.plotly ||= outputs.needs.plotly;
  const badge = hasTag(cell, "raises-exception")
    ? `<span class="badge badge-error" title="This cell is expected to fail">expected error</span>`
    : "";
  const outputHtml = outputs.html === "" ? "" : `<div class="outputs">${outputs.html}</div>`;
  return (
    // data-cell: the cell's index in the notebook, which the runnable page pairs with its editor.
    `<div class="cell code-cell" data-cell="${index}">${badge}` +
    `<div class="cell-input"><span class="prompt" aria-hidden="true">[${count}]</span>` +
    `<pre class="code-block"><code class="hljs language-typescript">${highlightCode(source)}</code></pre></div>` +
    `${outputHtml}</div>`
  );
}

/**
 * A plain-text title for the exercise whose first cell is `cell`: its heading or first bold phrase
 * ("**Exercise `02-update-rule`.**" gives "Exercise 02-update-rule"), or "" when it has none.
 */
export function exerciseTitle(cell: Cell): string {
  if (cell.cell_type !== "markdown") return "";
  const line =
    joinText(cell.source)
      .split("\n")
      .find((l) => l.trim() !== "") ?? "";
  const found = /^\s*#{1,6}\s+(.*)$/.exec(line) ?? /\*\*(.+?)\*\*/.exec(line);
  const title = plainText(found?.[1] ?? "").replace(/[`*_$\\]/g, "");
  return title
    .replace(/\s+/g, " ")
    .replace(/[.:]\s*$/, "")
    .trim()
    .slice(0, 120);
}

/** The opening of an exercise box, labelled by its own title (unique on the page). */
function exerciseStart(cell: Cell, n: number, used: Set<string>): string {
  let label = exerciseTitle(cell) || `Exercise ${n}`;
  if (used.has(label)) label = `${label} (${n})`;
  used.add(label);
  return (
    `<section class="exercise" aria-label="${escapeHtml(label)}">` +
    `<p class="exercise-label" aria-hidden="true">Exercise</p>`
  );
}

/**
 * Renders every cell of `nb` with `markdown`, wrapping runs of `exercise` cells in one
 * `<section class="exercise">`. Raw cells are skipped, as nbconvert's HTML skips them. Outputs are
 * untrusted unless `options.trusted`; what cannot be shown is listed in `warnings` ("cell 4, …").
 * Example: `renderNotebook(nb, await createMarkdownRenderer(), { trusted: false }).html`.
 */
export function renderNotebook(
  nb: Notebook,
  markdown: RenderMarkdown,
  options: RenderOptions = { trusted: false },
): RenderedNotebook {
  const context = newMarkdownContext();
  const needs: Needs = { vega: false, plotly: false };
  const parts: string[] = [];
  let inExercise = false;
  let exercises = 0;
  const labels = new Set<string>();
  // Markdown outputs share the page's anchors, but their headings stay out of the contents, and their
  // warnings name their output.
  const outputMarkdown = (source: string, warn: (message: string) => void): string => {
    const ctx = { ...newMarkdownContext(), slugs: context.slugs };
    const html = markdown(source, ctx);
    ctx.warnings.forEach(warn);
    return html;
  };
  for (const [index, cell] of nb.cells.entries()) {
    const exercise = hasTag(cell, "exercise");
    if (exercise !== inExercise) {
      parts.push(exercise ? exerciseStart(cell, ++exercises, labels) : "</section>");
      inExercise = exercise;
    }
    if (cell.cell_type === "markdown") {
      context.attachments = cell.attachments;
      const before = context.warnings.length;
      const html = markdown(joinText(cell.source), context);
      for (let k = before; k < context.warnings.length; k++)
        context.warnings[k] = `cell ${cell.number ?? "?"}: ${context.warnings[k]}`;
      parts.push(`<div class="cell markdown-cell">${html}</div>`);
    } else if (cell.cell_type === "code") {
      parts.push(
        renderCode(cell, index, needs, {
          ...options,
          markdown: outputMarkdown,
          warnings: context.warnings,
        }),
      );
    }
  }
  if (inExercise) parts.push("</section>");
  return { html: parts.join("\n"), headings: context.headings, needs, warnings: context.warnings };
}

const GOALS = /\b(you will learn|you'll learn|learning goals|objectives)\b/i;
const LIST_ITEM = /^\s*(?:[-*+]|\d+\.)\s+/;

/**
 * What a lesson teaches, as markdown lines for the index: the list under a "What you will learn"
 * heading or line; else the paragraph that says "In this lesson you will learn …"; else the lesson's
 * level-2 headings (its topics), without the closing ones (summary, exercises, next).
 */
export function learningGoals(nb: Notebook): string[] {
  const sources = nb.cells.filter((c) => c.cell_type === "markdown").map((c) => joinText(c.source));
  for (const source of sources) {
    const lines = source.split("\n");
    const at = lines.findIndex((line) => GOALS.test(line));
    if (at < 0) continue;
    let k = at + 1;
    while (k < lines.length && lines[k].trim() === "") k++;
    const items: string[] = [];
    for (; k < lines.length; k++) {
      if (LIST_ITEM.test(lines[k])) items.push(lines[k].replace(LIST_ITEM, "").trim());
      else if (items.length > 0 && /^\s+\S/.test(lines[k]))
        items[items.length - 1] += ` ${lines[k].trim()}`;
      else break;
    }
    if (items.length > 0) return items;
    const paragraph = source.split(/\n\s*\n/).find((p) => GOALS.test(p) && !/^#/.test(p.trim()));
    if (paragraph !== undefined) return [paragraph.replace(/\s*\n\s*/g, " ").trim()];
  }
  const topics = sources.flatMap((source) =>
    [...source.matchAll(/^##\s+(.+)$/gm)].map((m) => m[1].trim()),
  );
  return topics.filter((t) => !/^(summary|exercises?|what(?:'s| comes) next|next)\b/i.test(t));
}
