// The runner's pure parts, without a kernel: wire format, output collection, error parsing,
// notebook checks and paths, command-line parsing.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeMessage, encodeMessage, makeMessage, sign } from "../../tools/runner/wire";
import { collectOutputs, type Output } from "../../tools/runner/outputs";
import { parseCellError, replyError } from "../../tools/runner/cell-errors";
import { executedPath, toExecutedCopy, type Notebook } from "../../tools/runner/notebook";
import { formatResult, summaryLine, type NotebookResult } from "../../tools/runner";
import { main, parseRunArgs } from "../../tools/course";
import { checkNbformat } from "./nbformat";

const KEY = "secret";
const reply = (type: string, content: Record<string, unknown>) => ({
  ...makeMessage("s", type, content),
});

describe("wire: encodeMessage / decodeMessage", () => {
  it("signs header, parent, metadata and content with HMAC-SHA256 after <IDS|MSG>", () => {
    const message = makeMessage("session", "kernel_info_request", {});
    const frames = encodeMessage(KEY, message);
    expect(frames[0]).toBe("<IDS|MSG>");
    const hmac = createHmac("sha256", KEY);
    for (const part of frames.slice(2)) hmac.update(part);
    expect(frames[1]).toBe(hmac.digest("hex"));
    expect(JSON.parse(frames[2])).toMatchObject({
      msg_type: "kernel_info_request",
      version: "5.3",
    });
  });

  it("round-trips through routing identities", () => {
    const message = makeMessage("session", "execute_request", { code: "1" });
    const frames = [
      Buffer.from("identity"),
      ...encodeMessage(KEY, message).map((f) => Buffer.from(f)),
    ];
    expect(decodeMessage(KEY, frames)).toEqual(message);
  });

  it.each([
    [
      "a wrong signature",
      (f: Buffer[]) => [f[0], Buffer.from("0".repeat(64)), ...f.slice(2)],
      /invalid HMAC/,
    ],
    ["no delimiter", (f: Buffer[]) => f.slice(1), /malformed message .*no <IDS\|MSG>/],
  ])("decodeMessage rejects %s", (_name, mangle, message) => {
    const frames = encodeMessage(KEY, makeMessage("s", "x", {})).map((f) => Buffer.from(f));
    expect(() => decodeMessage(KEY, mangle(frames))).toThrow(message);
  });

  it("sign is empty with an empty key (unsigned connections)", () => {
    expect(sign("", ["a"])).toBe("");
  });
});

describe("collectOutputs", () => {
  it("merges consecutive streams of the same name only", () => {
    const outputs: Output[] = [];
    const messages = [
      reply("stream", { name: "stdout", text: "a" }),
      reply("stream", { name: "stdout", text: "b\n" }),
      reply("stream", { name: "stderr", text: "warn\n" }),
      reply("stream", { name: "stdout", text: "c\n" }),
    ];
    collectOutputs(messages, outputs, new Map());
    expect(outputs.map((o) => (o.output_type === "stream" ? o.text : ""))).toEqual([
      "ab\n",
      "warn\n",
      "c\n",
    ]);
  });

  it("applies update_display_data to every output with that id, across cells", () => {
    const displays = new Map();
    const first: Output[] = [];
    const transient = { display_id: "d1" };
    collectOutputs(
      [reply("display_data", { data: { "text/plain": "0%" }, metadata: {}, transient })],
      first,
      displays,
    );
    const second: Output[] = [];
    collectOutputs(
      [reply("update_display_data", { data: { "text/plain": "100%" }, metadata: {}, transient })],
      second,
      displays,
    );
    expect(first).toEqual([
      { output_type: "display_data", data: { "text/plain": "100%" }, metadata: {} },
    ]);
    expect(second).toEqual([]);
  });
});

describe("parseCellError", () => {
  it("reads a TypeScript diagnostic with its cell line", () => {
    const error = parseCellError(
      "2:7 - Type 'string' is not assignable to type 'number'.\n",
      "a\nb",
    );
    expect(error).toMatchObject({ ename: "TypeScriptError", line: 2 });
    expect(error.evalue).toMatch(/^Type 'string' is not assignable/);
  });

  it("reads an exception, finds its cell line and drops tslab and node frames", () => {
    const stderr = [
      "evalmachine.<anonymous>:6",
      '    throw new Error("boom");',
      "    ^",
      "",
      "Error: boom",
      "    at f (evalmachine.<anonymous>:6:11)",
      "    at matmul (/work/main/dist/tensor/matmul.js:10:5)",
      "    at Script.runInThisContext (node:vm:135:14)",
      "    at Object.execute (/x/node_modules/tslab/dist/executor.js:160:38)",
    ].join("\n");
    const error = parseCellError(
      stderr,
      'let a = 1;\nfunction f() {\n  throw new Error("boom");\n}',
    );
    expect(error).toMatchObject({ ename: "Error", evalue: "boom", line: 3 });
    expect(error.traceback).toEqual([
      "Error: boom",
      '    at cell line 3: throw new Error("boom");',
      "    at matmul (/work/main/dist/tensor/matmul.js:10:5)",
    ]);
  });

  it("uses ename/evalue/traceback from an execute_reply when the kernel sends them", () => {
    expect(replyError({ status: "error", ename: "E", evalue: "v", traceback: ["t"] })).toEqual({
      ename: "E",
      evalue: "v",
      line: null,
      traceback: ["t"],
    });
    expect(replyError({ status: "error" })).toBeNull();
  });
});

describe("notebook files", () => {
  it.each([
    ["/r/notebooks/solutions/01-neuron.ipynb", "/r/executed/notebooks/solutions/01-neuron.ipynb"],
    ["/elsewhere/x.ipynb", "/r/executed/external/elsewhere/x.ipynb"],
  ])(
    "executedPath(%s) mirrors the path relative to the root under the output folder",
    (src, out) => {
      expect(executedPath(src, "executed", "/r")).toBe(out);
    },
  );

  it("toExecutedCopy gives nbformat 4.5 with unique cell ids and code-cell fields", () => {
    const nb: Notebook = {
      nbformat: 4,
      nbformat_minor: 2,
      metadata: {},
      cells: [
        { cell_type: "markdown", source: "# t", metadata: {} },
        { cell_type: "code", source: ["1"], metadata: {}, id: "dup" },
        { cell_type: "code", source: "2", metadata: {}, id: "dup" },
      ],
    };
    const copy = toExecutedCopy(nb, nb.cells);
    expect(checkNbformat(copy as unknown as Record<string, unknown>)).toEqual([]);
    expect(copy.cells.map((c) => c.id)).toEqual(["cell-1", "dup", "cell-3"]);
  });
});

describe("course command line", () => {
  it("parseRunArgs reads paths and options", () => {
    const { paths, options } = parseRunArgs([
      "a.ipynb",
      "--out",
      "o",
      "--jobs",
      "2",
      "--timeout",
      "5",
      "--continue-on-error",
    ]);
    expect(paths).toEqual(["a.ipynb"]);
    expect(options).toEqual({ outDir: "o", jobs: 2, timeout: 5, continueOnError: true });
  });

  it.each([
    [
      ["--jobs", "zero"],
      /--jobs must be a whole number of notebooks from 1 to 64, got a string \("zero"\)/,
    ],
    [["--frobnicate"], /Unknown option '--frobnicate'/],
  ])("parseRunArgs(%j) throws", (args, message) => {
    expect(() => parseRunArgs(args)).toThrow(message);
  });

  it("main rejects an unknown command with exit code 2", async () => {
    expect(await main(["frobnicate"])).toBe(2);
    expect(await main(["--help"])).toBe(0);
  });

  it("formats one line per notebook and the summary exactly", () => {
    const base = { outPath: null, executed: null, error: null, codeCells: 3, failures: [] };
    const ok: NotebookResult = { ...base, path: "a.ipynb", ok: true, seconds: 1.25, cellsRun: 3 };
    const failure = { cell: 2, head: "x()", message: "Error: no", line: 1 };
    const bad: NotebookResult = {
      ...base,
      path: "b.ipynb",
      ok: false,
      seconds: 2,
      cellsRun: 2,
      failures: [failure],
    };
    expect(formatResult(ok)).toBe("✓ a.ipynb  1.3 s  3/3 cells");
    expect(formatResult(bad)).toBe(
      "✗ b.ipynb  2.0 s  2/3 cells\n    cell 2: Error: no\n      | x()",
    );
    expect(summaryLine([ok, bad])).toBe("1 passed, 1 failed");
  });
});
