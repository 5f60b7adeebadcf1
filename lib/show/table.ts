/**
 * Tables: rows (`[{ name: "Alice", weight: 133 }, …]`) or columns (`{ name: [...], weight: [...] }`)
 * shown as an HTML table plus an aligned plain-text table. Numbers are rounded to 4 significant digits.
 *
 * Example:
 *   dl.show.table([{ name: "Alice", weight: 133, height: 65 }], { title: "The lecture's data" });
 */
import { textTable } from "../text-table";
import { escapeHtml } from "./html";
import { displayBundle } from "./display";
import { ArgumentError, expectOptions } from "../errors";
import { describeValue, formatValue, truncate } from "../format-value";

/** One record per row (any object type, interfaces included), or one array per column. */
export type TableInput = readonly object[] | Record<string, readonly unknown[]>;

function toRows(input: TableInput): Record<string, unknown>[] {
  if (Array.isArray(input)) {
    const i = input.findIndex((row) => typeof row !== "object" || row === null);
    if (i >= 0) {
      throw new ArgumentError(`table: row ${i} must be an object, got ${describeValue(input[i])}`);
    }
    return input as Record<string, unknown>[];
  }
  if (ArrayBuffer.isView(input)) {
    throw new ArgumentError(`table: rows must be objects, got ${describeValue(input)}`);
  }
  const columns = input as Record<string, readonly unknown[]>;
  for (const [name, column] of Object.entries(columns)) {
    if (!Array.isArray(column)) {
      throw new ArgumentError(
        `table: input must be rows or { column: values }, got column ${formatValue(name)} = ${describeValue(column)}`,
      );
    }
  }
  const n = Math.max(0, ...Object.values(columns).map((c) => c.length));
  return Array.from({ length: n }, (_, i) =>
    Object.fromEntries(Object.keys(columns).map((k) => [k, columns[k][i]])),
  );
}

function cell(v: unknown): string {
  if (typeof v === "number")
    return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
  if (v === undefined || v === null) return "";
  if (typeof v !== "object") return String(v);
  try {
    return truncate(JSON.stringify(v), 200);
  } catch {
    return formatValue(v); // a cyclic object, or a getter that throws
  }
}

/** The table as `{ html, text }` (what `table` sends). */
export function formatTable(
  input: TableInput,
  options: { title?: string } = {},
): { html: string; text: string } {
  if (typeof input !== "object" || input === null) {
    throw new ArgumentError(
      `table: input must be rows or { column: values }, got ${describeValue(input)}`,
    );
  }
  expectOptions("table", options);
  const rows = toRows(input);
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cells = rows.map((r) => keys.map((k) => cell(r[k])));
  const numeric = keys.map((k) => rows.every((r) => typeof r[k] === "number"));
  const lines = textTable([keys, ...cells], { rightAlign: numeric, rule: true });
  const text = (options.title ? `${options.title}\n` : "") + lines;
  const align = (j: number): string => (numeric[j] ? ' style="text-align:right"' : "");
  const head = keys.map((k, j) => `<th${align(j)}>${escapeHtml(k)}</th>`).join("");
  const body = cells
    .map((c) => `<tr>${c.map((v, j) => `<td${align(j)}>${escapeHtml(v)}</td>`).join("")}</tr>`)
    .join("");
  const caption = options.title ? `<caption>${escapeHtml(options.title)}</caption>` : "";
  const html = `<table class="dl-table">${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  return { html, text };
}

/** Shows a table (HTML + aligned text). */
export function table(input: TableInput, options: { title?: string } = {}): void {
  const { html, text } = formatTable(input, options);
  displayBundle({ "text/html": html, "text/plain": text });
}
