// A notebook's cells to the HTML of one page: markdown prose, highlighted code with its outputs,
// and exercises (cells tagged `exercise`) grouped in a labelled box.
import { highlightCode, newMarkdownContext, type Heading, type RenderMarkdown } from "./markdown";
import { joinText, type Cell, type Notebook } from "./notebook";
import { renderOutputs, type Needs } from "./outputs";

/** One notebook rendered: its body HTML, headings for the table of contents, scripts needed, warnings. */
export interface RenderedNotebook {
  html: string;
  headings: Heading[];
  needs: Needs;
  warnings: string[];
}

const hasTag = (cell: Cell, tag: string): boolean => (cell.metadata?.tags ?? []).includes(tag);

function renderCode(
  cell: Cell,
  index: number,
  needs: Needs,
  markdown: (source: string) => string,
): string {
  const source = joinText(cell.source);
  const count = cell.execution_count ?? " ";
  const outputs = renderOutputs(cell.outputs ?? [], markdown);
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
 * Renders every cell of `nb` with `markdown`, wrapping runs of `exercise` cells in one
 * `<section class="exercise">`. Raw cells are skipped, as nbconvert's HTML skips them.
 * Example: `renderNotebook(readNotebook(file), await createMarkdownRenderer()).html`.
 */
export function renderNotebook(nb: Notebook, markdown: RenderMarkdown): RenderedNotebook {
  const context = newMarkdownContext();
  const needs: Needs = { vega: false, plotly: false };
  const parts: string[] = [];
  let inExercise = false;
  let exercises = 0;
  // Markdown outputs share the page's anchors and warnings, but their headings stay out of the contents.
  const outputMarkdown = (source: string): string => {
    const ctx = { ...newMarkdownContext(), slugs: context.slugs, warnings: context.warnings };
    return markdown(source, ctx);
  };
  for (const [index, cell] of nb.cells.entries()) {
    const exercise = hasTag(cell, "exercise");
    if (exercise !== inExercise) {
      parts.push(
        exercise
          ? `<section class="exercise" aria-labelledby="exercise-${++exercises}">` +
              `<p class="exercise-label" id="exercise-${exercises}">Exercise</p>`
          : "</section>",
      );
      inExercise = exercise;
    }
    if (cell.cell_type === "markdown") {
      context.attachments = cell.attachments;
      parts.push(
        `<div class="cell markdown-cell">${markdown(joinText(cell.source), context)}</div>`,
      );
    } else if (cell.cell_type === "code") {
      parts.push(renderCode(cell, index, needs, outputMarkdown));
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
