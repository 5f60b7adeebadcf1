// Helpers for tests that read executed lessons: find a lesson's result, a cell, and its output text.
//
//   const nb = executedLesson(results, "01-neuron");
//   expect(outputsText(nb, "key-number")).toMatch(/accuracy 1\.00/);
import type { Cell, Notebook, NotebookResult } from "../../tools/runner";

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
