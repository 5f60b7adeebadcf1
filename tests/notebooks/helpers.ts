// Helpers for tests that read executed lessons: find a lesson's result, a cell, and its output text.
//
//   const nb = executedLesson(results, "01-neuron");
//   expect(outputsText(nb, "key-number")).toMatch(/accuracy 1\.00/);
// Shared checks of every lesson test: `lessonNotebooks`, `outputOf`, `expectChartBundles`, `expectCheckMarks`.
import { expect } from "vitest";
import { cellSource, type Cell, type Notebook, type NotebookResult } from "../../tools/runner";
import { courseResults } from "../course/results";

/** The executed notebook of the lesson whose path ends with `name` (`"01-neuron"`, `"solutions/01-neuron"`). */
export function executedLesson(results: readonly NotebookResult[], name: string): Notebook {
  const wanted = name.endsWith(".ipynb") ? name : `${name}.ipynb`;
  const result = results.find((r) => r.path.replaceAll("\\", "/").endsWith(`/${wanted}`));
  if (result === undefined)
    throw new Error(`executedLesson: no lesson ${wanted} among the results`);
  if (result.executed === null)
    throw new Error(`executedLesson: ${result.path} was not executed (${result.error})`);
  return result.executed;
}

/** The cell at `index` (0-based, markdown cells count), or the first with that id or tag. */
export function findCell(nb: Notebook, cellIndexOrTag: number | string): Cell {
  const cell =
    typeof cellIndexOrTag === "number"
      ? nb.cells[cellIndexOrTag]
      : nb.cells.find(
          (c) => c.id === cellIndexOrTag || (c.metadata?.tags ?? []).includes(cellIndexOrTag),
        );
  if (cell === undefined) throw new Error(`findCell: no cell ${JSON.stringify(cellIndexOrTag)}`);
  return cell;
}

/**
 * The text a reader sees under a cell: stream text, the text/plain of displays and results, and
 * errors as "ename: evalue", joined in order.
 */
export function outputsText(nb: Notebook, cellIndexOrTag: number | string): string {
  const asText = (value: unknown): string =>
    Array.isArray(value) ? value.join("") : String(value ?? "");
  return (findCell(nb, cellIndexOrTag).outputs ?? [])
    .map((output) => {
      if (output.output_type === "stream") return asText(output.text);
      if (output.output_type === "error") return `${output.ename}: ${output.evalue}\n`;
      return asText(output.data["text/plain"]);
    })
    .join("");
}

/** Every MIME type shown under a cell (to check that a chart went out as a full bundle). */
export function outputMimeTypes(nb: Notebook, cellIndexOrTag: number | string): string[] {
  return (findCell(nb, cellIndexOrTag).outputs ?? []).flatMap((output) =>
    "data" in output ? Object.keys(output.data) : [],
  );
}

/**
 * The text under the first code cell whose source contains `sourceText` (see `outputsText`).
 *
 *   expect(outputOf(nb, "const x1 = 2")).toMatch(/z = 7/);
 */
export function outputOf(nb: Notebook, sourceText: string): string {
  const cell = nb.cells.find((c) => c.cell_type === "code" && cellSource(c).includes(sourceText));
  if (cell === undefined)
    throw new Error(`outputOf: no code cell whose source contains ${JSON.stringify(sourceText)}`);
  return outputsText(nb, nb.cells.indexOf(cell));
}

/** A lesson's two executed copies, read lazily (once) from the course run of the global setup. */
export interface LessonNotebooks {
  /** `[lesson, "solutions/" + lesson]`, for `describe.each`. */
  readonly names: readonly [string, string];
  /** The executed notebook of one of `names`. */
  executed(name: string): Notebook;
}

/**
 * The executed unsolved and solved copies of `lesson` (`"01-neuron"`), loaded on first use.
 *
 *   const lesson = lessonNotebooks("01-neuron");
 *   describe.each(lesson.names)("%s executed", (name) => { … lesson.executed(name) … });
 */
export function lessonNotebooks(lesson: string): LessonNotebooks {
  const names = [lesson, `solutions/${lesson}`] as const;
  let results: NotebookResult[] | undefined;
  return {
    names,
    executed(name) {
      results ??= courseResults(names.map((n) => `notebooks/${n}.ipynb`));
      return executedLesson(results, name);
    },
  };
}

/** What `expectChartBundles` checks: how many chart cells, which calls, which MIME types each shows. */
export type ChartBundleOptions = ({ exactly: number } | { atLeast: number }) & {
  /** What marks a chart cell in its source (default `/dl\.show\.chart/`). */
  calls?: RegExp;
  /** MIME types every chart cell must show (default `["image/svg+xml"]`, the static fallback). */
  mimeTypes?: readonly string[];
};

/**
 * Asserts that the code cells calling a chart function number `exactly` (or `atLeast`) as given, and
 * that each shows every one of `mimeTypes` among its outputs (default: the SVG and PNG fallbacks).
 *
 *   expectChartBundles(nb, { exactly: 5, calls: /dl\.show\.(chart|plotly)/ });
 */
export function expectChartBundles(nb: Notebook, options: ChartBundleOptions): void {
  const calls = options.calls ?? /dl\.show\.chart/;
  const charts = nb.cells.filter((c) => c.cell_type === "code" && calls.test(cellSource(c)));
  if ("exactly" in options) expect(charts.length).toBe(options.exactly);
  else expect(charts.length).toBeGreaterThanOrEqual(options.atLeast);
  for (const c of charts)
    expect(outputMimeTypes(nb, nb.cells.indexOf(c))).toEqual(
      expect.arrayContaining([...(options.mimeTypes ?? ["image/svg+xml", "image/png"])]),
    );
}

/**
 * Asserts that the code cells' output text shows `"<mark> <id> "` for every exercise id, the mark
 * being "✓" (passed) in a solution (`name` starting with "solutions") and "○" (not attempted) otherwise.
 *
 *   expectCheckMarks(nb, "solutions/02-perceptron", ["02-update-rule", "02-predict-epochs"]);
 */
export function expectCheckMarks(nb: Notebook, name: string, ids: readonly string[]): void {
  const text = nb.cells
    .map((c, i) => (c.cell_type === "code" ? outputsText(nb, i) : ""))
    .join("\n");
  const mark = name.startsWith("solutions") ? "✓" : "○";
  for (const id of ids) expect(text).toContain(`${mark} ${id} `);
}

/**
 * `text` with what honestly differs between two runs of the same lesson masked: times with their
 * unit ("12.30 ms", "1.5 s", "3 µs" → "<time>") and ratios of times ("26.7×" → "<ratio>"). A
 * timing printed without a unit is not masked, so a rerun shows up as a difference.
 *
 *   expect(maskTimings(outputOf(a, "timeConvolutions()"))).toBe(maskTimings(outputOf(b, …)));
 */
export function maskTimings(text: string): string {
  return text
    .replace(/\b\d+(\.\d+)?(e-?\d+)? ?(ms|s|sec|seconds|µs)\b/g, "<time>")
    .replace(/\b\d+(\.\d+)?×/g, "<ratio>");
}
