// The runner under bad conditions: a truncated or invalid notebook, a kernel command that does not
// exist, an output folder that cannot be created, a full disk. Each gets a message naming the file,
// the runner itself never throws, and the outputs computed so far stay in the result.
// (Kernel crashes mid-run, timeouts, read-only and byte-identical sources: tests/runner/runner.test.ts.)
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNotebook, type NotebookResult } from "../../tools/runner";

const PLAIN = "tests/fixtures/notebooks/plain.ipynb";
const CRASH = "tests/fixtures/notebooks/crash.ipynb";
const ART = `test-artifacts/reliability-runner-${process.pid}`;
const FULL = join(ART, "full-disk");
const MISSING_KERNEL = { argv: ["/nonexistent/course-kernel", "{connection_file}"] };

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
    ["truncated", text.slice(0, Math.floor(text.length / 2)), /truncated\.ipynb: not valid JSON/],
    ["empty", "", /empty\.ipynb: not valid JSON/],
    ["null", "null", /null\.ipynb: not an nbformat 4 notebook \(nbformat is object\)/],
    ["no-cells", '{"nbformat": 4, "metadata": {}}', /no-cells\.ipynb: .*without a cells list/],
    [
      "bad-cell",
      '{"nbformat": 4, "cells": [{"cell_type": "html"}]}',
      /bad-cell\.ipynb: cell 1 has no valid cell_type/,
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
