/**
 * Just enough of source maps (v3) to find which line of a cell a line of its compiled JavaScript
 * came from: decode the `mappings` (base64 VLQ) into, for each generated line, the original
 * line of its first mapped segment at or before a column.
 *
 * Example:
 *   const map = decodeMappings("AAAA;AACA");   // two generated lines, from source lines 0 and 1
 *   originalLine(map, 1, 0);                    // 1
 */

/** Per generated line (0-based), its segments: [generated column, original line] (0-based). */
export type LineMap = Array<Array<[number, number]>>;

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Decodes a `mappings` string (only the fields needed here: columns and original lines). */
export function decodeMappings(mappings: string): LineMap {
  const lines: LineMap = [];
  let sourceLine = 0;
  for (const lineText of mappings.split(";")) {
    const segments: Array<[number, number]> = [];
    let column = 0;
    for (const segment of lineText.split(",")) {
      if (segment === "") continue;
      const fields = decodeVlq(segment);
      column += fields[0];
      if (fields.length >= 4) {
        sourceLine += fields[2];
        segments.push([column, sourceLine]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** The original line (0-based) of generated `line`:`column` (0-based), or null when unmapped. */
export function originalLine(map: LineMap, line: number, column: number): number | null {
  const segments = map[line];
  if (segments === undefined || segments.length === 0) return null;
  let found = segments[0][1];
  for (const [col, source] of segments) {
    if (col > column) break;
    found = source;
  }
  return found;
}
