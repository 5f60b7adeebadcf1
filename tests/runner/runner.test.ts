// Runs every fixture notebook through the real tslab kernel once (two kernels at a time) and checks
// each behaviour the runner promises: outputs, displays, errors, timeouts, crashes, bad files.
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  runNotebook,
  runNotebooks,
  summaryLine,
  type NotebookResult,
  type Output,
} from "../../tools/runner";
import { KernelClient } from "../../tools/runner/kernel";
import { checkNbformat } from "./nbformat";

const FIXTURES = "tests/fixtures/notebooks";
const ARTIFACTS = `test-artifacts/runner-${process.pid}`;
const READ_ONLY = join(ARTIFACTS, "read-only", "plain.ipynb");
const NAMES = [
  "infinite-loop",
  "plain",
  "display",
  "type-error",
  "exception",
  "expected-error",
  "threads",
];
const PATHS = [
  ...NAMES.map((name) => join(FIXTURES, `${name}.ipynb`)),
  join(FIXTURES, "crash.ipynb"),
  join(FIXTURES, "invalid.ipynb"),
  join(FIXTURES, "nbformat3.ipynb"),
  join(FIXTURES, "does-not-exist.ipynb"),
  READ_ONLY,
];
const digest = (path: string): string =>
  createHash("sha256").update(readFileSync(path)).digest("hex");

let results: NotebookResult[];
const before = new Map<string, string>();
const result = (name: string): NotebookResult => {
  const found = results.find(
    (r) => r.path.endsWith(`/${name}.ipynb`) && !r.path.includes("read-only"),
  );
  if (found === undefined) throw new Error(`no result for ${name}`);
  return found;
};
const outputsOf = (name: string, cell: number): Output[] =>
  result(name).executed!.cells[cell].outputs ?? [];

beforeAll(async () => {
  mkdirSync(join(ARTIFACTS, "read-only"), { recursive: true });
  copyFileSync(join(FIXTURES, "plain.ipynb"), READ_ONLY);
  chmodSync(READ_ONLY, 0o444);
  for (const path of PATHS.filter((p) => !p.includes("does-not"))) before.set(path, digest(path));
  results = await runNotebooks(PATHS, { jobs: 2, outDir: join(ARTIFACTS, "executed") });
}, 600_000);

afterAll(() => rmSync(ARTIFACTS, { recursive: true, force: true }));

describe("runNotebooks through the tslab kernel", () => {
  it("returns one result per path, in order, and a summary line", () => {
    expect(results.map((r) => r.path)).toEqual(PATHS);
    expect(summaryLine(results)).toBe("5 passed, 7 failed");
  });

  it("shares the cores among the kernels it runs at once: DL_THREADS = cores / 2 here", () => {
    const threads = String(Math.max(1, Math.floor(cpus().length / 2)));
    expect(outputsOf("threads", 0)).toEqual([
      { output_type: "stream", name: "stdout", text: `${threads}\n` },
    ]);
  });

  it("records plain output, the last expression and top-level await in order", () => {
    expect(result("plain").ok).toBe(true);
    expect(outputsOf("plain", 1)).toEqual([
      { output_type: "stream", name: "stdout", text: "hello\nworld\n" },
    ]);
    expect(outputsOf("plain", 2)).toEqual([
      { output_type: "stream", name: "stdout", text: "42\n" },
    ]);
    expect(outputsOf("plain", 3)).toEqual([
      { output_type: "stream", name: "stdout", text: "awaited\n" },
    ]);
    expect(result("plain").executed!.cells.map((c) => c.execution_count ?? null)).toEqual([
      null,
      1,
      2,
      3,
    ]);
  });

  it("keeps a display bundle whole and applies update_display_data in place", () => {
    expect(result("display").ok).toBe(true);
    const [bundle] = outputsOf("display", 1);
    expect(bundle).toEqual({
      output_type: "display_data",
      data: { "text/html": "<b>bold</b>", "text/plain": "bold" },
      metadata: {},
    });
    const updated = outputsOf("display", 2);
    expect(updated).toEqual([
      { output_type: "display_data", data: { "text/plain": "step 3" }, metadata: {} },
    ]);
    expect(JSON.stringify(updated)).not.toMatch(/display_id|transient/);
  });

  it("reports a type error with the TypeScript diagnostic and its line in the cell", () => {
    const r = result("type-error");
    expect(r.ok).toBe(false);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatchObject({ cell: 2, line: 2 });
    expect(r.failures[0].message).toMatch(
      /Type 'string' is not assignable to type 'number'.*line 2/,
    );
    expect(r.failures[0].head).toMatch(/^const ok = 1;\nconst n: number/);
    expect(outputsOf("type-error", 1)).toEqual([
      expect.objectContaining({ output_type: "error", ename: "TypeScriptError" }),
    ]);
    expect(r.executed!.cells[2].execution_count).toBeNull(); // stopped after the failure
  });

  it("reports a thrown exception by name and message, without tslab's stack frames", () => {
    const r = result("exception");
    expect(r.failures[0]).toMatchObject({ cell: 2, message: "RangeError: bad value 1" });
    const [error] = outputsOf("exception", 1);
    expect(error).toMatchObject({
      output_type: "error",
      ename: "RangeError",
      evalue: "bad value 1",
    });
    expect(JSON.stringify(error)).not.toMatch(/tslab|node:vm|evalmachine/);
  });

  it("passes raises-exception cells and aborts none of the cells after them", () => {
    const r = result("expected-error");
    expect(r.ok).toBe(true);
    expect(r.cellsRun).toBe(5);
    expect(outputsOf("expected-error", 0)[0]).toMatchObject({
      ename: "Error",
      evalue: "on purpose",
    });
    const texts = [1, 2, 4].map((i) => outputsOf("expected-error", i));
    expect(texts.map((o) => o[0])).toEqual(
      ["one\n", "two\n", "three\n"].map((text) => ({
        output_type: "stream",
        name: "stdout",
        text,
      })),
    );
  });

  it("times out an infinite loop after the notebook's cellTimeout, and the others still run", () => {
    const r = result("infinite-loop");
    expect(r.failures[0]).toMatchObject({ cell: 2, message: "TimeoutError: timed out after 3 s" });
    expect(outputsOf("infinite-loop", 0)[0]).toMatchObject({ text: "start\n" });
    expect(results.filter((x) => x.ok)).toHaveLength(5);
  });

  it("reports a kernel that dies mid-run (process.exit) and keeps the outputs so far", () => {
    const r = result("crash");
    expect(r.failures[0].message).toMatch(/KernelDied: .*exit code 3/);
    expect(outputsOf("crash", 0)[0]).toMatchObject({ text: "alive\n" });
  });

  it.each([
    ["invalid", /invalid\.ipynb: NotebookFormatError: not valid JSON/],
    [
      "nbformat3",
      /nbformat3\.ipynb: NotebookFormatError: not an nbformat 4 notebook \(nbformat is a number \(3\)\)/,
    ],
    ["does-not-exist", /does-not-exist\.ipynb: no such file/],
  ])("names the file when %s cannot be run", (name, message) => {
    expect(result(name)).toMatchObject({ ok: false, outPath: null, cellsRun: 0 });
    expect(result(name).error).toMatch(message);
  });

  it("leaves every source byte-identical (read-only ones too)", () => {
    for (const [path, hash] of before) expect(digest(path), path).toBe(hash);
    expect(statSync(READ_ONLY).mode & 0o777).toBe(0o444);
    expect(results.find((r) => r.path === READ_ONLY)?.ok).toBe(true);
  });

  it("writes executed copies as valid nbformat 4.5, mirroring the source paths", () => {
    for (const r of results.filter((x) => x.outPath !== null)) {
      expect(r.outPath).toBe(join(process.cwd(), ARTIFACTS, "executed", r.path));
      const written = JSON.parse(readFileSync(r.outPath!, "utf8"));
      expect(checkNbformat(written), r.path).toEqual([]);
      expect(written).toEqual(r.executed);
    }
  });
});

describe("runNotebook options", () => {
  let continued: NotebookResult[];
  beforeAll(async () => {
    const names = ["type-error", "infinite-loop"];
    const paths = names.map((name) => join(FIXTURES, `${name}.ipynb`));
    const outDir = join(ARTIFACTS, "continued");
    continued = await runNotebooks(paths, { jobs: 2, outDir, continueOnError: true, timeout: 2 });
  }, 600_000);

  it("--continue-on-error runs the cells after a failure (after a restart if needed)", () => {
    const [typeError, loop] = continued;
    expect(typeError).toMatchObject({ ok: false, cellsRun: 3 });
    expect(typeError.executed!.cells[2].outputs).toEqual([
      { output_type: "stream", name: "stdout", text: "never\n" },
    ]);
    expect(loop.failures.map((f) => f.message)).toEqual(["TimeoutError: timed out after 2 s"]);
    expect(loop.executed!.cells[2].outputs).toEqual([
      { output_type: "stream", name: "stdout", text: "never\n" },
    ]);
  });

  it("reports a kernel that fails to start, naming the notebook, and still writes the copy", async () => {
    const spec = { argv: ["node", "-e", "console.error('no tslab here'); process.exit(7)"] };
    const path = join(FIXTURES, "plain.ipynb");
    const r = await runNotebook(path, { spec, outDir: join(ARTIFACTS, "no-start") });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/plain\.ipynb: kernel failed to start \(exit code 7\):\nno tslab here/);
    expect(JSON.parse(readFileSync(r.outPath!, "utf8")).cells[1].outputs).toEqual([]);
  });
});

describe("KernelClient", () => {
  it("starts from the committed kernelspec, answers the heartbeat and shuts down on request", async () => {
    const kernel = await KernelClient.start({ cwd: FIXTURES });
    expect(await kernel.heartbeat(5_000)).toBe(true);
    const outcome = await kernel.execute("console.log(process.cwd())", 30_000);
    expect(outcome.status).toBe("ok");
    expect(outcome.messages[0].content).toMatchObject({
      name: "stdout",
      text: `${join(process.cwd(), FIXTURES)}\n`,
    });
    await kernel.shutdown();
    expect(kernel.exited).toBe("exit code 0");
  }, 120_000);
});
