/**
 * The CSV tokenizer under `readCsv` (RFC 4180): text → records of fields. Fields are separated by
 * the delimiter; a field may be quoted, "…", with "" for a quote inside it and delimiters or line
 * breaks allowed in it; records end with \n, \r\n or \r; a byte order mark at the start is dropped;
 * blank lines are skipped. A quote that never closes, text after a closing quote and a quote in the
 * middle of an unquoted field are FormatErrors naming the line. Lesson 9.
 * Example: parseRecords('a,"b,c"\r\n1,2\n', ",")  // [{ fields: ["a", "b,c"], line: 1 }, { fields: ["1", "2"], line: 2 }]
 */
import { FormatError } from "../errors";

/** A record: its fields and the line it starts on (1-based). */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/** A position in the text: the index of the next character and its line. */
interface Cursor {
  i: number;
  line: number;
}

/** Reads a quoted field starting at the opening quote; leaves the cursor after the closing one. */
function quotedField(text: string, at: Cursor, delimiter: string): string {
  const opened = at.line;
  let field = "";
  for (at.i++; ; at.i++) {
    if (at.i >= text.length) {
      throw new FormatError(`readCsv: the quote opened on line ${opened} never closes`);
    }
    const c = text[at.i];
    if (c === '"' && text[at.i + 1] !== '"') break;
    if (c === '"') at.i++; // "" is one quote
    if (c === "\n") at.line++;
    field += c;
  }
  at.i++;
  const next = text[at.i];
  if (at.i < text.length && next !== delimiter && next !== "\n" && next !== "\r") {
    throw new FormatError(
      `readCsv: line ${at.line}: text after a closing quote, got ${JSON.stringify(next)}`,
    );
  }
  return field;
}

/** Reads an unquoted field up to the next delimiter or line break. */
function plainField(text: string, at: Cursor, delimiter: string): string {
  const start = at.i;
  for (; at.i < text.length; at.i++) {
    const c = text[at.i];
    if (c === delimiter || c === "\n" || c === "\r") break;
    if (c === '"') {
      throw new FormatError(
        `readCsv: line ${at.line}: a quote inside an unquoted field (quote the whole field, with "" for each quote in it)`,
      );
    }
  }
  return text.slice(start, at.i);
}

/** Splits CSV text into records of fields, following the quoting rules above. */
export function parseRecords(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const at: Cursor = { i: text.charCodeAt(0) === 0xfeff ? 1 : 0, line: 1 };
  while (at.i < text.length) {
    const record: CsvRecord = { fields: [], line: at.line };
    for (;;) {
      const quoted = text[at.i] === '"';
      record.fields.push(
        quoted ? quotedField(text, at, delimiter) : plainField(text, at, delimiter),
      );
      if (text[at.i] !== delimiter) break;
      at.i++;
    }
    if (text[at.i] === "\r" && text[at.i + 1] === "\n") at.i++;
    if (at.i < text.length) {
      at.i++;
      at.line++;
    }
    const blank = record.fields.length === 1 && record.fields[0].trim() === "";
    if (!blank) records.push(record);
  }
  return records;
}
