/**
 * Rows of cells as an aligned plain-text table: the one layout of every text table the course
 * prints (gradCheck's result, a model's `summary()`, the text twin of `dl.show.table`). Each
 * column is as wide as its widest cell, columns are two spaces apart, cells are left-aligned
 * unless `rightAlign[column]` (numbers), lines carry no trailing spaces, and `rule` underlines the
 * first row with dashes.
 *
 * Example: textTable([["layer", "params"], ["0", "12"]], { rightAlign: [false, true] })
 *   layer  params
 *   0          12
 */
export function textTable(
  rows: readonly (readonly string[])[],
  options: { rightAlign?: readonly boolean[]; rule?: boolean } = {},
): string {
  // Widths by reduce, not Math.max(...rows): a million rows would overflow the call stack.
  const columns = rows.reduce((n, r) => Math.max(n, r.length), 0);
  const widths = Array.from({ length: columns }, (_, c) =>
    rows.reduce((w, r) => Math.max(w, (r[c] ?? "").length), 0),
  );
  const line = (cells: readonly string[]) =>
    widths
      .map((w, c) => {
        const cell = cells[c] ?? "";
        return options.rightAlign?.[c] ? cell.padStart(w) : cell.padEnd(w);
      })
      .join("  ")
      .trimEnd();
  const lines = rows.map(line);
  if (options.rule && lines.length > 0)
    lines.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  return lines.join("\n");
}
