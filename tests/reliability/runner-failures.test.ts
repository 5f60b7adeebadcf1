// The runner under bad conditions: a truncated or invalid notebook, malformed cells, a bad
// cellTimeout, an output path that lands on a source, a kernel command that does not exist, an
// output folder that cannot be created, a full disk. Each gets a named message naming the file,
// the runner itself never throws, no source is ever written, and the outputs computed so far stay
// in the result. (Kernel crashes mid-run, timeouts, read-only and byte-identical sources:
// tests/runner/runner.test.ts; killed runners: runner-signals.test.ts.)
import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNotebook, runNotebooks, type NotebookResult } from "../../tools/runner";
import { writeNotebook } from "../runner/nbformat";

const PLAIN = "tests/fixtures/notebooks/plain.ipynb";
const CRASH = "tests/fixtures/notebooks/crash.ipynb";
const ART = `test-artifacts/reliability-runner-${process.pid}`;
const FULL = join(ART, "full-disk");
const MISSING_KERNEL = { argv: ["/nonexistent/course-kernel", "{connection_file}"] };
/** A "kernel" that only leaves a mark: a run that should stop before starting one must leave none. */
const MARKER = join(ART, "kernel-started");
const MARKING_KERNEL = {
  argv: ["node", "-e", `require("fs").writeFileSync(${JSON.stringify(resolve(MARKER))}, "")`],
};

/** Mounts a 64 KiB tmpfs at FULL and fills it; false where mounting is not allowed (not root). */
function mountFullDisk(): boolean {
  mkdirSync(FULL, { recursive: true });
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", FULL], { stdio: "ignore" });
  } catch {
    return false;
  }
  try {
    for (let i = 0; ; i++) writeFileSync(join(FULL, `filler-${i}`), Buffer.alloc(4096, 1));
  } catch {
    // ENOSPC: the disk is full now.
  }
  return true;
}

let fullDisk = false;
let unwritable: NotebookResult;
let onFullDisk: NotebookResult | null = null;
let crashed: NotebookResult;

beforeAll(async () => {
  mkdirSync(ART, { recursive: true });
  writeFileSync(join(ART, "a-file"), "a regular file where a folder should be\n");
  fullDisk = mountFullDisk();
  const runs = [
    runNotebook(CRASH, { outDir: join(ART, "crash") }),
    runNotebook(PLAIN, { outDir: join(ART, "a-file", "sub") }),
  ];
  if (fullDisk) runs.push(runNotebook(PLAIN, { outDir: join(FULL, "out") }));
  [crashed, unwritable, onFullDisk = null] = await Promise.all(runs);
}, 300_000);

afterAll(() => {
  if (fullDisk) execFileSync("umount", [FULL]);
  rmSync(ART, { recursive: true, force: true });
});

describe("runNotebook on bad notebook files", () => {
  const text = readFileSync(PLAIN, "utf8");
  it.each([
    [
      "truncated",
      text.slice(0, Math.floor(text.length / 2)),
      /truncated\.ipynb: NotebookFormatError: not valid JSON/,
    ],
    ["empty", "", /empty\.ipynb: NotebookFormatError: not valid JSON/],
    [
      "null",
      "null",
      /null\.ipynb: NotebookFormatError: not an nbformat 4 notebook \(nbformat is null\)/,
    ],
    ["no-cells", '{"nbformat": 4, "metadata": {}}', /no-cells\.ipynb: .*without a cells list/],
    [
      "bad-cell",
      '{"nbformat": 4, "cells": [{"cell_type": "html"}]}',
      /bad-cell\.ipynb: NotebookFormatError: cell 1: no valid cell_type \(expected "code", "markdown" or "raw", got a string \("html"\)\)/,
    ],
  ])(
    "a %s notebook gets a message naming the file, and no kernel",
    async (name, content, message) => {
      const path = join(ART, `${name}.ipynb`);
      writeFileSync(path, content);
      const r = await runNotebook(path, { outDir: join(ART, "out"), spec: MISSING_KERNEL });
      expect(r).toMatchObject({ ok: false, outPath: null, cellsRun: 0, executed: null });
      expect(r.error).toMatch(message);
      expect(readFileSync(path, "utf8")).toBe(content);
    },
  );
});

describe("runNotebook when the kernel or the disk fails", () => {
  it("a kernelspec whose command does not exist: 'kernel command not found', naming notebook and command", async () => {
    const r = await runNotebook(PLAIN, { outDir: join(ART, "no-kernel"), spec: MISSING_KERNEL });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(
      /plain\.ipynb: kernel failed to start \(kernel command not found: "\/nonexistent\/course-kernel"\)/,
    );
    expect(JSON.parse(readFileSync(r.outPath!, "utf8")).cells[1].outputs).toEqual([]);
  });

  it("a kernel that dies mid-run: the executed copy on disk keeps the outputs so far and marks the cell", () => {
    const written = JSON.parse(readFileSync(crashed.outPath!, "utf8"));
    expect(written.cells.map((c: { execution_count: number | null }) => c.execution_count)).toEqual(
      [1, 2, null],
    );
    expect(written.cells[0].outputs).toEqual([
      { output_type: "stream", name: "stdout", text: "alive\n" },
    ]);
    expect(written.cells[1].outputs).toEqual([
      expect.objectContaining({
        output_type: "error",
        ename: "KernelDied",
        evalue: expect.stringMatching(/exit code 3/),
      }),
    ]);
    expect(written.cells[2].outputs).toEqual([]);
  });

  it("an output folder under a regular file: the message names notebook and copy; outputs kept", () => {
    expect(unwritable.ok).toBe(false);
    expect(unwritable.outPath).toBeNull();
    expect(unwritable.error).toMatch(
      /^tests\/fixtures\/notebooks\/plain\.ipynb: cannot write .*a-file\/sub\/tests\/fixtures\/notebooks\/plain\.ipynb: a parent of the output folder is a file, not a folder \((ENOTDIR|EEXIST)\)$/,
    );
    expect(unwritable.failures).toEqual([]);
    expect(unwritable.executed!.cells[1].outputs).toEqual([
      { output_type: "stream", name: "stdout", text: "hello\nworld\n" },
    ]);
  });

  it("a full disk (a filled 64 KiB tmpfs): ENOSPC naming the copy, no temp file left behind", (ctx) => {
    if (!fullDisk) ctx.skip(); // mounting a tmpfs needs root; CI and the dev machines run as root
    const r = onFullDisk!;
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(
      /plain\.ipynb: cannot write .*full-disk\/out\/.*plain\.ipynb: no space left on device \(ENOSPC\)/,
    );
    expect(r.executed!.cells[3].outputs).toEqual([
      { output_type: "stream", name: "stdout", text: "awaited\n" },
    ]);
    const left = readdirSync(join(FULL, "out"), { recursive: true }).map(String);
    expect(left.filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});

describe("runNotebook never writes onto a source notebook", () => {
  const SRC = join(ART, "sources");
  const SOURCE = join(SRC, "lesson.ipynb");
  let text: string;
  beforeAll(() => {
    text = readFileSync(PLAIN, "utf8");
    mkdirSync(join(SRC, "sub"), { recursive: true });
    writeFileSync(SOURCE, text);
    writeFileSync(join(SRC, "sub", "lesson.ipynb"), text);
    symlinkSync(resolve(SRC), join(ART, "link-to-sources"));
    symlinkSync(resolve("."), join(ART, "link-to-root"));
    mkdirSync(join(ART, "links", SRC), { recursive: true });
    symlinkSync(resolve(SOURCE), join(ART, "links", SOURCE));
    mkdirSync(join(ART, "hard", SRC), { recursive: true });
    linkSync(SOURCE, join(ART, "hard", SOURCE));
  });

  it.each([
    ["--out .", { outDir: "." }],
    ["--out notebooks/..", { outDir: "notebooks/.." }],
    ["--out <absolute project root>", { outDir: resolve(".") }],
    ["--out <a link to the project root>", { outDir: join(ART, "link-to-root") }],
    [
      "--out <a link to the sources' folder>, root = the sources",
      { outDir: resolve(ART, "link-to-sources"), root: SRC },
    ],
    ["--out <the sources' folder>, root = the sources", { outDir: resolve(SRC), root: SRC }],
    ["an existing executed copy that is a symlink to the source", { outDir: join(ART, "links") }],
    ["an existing executed copy that is a hard link to the source", { outDir: join(ART, "hard") }],
  ])(
    "%s: OutputPathError naming both files, no kernel, source untouched",
    async (_name, options) => {
      rmSync(MARKER, { force: true });
      const r = await runNotebook(SOURCE, { ...options, spec: MARKING_KERNEL });
      expect(r).toMatchObject({ ok: false, outPath: null, cellsRun: 0, executed: null });
      expect(r.error).toMatch(
        /^test-artifacts\/.*\/sources\/lesson\.ipynb: OutputPathError: the executed copy would be written to .*, which is the source notebook .*lesson\.ipynb/,
      );
      expect(existsSync(MARKER)).toBe(false);
      expect(readFileSync(SOURCE, "utf8")).toBe(text);
    },
  );

  it("runNotebooks refuses a copy that would land on another notebook of the same run", async () => {
    const other = join(SRC, "sub", "lesson.ipynb");
    const [first, second] = await runNotebooks([SOURCE, other], {
      root: SRC,
      outDir: "sub", // lesson.ipynb → sub/lesson.ipynb, the second source
      spec: MISSING_KERNEL,
      jobs: 1,
    });
    expect(first.error).toMatch(
      /OutputPathError: .* which is the source notebook .*sub\/lesson\.ipynb/,
    );
    expect(second.error).toMatch(/kernel failed to start/); // its copy goes to sub/sub/: allowed
    expect(second.outPath).toBe(resolve(SRC, "sub", "sub", "lesson.ipynb"));
    expect(readFileSync(other, "utf8")).toBe(text);
  });

  it("a cell that replaces the output folder by a link to the sources: refused at the end too", async () => {
    const src = resolve(ART, "relink", "src");
    const out = resolve(ART, "relink", "out");
    mkdirSync(out, { recursive: true });
    const cell = [
      'import * as fs from "fs";',
      `fs.rmSync(${JSON.stringify(out)}, { recursive: true, force: true });`,
      `fs.symlinkSync(${JSON.stringify(src)}, ${JSON.stringify(out)});`,
      'console.log("linked");',
    ].join("\n");
    const source = writeNotebook(join(src, "lesson.ipynb"), [cell]);
    const before = readFileSync(source, "utf8");
    const r = await runNotebook(source, { outDir: out, root: src, timeout: 120 });
    expect(r.failures).toEqual([]);
    expect(r).toMatchObject({ ok: false, outPath: null, cellsRun: 1 });
    expect(r.error).toMatch(
      /lesson\.ipynb: OutputPathError: the executed copy would be written to .*, which is the source notebook/,
    );
    expect(JSON.stringify(r.executed?.cells[0])).toContain("linked"); // the outputs stay in the result
    expect(readFileSync(source, "utf8")).toBe(before);
    expect(readdirSync(src)).toEqual(["lesson.ipynb"]); // no temp file beside it
  }, 240_000);

  it("course run --out . exits 1 with the named error, and the source is unchanged", () => {
    const run = spawnSync("node", ["build/tools/course.js", "run", SOURCE, "--out", "."], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/OutputPathError: the executed copy would be written to/);
    expect(run.stdout).toMatch(/^0 passed, 1 failed$/m);
    expect(readFileSync(SOURCE, "utf8")).toBe(text);
  });
});

describe("runNotebook on a bad course.cellTimeout or malformed cells", () => {
  it.each([
    ['"abc"', 'a string ("abc")'],
    ["0", "a number (0)"],
    ["-1", "a number (-1)"],
    ["3e6", "a number (3000000)"],
    ["1e400", "a number (Infinity)"],
    ["{}", "an object"],
    ["[120]", "an array of length 1"],
    ["null", "null"],
    ["true", "a boolean (true)"],
  ])(
    "cellTimeout %s: ArgumentError saying what was expected, before any kernel",
    async (json, got) => {
      rmSync(MARKER, { force: true });
      const path = join(ART, "timeouts", `timeout-${json.replace(/\W/g, "_")}.ipynb`);
      mkdirSync(join(ART, "timeouts"), { recursive: true });
      const nb = JSON.parse(readFileSync(PLAIN, "utf8"));
      const textWithTimeout = JSON.stringify({
        ...nb,
        metadata: { ...nb.metadata, course: { cellTimeout: "@" } },
      }).replace('"@"', json);
      writeFileSync(path, textWithTimeout);
      const r = await runNotebook(path, { outDir: join(ART, "out"), spec: MARKING_KERNEL });
      expect(r.error).toBe(
        `${path}: ArgumentError: metadata course.cellTimeout must be a number of seconds greater than 0 and at most 86400 (one day), got ${got}`,
      );
      expect(r).toMatchObject({ ok: false, cellsRun: 0 });
      expect(existsSync(MARKER)).toBe(false);
    },
  );

  it("--timeout wins over a bad cellTimeout (it is never read)", async () => {
    const path = writeNotebook(join(ART, "timeouts", "ignored.ipynb"), ["1"], {
      cellTimeout: "abc",
    });
    const r = await runNotebook(path, {
      outDir: join(ART, "out"),
      spec: MISSING_KERNEL,
      timeout: 5,
    });
    expect(r.error).toMatch(/kernel failed to start/);
  });

  it.each([
    [
      "a number",
      [{ cell_type: "code", metadata: {}, source: 42 }],
      "cell 1: source must be a string or a list of strings, got a number (42)",
    ],
    [
      "a list holding null",
      [
        { cell_type: "markdown", metadata: {}, source: "# t" },
        { cell_type: "code", metadata: {}, source: ["a", null] },
      ],
      "cell 2: source must be a string or a list of strings, got a list with null at index 1",
    ],
    [
      "no cell_type",
      [{ metadata: {}, source: "1" }],
      'cell 1: no valid cell_type (expected "code", "markdown" or "raw", got nothing)',
    ],
    [
      "tags that are a string",
      [{ cell_type: "code", metadata: { tags: "exercise" }, source: "1" }],
      'cell 1: metadata.tags must be a list of strings, got a string ("exercise")',
    ],
  ])(
    "a cell with %s: NotebookFormatError naming notebook and cell, before any kernel",
    async (_n, cells, message) => {
      rmSync(MARKER, { force: true });
      const path = join(ART, "malformed.ipynb");
      writeFileSync(path, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }));
      const r = await runNotebook(path, { outDir: join(ART, "out"), spec: MARKING_KERNEL });
      expect(r.error).toBe(`${path}: NotebookFormatError: ${message}`);
      expect(existsSync(MARKER)).toBe(false);
    },
  );

  it("runNotebooks rejects a bad jobs or timeout with an ArgumentError, before any kernel", async () => {
    await expect(runNotebooks([PLAIN], { jobs: 0 })).rejects.toThrow(
      "jobs must be a whole number of notebooks from 1 to 64, got a number (0)",
    );
    await expect(runNotebooks([PLAIN], { timeout: NaN })).rejects.toThrow(
      "timeout must be a number of seconds greater than 0 and at most 86400 (one day), got a number (NaN)",
    );
  });
});
