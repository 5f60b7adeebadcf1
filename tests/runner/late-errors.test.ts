// Errors thrown later by a cell's timers, event handlers and promises, through the real kernel: each
// fails the notebook, blamed on the cell that started it, and shows as an error output in the cell
// where it surfaced. Negative controls: timers that do not throw, and raises-exception cells.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { runNotebooks, type NotebookResult, type Output } from "../../tools/runner";
import { writeNotebook } from "./nbformat";

const ART = `test-artifacts/runner-late-${process.pid}`;
const wait = (ms: number) => `await new Promise((done) => setTimeout(done, ${ms}));`;

const NOTEBOOKS: Record<string, Parameters<typeof writeNotebook>[1]> = {
  timer: [
    'setTimeout(() => { throw new Error("boom later"); }, 1000);\nconsole.log("scheduled");',
    `${wait(4000)}\nconsole.log("waited");`,
    'console.log("never");',
  ],
  rejection: ['Promise.reject(new Error("nobody awaited me"));\nconsole.log("after");', wait(1500)],
  "async-function": [
    'async function load() {\n  await new Promise((done) => setTimeout(done, 100));\n  throw new TypeError("x is not a function");\n}\nload();',
    wait(2000),
  ],
  emitter: [
    'import { EventEmitter } from "events";\nconst bus = new EventEmitter();\nsetTimeout(() => bus.emit("error", new Error("no listener")), 100);',
    wait(2000),
  ],
  "after-stderr": [
    'const timer = setTimeout(() => {\n  console.error("about to fail");\n  throw new Error("after a warning");\n}, 100);',
    wait(2000),
  ],
  "two-at-once": [
    'setTimeout(() => { throw new Error("first"); }, 100);\nsetTimeout(() => { throw new Error("second"); }, 100);',
    wait(2000),
  ],
  "last-cell": [
    'console.log("one");',
    'setTimeout(() => { throw new RangeError("at the end"); }, 0);',
  ],
  expected: [
    {
      source: 'setTimeout(() => { throw new Error("on purpose"); }, 100);',
      tags: ["raises-exception"],
    },
    `${wait(1500)}\nconsole.log("still running");`,
  ],
  clean: [
    'setTimeout(() => console.log("tick"), 100);\nconst caught = Promise.reject(new Error("caught")).catch(() => {});',
    `${wait(1500)}\nconsole.log("done");`,
  ],
};

let results: Record<string, NotebookResult>;
const errorsIn = (name: string, cell: number): Output[] =>
  (results[name].executed!.cells[cell].outputs ?? []).filter((o) => o.output_type === "error");
const textOf = (name: string, cell: number): string =>
  (results[name].executed!.cells[cell].outputs ?? [])
    .map((o) => (o.output_type === "stream" ? o.text : ""))
    .join("");

beforeAll(async () => {
  const names = Object.keys(NOTEBOOKS);
  const paths = names.map((name) => writeNotebook(join(ART, `${name}.ipynb`), NOTEBOOKS[name]));
  const list = await runNotebooks(paths, { jobs: 2, outDir: join(ART, "executed"), timeout: 60 });
  results = Object.fromEntries(names.map((name, i) => [name, list[i]]));
}, 600_000);

afterAll(() => rmSync(ART, { recursive: true, force: true }));

describe("late errors fail the notebook, blamed on the cell that started them", () => {
  it("a timer that throws while the next cell runs", () => {
    const r = results.timer;
    expect(r.ok).toBe(false);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatchObject({ cell: 1, line: null });
    expect(r.failures[0].head).toMatch(/^setTimeout\(\(\) => \{ throw new Error\("boom later"\)/);
    expect(r.failures[0].message).toMatch(
      /^UncaughtError: Error: boom later \(thrown later by a timer, event or promise callback that cell 1 started(; it surfaced during cell 2)?\)$/,
    );
    // It shows where it surfaced (cell 2 here), once, as an error output; the notebook stops there.
    const shown = [0, 1].flatMap((cell) => errorsIn("timer", cell));
    expect(shown).toEqual([
      expect.objectContaining({
        ename: "UncaughtError",
        evalue: expect.stringMatching(/^Error: boom later/),
      }),
    ]);
    expect(JSON.stringify(r.executed)).not.toMatch(/Uncaught error in a timer/); // the raw line is replaced
    expect(r.executed!.cells[2].execution_count).toBeNull();
    expect(textOf("timer", 0)).toBe("scheduled\n");
  });

  it.each([
    [
      "rejection",
      "UnhandledRejection: Error: nobody awaited me (a promise that cell 1 started was rejected and nothing caught it",
    ],
    [
      "async-function",
      "UnhandledRejection: TypeError: x is not a function (a promise that cell 1 started was rejected and nothing caught it",
    ],
    [
      "emitter",
      "UncaughtError: Error: no listener (thrown later by a timer, event or promise callback that cell 1 started",
    ],
  ])("%s", (name, message) => {
    const r = results[name];
    expect(r.ok).toBe(false);
    expect(r.failures.map((f) => [f.cell, f.message.slice(0, message.length)])).toEqual([
      [1, message],
    ]);
  });

  it("an error right after the callback's own stderr line: both kept, the error still found", () => {
    const r = results["after-stderr"];
    expect(r.failures.map((f) => [f.cell, f.message.split(" (")[0]])).toEqual([
      [1, "UncaughtError: Error: after a warning"],
    ]);
    expect([0, 1].map((cell) => textOf("after-stderr", cell)).join("")).toBe("about to fail\n");
  });

  it("two timers that throw in the same turn: two failures, each with its own error", () => {
    const r = results["two-at-once"];
    expect(r.failures.map((f) => [f.cell, f.message.split(" (")[0]])).toEqual([
      [1, "UncaughtError: Error: first"],
      [1, "UncaughtError: Error: second"],
    ]);
    const shown = [0, 1].flatMap((cell) => errorsIn("two-at-once", cell));
    expect(shown.map((o) => (o.output_type === "error" ? o.evalue.split(" (")[0] : ""))).toEqual([
      "Error: first",
      "Error: second",
    ]);
  });

  it("a timer that throws right after the last cell is still caught before the kernel stops", () => {
    const r = results["last-cell"];
    expect(r.ok).toBe(false);
    expect(r.failures.map((f) => f.cell)).toEqual([2]);
    expect(r.failures[0].message).toMatch(/^UncaughtError: RangeError: at the end/);
    expect(errorsIn("last-cell", 1)).toHaveLength(1);
  });
});

describe("negative controls", () => {
  it("a raises-exception cell may leave a throwing timer; the error is still shown", () => {
    const r = results.expected;
    expect(r.failures).toEqual([]);
    expect(r.ok).toBe(true);
    expect(textOf("expected", 1)).toBe("still running\n");
    const shown = [0, 1].flatMap((cell) => errorsIn("expected", cell));
    expect(shown.map((o) => (o.output_type === "error" ? o.ename : ""))).toEqual(["UncaughtError"]);
  });

  it("timers that print and promises that are caught pass, with their output", () => {
    const r = results.clean;
    expect(r.failures).toEqual([]);
    expect(r.ok).toBe(true);
    expect(textOf("clean", 0) + textOf("clean", 1)).toBe("tick\ndone\n");
  });
});
