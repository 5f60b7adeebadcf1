/**
 * `dl.data.readCsv`: a CSV text (RFC 4180) as a table of typed columns, and its numeric columns
 * as a tensor. Lesson 9 reads events with it; with the real HIGGS file (UCI: no header, the label
 * first, then the 28 features) a student loads it the same way (the first 100,000 lines:
 * `head -n 100000 HIGGS.csv > higgs-100k.csv`; a whole 7.5 GB file does not fit in one string).
 *
 * Reading rules: fields are separated by `delimiter` (default ","); a field may be quoted, "…",
 * with "" for a quote inside it and delimiters or line breaks allowed in it; lines end with \n or
 * \r\n; a byte order mark (BOM) at the start is dropped; empty lines are skipped. Every column is
 * "number" unless `types` declares it "string". Anything else is a FormatError naming the line:
 * a row with more or fewer fields than the header (ragged), a field that is not a number in a
 * numeric column (empty ones included: no silent NaN), a quote that never closes or one in the
 * middle of an unquoted field, a duplicate or empty column name.
 *
 * Example:
 *   const table = dl.data.readCsv("label,m_bb\n1,124.5\n0,87.2\n");
 *   table.numbers.m_bb;              // [124.5, 87.2]
 *   table.tensor(["m_bb"]).shape;    // [2, 1]
 */
import { ArgumentError, FormatError } from "../errors";
import { Tensor } from "../tensor/tensor";
import { describeValue } from "../tensor/check";
import { CsvRecord, parseRecords } from "./csv-records";

/** Options of `readCsv`. */
export interface CsvOptions {
  /** The first line holds the column names (default true). */
  header?: boolean;
  /** Column names (default: the header's, or "column_1", "column_2", … without one). */
  names?: readonly string[];
  /** Columns to keep as text ("string"); every other column must hold numbers. */
  types?: Record<string, "number" | "string">;
  /** The field separator, one character (default ","). */
  delimiter?: string;
}

/** A CSV file read into typed columns. */
export interface CsvTable {
  /** Column names, in file order. */
  columns: string[];
  /** Number of data rows. */
  rows: number;
  /** The numeric columns' values, by name. */
  numbers: Record<string, number[]>;
  /** The text columns' values, by name. */
  strings: Record<string, string[]>;
  /** The named numeric columns (default: all, in file order) as a tensor [rows, names.length]. */
  tensor(names?: readonly string[]): Tensor;
}

/** A decimal number, as CSV files write them (no hex, no Infinity, no NaN). */
const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** Checks the arguments; returns the delimiter. */
function checkOptions(text: unknown, options: CsvOptions): string {
  const fail = (what: string, value: unknown) => {
    throw new ArgumentError(`readCsv: ${what}, got ${describeValue(value)}`);
  };
  if (typeof text !== "string") fail("text must be a string (the file's contents)", text);
  if (options === null || typeof options !== "object") fail("options must be an object", options);
  const { delimiter = ",", names, types = {} } = options;
  if (typeof delimiter !== "string" || delimiter.length !== 1 || /["\r\n]/.test(delimiter))
    fail("delimiter must be one character other than a quote or a line break", delimiter);
  if (names !== undefined && !(Array.isArray(names) && names.every((n) => typeof n === "string")))
    fail("names must be an array of strings", names);
  for (const [name, type] of Object.entries(types ?? {}))
    if (type !== "number" && type !== "string")
      fail(`types.${name} must be "number" or "string"`, type);
  return delimiter;
}

/** The column names (`names`, else the header's, else column_1…), checked against the records. */
function columnNames(records: CsvRecord[], options: CsvOptions): string[] {
  const { header = true, names } = options;
  if (header && records.length === 0) {
    throw new FormatError("readCsv: the text is empty, expected a header line");
  }
  const width = records[0]?.fields.length ?? names?.length ?? 0;
  const columns = names
    ? [...names]
    : header
      ? records[0].fields.map((f) => f.trim())
      : Array.from({ length: width }, (_, j) => `column_${j + 1}`);
  if (columns.length !== width) {
    throw new FormatError(
      `readCsv: names has ${columns.length} entries, but line ${records[0].line} has ${width} fields`,
    );
  }
  const seen = new Set<string>();
  columns.forEach((name, j) => {
    if (name === "") throw new FormatError(`readCsv: column ${j + 1} has no name`);
    if (seen.has(name)) throw new FormatError(`readCsv: the column name "${name}" appears twice`);
    seen.add(name);
  });
  for (const name of Object.keys(options.types ?? {})) {
    if (!seen.has(name)) {
      throw new ArgumentError(`readCsv: types names "${name}", which is not a column`);
    }
  }
  return columns;
}

/** The rows' fields sorted into typed columns; FormatError for a ragged row or a non-number. */
function typedColumns(body: CsvRecord[], columns: string[], types: CsvOptions["types"] = {}) {
  const numbers: Record<string, number[]> = {};
  const strings: Record<string, string[]> = {};
  for (const name of columns) {
    if (types[name] === "string") strings[name] = [];
    else numbers[name] = [];
  }
  for (const { fields, line } of body) {
    if (fields.length !== columns.length) {
      throw new FormatError(
        `readCsv: line ${line} has ${fields.length} fields, expected ${columns.length} (one per column)`,
      );
    }
    fields.forEach((field, j) => {
      const name = columns[j];
      if (types[name] === "string") strings[name].push(field);
      else if (NUMBER.test(field)) numbers[name].push(Number(field));
      else {
        throw new FormatError(
          `readCsv: line ${line}, column "${name}": ${JSON.stringify(field)} is not a number (declare the column "string" in types to keep text)`,
        );
      }
    });
  }
  return { numbers, strings };
}

/** Reads CSV text into typed columns: see the file's comment. Lesson 9. */
export function readCsv(text: string, options: CsvOptions = {}): CsvTable {
  const records = parseRecords(text, checkOptions(text, options));
  const columns = columnNames(records, options);
  const body = options.header === false ? records : records.slice(1);
  const { numbers, strings } = typedColumns(body, columns, options.types);
  const tensor = (names: readonly string[] = Object.keys(numbers)): Tensor => {
    const bad = Array.isArray(names) ? names.find((name) => !(name in numbers)) : names;
    if (bad !== undefined) {
      const numeric = Object.keys(numbers).join(", ");
      throw new ArgumentError(
        `readCsv.tensor: expected names of numeric columns (${numeric}), got ${describeValue(bad)}`,
      );
    }
    const out = new Float64Array(body.length * names.length);
    names.forEach((name, j) => numbers[name].forEach((v, i) => (out[i * names.length + j] = v)));
    return new Tensor(out, [body.length, names.length]);
  };
  return { columns, rows: body.length, numbers, strings, tensor };
}
