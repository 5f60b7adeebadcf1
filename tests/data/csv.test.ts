// dl.data.readCsv: header, typed columns, quoting, and a named error for malformed files (lesson 9).
import { describe, expect, it } from "vitest";
import { ArgumentError, FormatError } from "../../lib";
import { readCsv } from "../../lib/data/csv";

describe("readCsv reads", () => {
  it("a header and numeric columns, as columns and as a tensor", () => {
    const table = readCsv("label,m_bb\n1,124.5\n0,87.2\n");
    expect(table.columns).toEqual(["label", "m_bb"]);
    expect(table.rows).toBe(2);
    expect(table.numbers).toEqual({ label: [1, 0], m_bb: [124.5, 87.2] });
    expect(table.tensor().shape).toEqual([2, 2]);
    expect(Array.from(table.tensor(["m_bb", "label"]).data)).toEqual([124.5, 1, 87.2, 0]);
  });

  it("HIGGS's layout: no header, the label first (names given or column_1…)", () => {
    const text = "1.000000000000000000e+00,8.692932128906250000e-01,-6.350818276405334473e-01\n";
    const plain = readCsv(text, { header: false });
    expect(plain.columns).toEqual(["column_1", "column_2", "column_3"]);
    expect(plain.numbers.column_2).toEqual([0.869293212890625]);
    const named = readCsv(text, { header: false, names: ["label", "lepton_pT", "lepton_eta"] });
    expect(named.numbers.lepton_eta).toEqual([-0.6350818276405334]);
  });

  it("quoted fields with delimiters, doubled quotes and line breaks; string columns", () => {
    const text = 'name,note,value\n"top, quark","say ""hi""",172.5\n"b\nquark",,4.7\n';
    const table = readCsv(text, { types: { name: "string", note: "string" } });
    expect(table.strings.name).toEqual(["top, quark", "b\nquark"]);
    expect(table.strings.note).toEqual(['say "hi"', ""]);
    expect(table.numbers.value).toEqual([172.5, 4.7]);
    expect(table.tensor().shape).toEqual([2, 1]);
  });

  it("CRLF line ends, a BOM, blank lines, no final newline, spaces around numbers, ; delimiter", () => {
    const text = "\uFEFFa;b\r\n\r\n 1 ;-2e3\r\n\n.5;+7";
    const table = readCsv(text, { delimiter: ";" });
    expect(table.columns).toEqual(["a", "b"]);
    expect(table.numbers).toEqual({ a: [1, 0.5], b: [-2000, 7] });
  });

  it("a header with no rows gives empty columns and a [0, k] tensor", () => {
    const table = readCsv("a,b\n");
    expect(table.rows).toBe(0);
    expect(table.tensor().shape).toEqual([0, 2]);
  });
});

describe("readCsv rejects malformed text with a FormatError naming the line", () => {
  it.each([
    ["a ragged row (too few fields)", "a,b\n1,2\n3\n", /line 3 has 1 fields, expected 2/],
    ["a ragged row (too many)", "a,b\n1,2,3\n", /line 2 has 3 fields, expected 2/],
    ["a word in a numeric column", "a,b\n1,x\n", /line 2, column "b": "x" is not a number/],
    ["an empty numeric field", "a,b\n1,\n", /line 2, column "b": "" is not a number/],
    ["NaN spelled out", "a\nNaN\n", /"NaN" is not a number/],
    ["Infinity", "a\nInfinity\n", /"Infinity" is not a number/],
    ["a hexadecimal number", "a\n0x1F\n", /"0x1F" is not a number/],
    ["a decimal comma", "a;b\n1,5;2\n", /"1,5" is not a number/],
    ["a quote that never closes", 'a,b\n1,"2\n3,4\n', /quote opened on line 2 never closes/],
    ["text after a closing quote", 'a,b\n"1"x,2\n', /line 2: text after a closing quote/],
    ["a quote inside an unquoted field", 'a,b\n1,2"3\n', /line 2: a quote inside an unquoted/],
    ["a duplicated column name", "a,a\n1,2\n", /"a" appears twice/],
    ["an empty column name", "a,,c\n1,2,3\n", /column 2 has no name/],
    ["empty text", "", /the text is empty, expected a header/],
    ["only a BOM and blank lines", "\uFEFF\n\r\n", /the text is empty/],
  ])("%s", (_, text, message) => {
    const delimiter = text.includes(";") ? ";" : ",";
    expect(() => readCsv(text, { delimiter })).toThrow(FormatError);
    expect(() => readCsv(text, { delimiter })).toThrow(message);
  });

  it("names that do not match the file's width", () => {
    expect(() => readCsv("1,2\n", { header: false, names: ["a"] })).toThrow(
      /names has 1 entries, but line 1 has 2 fields/,
    );
  });
});

describe("readCsv rejects bad arguments with ArgumentError", () => {
  it.each([
    ["text that is not a string", () => readCsv(42 as never), /text must be a string/],
    ["a two-character delimiter", () => readCsv("a\n", { delimiter: ";;" }), /one character/],
    ["a quote as delimiter", () => readCsv("a\n", { delimiter: '"' }), /one character/],
    [
      "a type that is not number/string",
      () => readCsv("a\n1\n", { types: { a: "int" as never } }),
      /types.a must be/,
    ],
    [
      "types naming no column",
      () => readCsv("a\n1\n", { types: { b: "string" } }),
      /"b", which is not a column/,
    ],
    [
      "names that are not strings",
      () => readCsv("1\n", { header: false, names: [1 as never] }),
      /names must be an array of strings/,
    ],
    [
      "tensor() of a string column",
      () => readCsv("a,b\nx,1\n", { types: { a: "string" } }).tensor(["a"]),
      /names of numeric columns \(b\), got the string "a"/,
    ],
  ])("%s", (_, call, message) => {
    expect(call).toThrow(ArgumentError);
    expect(call).toThrow(message);
  });
});
