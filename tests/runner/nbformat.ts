// A structural check of nbformat 4.5 (the required keys of the schema), shared by runner tests.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const OUTPUT_KEYS: Record<string, string[]> = {
  stream: ["name", "text"],
  display_data: ["data", "metadata"],
  execute_result: ["data", "metadata", "execution_count"],
  error: ["ename", "evalue", "traceback"],
};

/** The problems found in `nb` (empty when it is valid nbformat 4.5 as far as the schema requires). */
export function checkNbformat(nb: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of ["nbformat", "nbformat_minor", "metadata", "cells"]) {
    if (!(key in nb)) problems.push(`missing ${key}`);
  }
  if (nb.nbformat !== 4 || (nb.nbformat_minor as number) < 5) problems.push("not nbformat 4.5+");
  const ids = new Set<string>();
  for (const [i, cell] of (nb.cells as Record<string, unknown>[]).entries()) {
    const need = cell.cell_type === "code" ? ["execution_count", "outputs"] : [];
    for (const key of ["id", "cell_type", "metadata", "source", ...need]) {
      if (!(key in cell)) problems.push(`cell ${i}: missing ${key}`);
    }
    const id = String(cell.id);
    if (!/^[a-zA-Z0-9-_]{1,64}$/.test(id) || ids.has(id)) problems.push(`cell ${i}: bad id ${id}`);
    ids.add(id);
    for (const output of (cell.outputs as Record<string, unknown>[] | undefined) ?? []) {
      const keys = OUTPUT_KEYS[String(output.output_type)];
      if (keys === undefined) problems.push(`cell ${i}: unknown output_type`);
      for (const key of keys ?? [])
        if (!(key in output)) problems.push(`cell ${i}: output lacks ${key}`);
    }
  }
  return problems;
}

/** A code cell for `writeNotebook`: its source, and tags when it needs some. */
export type CellSpec = string | { source: string; tags: string[] };

/** Writes an nbformat 4.5 notebook of code cells to `path` (folders created); returns `path`. */
export function writeNotebook(
  path: string,
  cells: CellSpec[],
  course: Record<string, unknown> = {},
): string {
  const nb = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { course },
    cells: cells.map((cell, i) => ({
      id: `c${i + 1}`,
      cell_type: "code",
      execution_count: null,
      metadata: typeof cell === "string" ? {} : { tags: cell.tags },
      outputs: [],
      source: typeof cell === "string" ? cell : cell.source,
    })),
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(nb, null, 1));
  return path;
}
