// The runner's checks without a kernel: option and cellTimeout values, malformed nbformat, output
// paths that land on a source, and the late-error lines the course's kernel prints (alone or merged
// with other stderr text) as a run records them.
import { linkSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, parseRunArgs } from "../../tools/course";
import { ArgumentError, NotebookFormatError, OutputPathError } from "../../tools/runner/errors";
import { lateErrorOutput, lateErrors } from "../../tools/runner/late-errors";
import { executedPath, parseNotebook, type Cell } from "../../tools/runner/notebook";
import { checkJobs, checkSeconds } from "../../tools/runner/options";
import { checkOutputPath } from "../../tools/runner/output-path";
import { RunRecord, ownOutputs } from "../../tools/runner/run-record";
import { makeMessage, type JupyterMessage } from "../../tools/runner/wire";

const ART = `test-artifacts/runner-checks-${process.pid}`;

describe("checkSeconds / checkJobs", () => {
  it.each([0.5, 1, 60, 3600, 86_400])("checkSeconds accepts %s", (value) => {
    expect(checkSeconds("timeout", value)).toBe(value);
  });

  it.each([
    ["abc", 'a string ("abc")'],
    [0, "a number (0)"],
    [-1, "a number (-1)"],
    [NaN, "a number (NaN)"],
    [3e6, "a number (3000000)"],
    [86_400.5, "a number (86400.5)"],
    [Infinity, "a number (Infinity)"],
    [-Infinity, "a number (-Infinity)"],
    [{}, "an object"],
    [[60], "an array of length 1"],
    [null, "null"],
    [true, "a boolean (true)"],
    ["60", 'a string ("60")'],
  ])("checkSeconds rejects %j with an ArgumentError saying what it expected", (value, got) => {
    expect(() => checkSeconds("course.cellTimeout", value)).toThrow(ArgumentError);
    expect(() => checkSeconds("course.cellTimeout", value)).toThrow(
      `course.cellTimeout must be a number of seconds greater than 0 and at most 86400 (one day), got ${got}`,
    );
  });

  it.each([1, 2, 64])("checkJobs accepts %s", (value) =>
    expect(checkJobs("jobs", value)).toBe(value),
  );

  it.each([0, -2, 1.5, 65, NaN, Infinity, "2", null])("checkJobs rejects %j", (value) => {
    expect(() => checkJobs("--jobs", value)).toThrow(
      /^--jobs must be a whole number of notebooks from 1 to 64, got /,
    );
  });
});

describe("course run: --timeout and --jobs", () => {
  it("reads good values", () => {
    const { options } = parseRunArgs(["a.ipynb", "--timeout", "1e3", "--jobs", "3"]);
    expect(options).toMatchObject({ timeout: 1000, jobs: 3 });
    expect(parseRunArgs(["--timeout", " 2.5 "]).options.timeout).toBe(2.5);
  });

  it.each([
    ["--timeout", "abc", 'a string ("abc")'],
    ["--timeout", "0", "a number (0)"],
    ["--timeout", "-1", "a number (-1)"],
    ["--timeout", "NaN", 'a string ("NaN")'],
    ["--timeout", "Infinity", 'a string ("Infinity")'],
    ["--timeout", "3e6", "a number (3000000)"],
    ["--timeout", "", 'a string ("")'],
    ["--timeout", "12abc", 'a string ("12abc")'],
    ["--timeout", "0x10", 'a string ("0x10")'],
    ["--jobs", "zero", 'a string ("zero")'],
    ["--jobs", "0", "a number (0)"],
    ["--jobs", "1.5", "a number (1.5)"],
    ["--jobs", "1e9", "a number (1000000000)"],
  ])(
    "%s %j is an ArgumentError naming the option, what it expected and what it got",
    (flag, text, got) => {
      const expected =
        flag === "--jobs" ? "a whole number of notebooks from 1 to 64" : "a number of seconds";
      const args = [`${flag}=${text}`]; // "--timeout -1" would read -1 as an option
      expect(() => parseRunArgs(args)).toThrow(ArgumentError);
      expect(() => parseRunArgs(args)).toThrow(`${flag} must be ${expected}`);
      expect(() => parseRunArgs(args)).toThrow(`got ${got}`);
    },
  );

  it("an option value that looks like an option (--timeout -1) is an ArgumentError too", () => {
    expect(() => parseRunArgs(["--timeout", "-1"])).toThrow(ArgumentError);
    expect(() => parseRunArgs(["--timeout", "-1"])).toThrow(
      /Option '--timeout' argument is ambiguous/,
    );
  });

  it("main prints the named error and returns 2, before starting any kernel", async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (text: string) => errors.push(text);
    try {
      expect(await main(["run", "a.ipynb", "--timeout", "abc"])).toBe(2);
    } finally {
      console.error = original;
    }
    expect(errors).toEqual([
      'course run: ArgumentError: --timeout must be a number of seconds greater than 0 and at most 86400 (one day), got a string ("abc")',
    ]);
  });

  it("rejects unknown options", () => {
    expect(() => parseRunArgs(["--frobnicate"])).toThrow(ArgumentError);
    expect(() => parseRunArgs(["--frobnicate"])).toThrow(/Unknown option '--frobnicate'/);
  });
});

describe("parseNotebook on malformed nbformat", () => {
  const nb = (cells: unknown, metadata: unknown = {}) =>
    JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata, cells });
  const code = (source: unknown, extra: object = {}) => ({
    cell_type: "code",
    metadata: {},
    source,
    ...extra,
  });

  it("accepts a string source and a list of strings", () => {
    const parsed = parseNotebook(nb([code("a\nb"), code(["a\n", "b"]), code([])]));
    expect(parsed.cells).toHaveLength(3);
  });

  it.each([
    [nb({}), "nbformat 4 notebook without a cells list (cells is an object)"],
    [nb("cells"), 'nbformat 4 notebook without a cells list (cells is a string ("cells"))'],
    [nb(null), "nbformat 4 notebook without a cells list (cells is null)"],
    [nb([null]), "cell 1: not an object (got null)"],
    [nb([code("1"), [1, 2]]), "cell 2: not an object (got an array of length 2)"],
    [
      nb([{ source: "1" }]),
      'cell 1: no valid cell_type (expected "code", "markdown" or "raw", got nothing)',
    ],
    [nb([code(42)]), "cell 1: source must be a string or a list of strings, got a number (42)"],
    [nb([code(null)]), "cell 1: source must be a string or a list of strings, got null"],
    [
      nb([code({ text: "1" })]),
      "cell 1: source must be a string or a list of strings, got an object",
    ],
    [nb([code(undefined)]), "cell 1: source must be a string or a list of strings, got nothing"],
    [
      nb([code("ok"), code("ok"), code(["a\n", 7, "b"])]),
      "cell 3: source must be a string or a list of strings, got a list with a number (7) at index 1",
    ],
    [
      nb([code(["a", null])]),
      "cell 1: source must be a string or a list of strings, got a list with null at index 1",
    ],
    [nb([code("1", { metadata: "x" })]), 'cell 1: metadata must be an object, got a string ("x")'],
    [
      nb([code("1", { metadata: { tags: "exercise" } })]),
      'cell 1: metadata.tags must be a list of strings, got a string ("exercise")',
    ],
    [
      nb([code("1", { metadata: { tags: [1] } })]),
      "cell 1: metadata.tags must be a list of strings, got an array of length 1",
    ],
    [nb([code("1")], []), "metadata must be an object, got an array of length 0"],
    [nb([code("1")], { course: 60 }), "metadata.course must be an object, got a number (60)"],
    ['{"nbformat": "4", "cells": []}', 'not an nbformat 4 notebook (nbformat is a string ("4"))'],
    ["[]", "not an nbformat 4 notebook (nbformat is an array of length 0)"],
    ["{", "not valid JSON ("],
  ])("%s → NotebookFormatError: %s", (text, message) => {
    expect(() => parseNotebook(text)).toThrow(NotebookFormatError);
    expect(() => parseNotebook(text)).toThrow(message);
  });
});

describe("checkOutputPath", () => {
  const SRC = join(ART, "src");
  const SOURCE = join(SRC, "lesson.ipynb");
  beforeAll(() => {
    mkdirSync(join(ART, "out", "hard"), { recursive: true });
    mkdirSync(SRC, { recursive: true });
    writeFileSync(SOURCE, "{}");
    symlinkSync(resolve(SRC), join(ART, "link-to-src"));
    symlinkSync(resolve("."), join(ART, "link-to-root"));
    symlinkSync(resolve(SOURCE), join(ART, "out", "file-link.ipynb"));
    linkSync(SOURCE, join(ART, "out", "hard", "lesson.ipynb"));
  });
  afterAll(() => rmSync(ART, { recursive: true, force: true }));

  it("accepts the usual executed/ path, and a new file beside the source", () => {
    expect(() => checkOutputPath(executedPath(SOURCE, "executed"), [SOURCE])).not.toThrow();
    expect(() => checkOutputPath(join(SRC, "other.ipynb"), [SOURCE])).not.toThrow();
  });

  it.each([
    ["--out .", () => executedPath(SOURCE, ".")],
    ["--out test-artifacts/..", () => executedPath(SOURCE, "test-artifacts/..")],
    ["--out <a link to the project root>", () => executedPath(SOURCE, join(ART, "link-to-root"))],
    [
      "--out <a link to the sources' folder>, root = sources",
      () => executedPath(SOURCE, resolve(ART, "link-to-src"), SRC),
    ],
    ["a path through a link to the folder", () => join(ART, "link-to-src", "lesson.ipynb")],
    ["an existing symlink to the source", () => join(ART, "out", "file-link.ipynb")],
    ["an existing hard link to the source", () => join(ART, "out", "hard", "lesson.ipynb")],
    ["the source by an absolute path", () => resolve(SOURCE)],
    [
      "the source with ./ and ../ in the way",
      () => join(ART, "src", "..", "src", ".", "lesson.ipynb"),
    ],
  ])("refuses %s with OutputPathError naming both files", (_name, out) => {
    const path = out();
    expect(() => checkOutputPath(path, ["other.ipynb", SOURCE])).toThrow(OutputPathError);
    expect(() => checkOutputPath(path, ["other.ipynb", SOURCE])).toThrow(
      `the executed copy would be written to ${path}, which is the source notebook ${SOURCE}`,
    );
  });
});

describe("lateErrors / lateErrorOutput", () => {
  const stderr = (text: string) => makeMessage("s", "stream", { name: "stderr", text });

  it("reads the course kernel's labelled uncaught error, with the cell that started it", () => {
    const found = lateErrors(
      stderr(
        "Uncaught error in a timer, event or promise callback started by In [3]: Error: boom\n" +
          "    at Timeout._onTimeout (evalmachine.<anonymous>:3:26)\n    at listOnTimeout (node:internal/timers:581:17)\n" +
          "    at helper (/work/dist/x.js:1:2)\n",
      ),
    );
    expect(found).toEqual({
      before: "",
      errors: [
        {
          kind: "UncaughtError",
          origin: 3,
          thrown: "Error: boom",
          stack: ["    at helper (/work/dist/x.js:1:2)"],
        },
      ],
    });
    expect(lateErrorOutput(found!.errors[0], 5, 2)).toEqual({
      output_type: "error",
      ename: "UncaughtError",
      evalue:
        "Error: boom (thrown later by a timer, event or promise callback that cell 2 started; it surfaced during cell 5)",
      traceback: [
        "UncaughtError: Error: boom (thrown later by a timer, event or promise callback that cell 2 started; it surfaced during cell 5)",
        "    at helper (/work/dist/x.js:1:2)",
      ],
    });
  });

  it.each([
    [
      "Unhandled promise rejection started by In [12]: Error: x\n",
      "UnhandledRejection",
      12,
      "Error: x",
    ],
    ["Unhandled promise rejection from outside any cell: 42\n", "UnhandledRejection", null, "42"],
    [
      "UncaughtException: TypeError: y is not a function\n    at z\n",
      "UncaughtError",
      null,
      "TypeError: y is not a function",
    ],
    [
      "UnhandledPromiseRejection: Error: old tslab\n",
      "UnhandledRejection",
      null,
      "Error: old tslab",
    ],
  ])("reads %j", (text, kind, origin, thrown) => {
    expect(lateErrors(stderr(text))?.errors).toMatchObject([{ kind, origin, thrown }]);
  });

  it("finds them after the cell's own text and several in one message (a kernel that merges writes)", () => {
    const text =
      "about to fail\nstill going\n" +
      "Uncaught error in a timer, event or promise callback started by In [2]: Error: first\n    at a (/x.js:1:1)\n" +
      "Unhandled promise rejection from outside any cell: 42\n" +
      "UncaughtException: RangeError: third\n";
    expect(lateErrors(stderr(text))).toEqual({
      before: "about to fail\nstill going\n",
      errors: [
        {
          kind: "UncaughtError",
          origin: 2,
          thrown: "Error: first",
          stack: ["    at a (/x.js:1:1)"],
        },
        { kind: "UnhandledRejection", origin: null, thrown: "42", stack: [] },
        { kind: "UncaughtError", origin: null, thrown: "RangeError: third", stack: [] },
      ],
    });
  });

  it("says so when the error surfaced in the cell that started it, or started nowhere known", () => {
    const [late] = lateErrors(
      stderr("Unhandled promise rejection started by In [1]: Error: x\n"),
    )!.errors;
    expect(lateErrorOutput(late, 4, 4).evalue).toBe(
      "Error: x (a promise that cell 4 started was rejected and nothing caught it)",
    );
    expect(lateErrorOutput(late, 4, null).evalue).toBe(
      "Error: x (a promise that some earlier code started was rejected and nothing caught it; it surfaced during cell 4)",
    );
  });

  it.each([
    makeMessage("s", "stream", { name: "stdout", text: "UncaughtException: printed on purpose\n" }),
    stderr("an Uncaught error in a timer, event or promise callback started by In [3]: no\n"),
    stderr("printed: UncaughtException: not at a line's start\n"),
    stderr("Error: an ordinary failure\n"),
    makeMessage("s", "display_data", { data: { "text/plain": "UncaughtException: x" } }),
  ])("ignores other messages (%#)", (message) => {
    expect(lateErrors(message)).toBeNull();
  });
});

describe("RunRecord with late errors merged into one stderr message", () => {
  it("keeps the text before them, shows each error and blames the cell that started it", () => {
    const code = (source: string, tags: string[] = []): Cell => ({
      cell_type: "code",
      metadata: { tags },
      source,
    });
    const cells = [code("setTimeout(() => { throw new Error('a') }, 1);"), code("work();")];
    const merged = makeMessage("s", "stream", {
      name: "stderr",
      text:
        "careful\n" +
        "Uncaught error in a timer, event or promise callback started by In [1]: Error: a\n" +
        "Uncaught error in a timer, event or promise callback started by In [1]: Error: b\n",
    });
    const record = new RunRecord();
    const out = (text: string) => makeMessage("s", "stream", { name: "stdout", text });
    const outcome = (count: number, messages: JupyterMessage[]) => ({
      ...{ status: "ok" as const, idle: true, messages },
      reply: { status: "ok", execution_count: count },
    });
    record.add(0, outcome(1, []), null);
    record.add(1, outcome(2, [out("one\n"), merged, out("two\n")]), null);
    const failures = record.lateFailures(cells);
    expect(failures.map((f) => [f.cell, f.message.split(" (")[0]])).toEqual([
      [1, "UncaughtError: Error: a"],
      [1, "UncaughtError: Error: b"],
    ]);
    record.fillOutputs(cells);
    expect(
      cells[1].outputs!.map((o) =>
        o.output_type === "stream" ? `${o.name}: ${o.text}` : `${o.output_type}`,
      ),
    ).toEqual(["stdout: one\n", "stderr: careful\n", "error", "error", "stdout: two\n"]);
    expect(ownOutputs([out("one\n"), merged])).toEqual([
      { output_type: "stream", name: "stdout", text: "one\n" },
      { output_type: "stream", name: "stderr", text: "careful\n" },
    ]);
  });

  it("a raises-exception cell that started them is not blamed, but the errors are shown", () => {
    const cells: Cell[] = [
      { cell_type: "code", metadata: { tags: ["raises-exception"] }, source: "x" },
    ];
    const record = new RunRecord();
    const late = makeMessage("s", "stream", {
      name: "stderr",
      text: "Unhandled promise rejection started by In [1]: Error: on purpose\n",
    });
    record.add(
      0,
      { status: "ok", idle: true, messages: [late], reply: { execution_count: 1 } },
      null,
    );
    expect(record.lateFailures(cells)).toEqual([]);
    record.fillOutputs(cells);
    expect(cells[0].outputs!.map((o) => o.output_type)).toEqual(["error"]);
  });
});
