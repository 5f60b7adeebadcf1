// The runnable page's data, without a browser: the progress record (parse, load, save, corrupted
// entries), the .ipynb that Download writes, nbformat's line lists, and what the exporter embeds
// (safe inside <script> whatever a notebook holds, read back unchanged).
import { describe, expect, it } from "vitest";
import { checkNbformat } from "../../runner/nbformat";
import {
  clearProgress,
  loadProgress,
  parseProgress,
  progressKey,
  saveProgress,
} from "../../../web/page/storage";
import { toIpynb, toLines, type PageNotebook } from "../../../web/page/notebook";
import { shownStream, MAX_STREAM_CHARS } from "../../../web/page/outputs";
import { verdictOf } from "../../../web/page/progress";
import { embeddedLessons, embeddedNotebook, exercisesOf } from "../../../tools/export/runnable";
import type { Notebook } from "../../../tools/export/notebook";

/** localStorage's interface over a Map; `full` makes every write throw as a full storage does. */
function memoryStorage(full = false): Storage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (full) throw new DOMException("quota exceeded", "QuotaExceededError");
      map.set(k, String(v));
    },
    removeItem: (k: string) => void map.delete(k),
  };
}

describe("progress records", () => {
  it("parseProgress(text) reads a version-1 record and drops repeated passes", () => {
    const text = JSON.stringify({ version: 1, edits: { a: "x = 1" }, passed: ["01-a", "01-a"] });
    expect(parseProgress(text)).toEqual({ edits: { a: "x = 1" }, passed: ["01-a"] });
  });

  it.each([
    ["not JSON", "{oops"],
    ["null", "null"],
    ["a number", "5"],
    ["a list", "[]"],
    ["no version", '{"edits":{},"passed":[]}'],
    ["another version", '{"version":2,"edits":{},"passed":[]}'],
    ["edits as a list", '{"version":1,"edits":[],"passed":[]}'],
    ["an edit that is not text", '{"version":1,"edits":{"a":5},"passed":[]}'],
    ["passed as text", '{"version":1,"edits":{},"passed":"01-a"}'],
    ["a pass that is not text", '{"version":1,"edits":{},"passed":[1]}'],
  ])("parseProgress rejects %s", (_, text) => {
    expect(parseProgress(text)).toBeNull();
  });

  it("loadProgress moves an unreadable entry aside and starts afresh", () => {
    const storage = memoryStorage();
    storage.setItem(progressKey("02-perceptron"), "{oops");
    const loaded = loadProgress(storage, "02-perceptron");
    expect(loaded).toEqual({
      progress: { edits: {}, passed: [] },
      problem: "corrupt",
      backupKey: "course-progress-unreadable:02-perceptron",
    });
    expect(storage.getItem("course-progress-unreadable:02-perceptron")).toBe("{oops");
    expect(storage.getItem(progressKey("02-perceptron"))).toBeNull();
  });

  it("saveProgress then loadProgress gives the same record; clearProgress forgets it", () => {
    const storage = memoryStorage();
    const progress = { edits: { c1: "const a = 1;\n</script>" }, passed: ["02-update-rule"] };
    expect(saveProgress(storage, "02-perceptron", progress)).toBe(true);
    expect(loadProgress(storage, "02-perceptron")).toEqual({ progress });
    clearProgress(storage, "02-perceptron");
    expect(loadProgress(storage, "02-perceptron")).toEqual({
      progress: { edits: {}, passed: [] },
    });
  });

  it("a storage that refuses writes, or none at all, is reported and never throws", () => {
    expect(saveProgress(memoryStorage(true), "x", { edits: {}, passed: [] })).toBe(false);
    expect(saveProgress(null, "x", { edits: {}, passed: [] })).toBe(false);
    expect(loadProgress(null, "x").problem).toBe("unavailable");
    expect(() => clearProgress(null, "x")).not.toThrow();
  });
});

describe("verdictOf", () => {
  const bundle = (data: Record<string, unknown>) =>
    ({ output_type: "display_data", data, metadata: {} }) as const;

  it("reads the verdict entry of a display, and nothing else", () => {
    const entry = { exercise: "02-update-rule", status: "passed" };
    expect(verdictOf(bundle({ "application/vnd.course.verdict+json": entry }))).toEqual(entry);
    expect(verdictOf(bundle({ "text/html": '<div class="dl-verdict-passed">' }))).toBeNull();
    expect(verdictOf(bundle({ "application/vnd.course.verdict+json": "passed" }))).toBeNull();
    expect(
      verdictOf(bundle({ "application/vnd.course.verdict+json": { exercise: 1, status: "x" } })),
    ).toBeNull();
    expect(verdictOf({ output_type: "stream", name: "stdout", text: "✓ passed" })).toBeNull();
  });
});

describe("the downloaded notebook", () => {
  const nb: PageNotebook = {
    slug: "02-perceptron",
    kind: "lesson",
    exercises: [],
    nbformat_minor: 5,
    metadata: { course: { lesson: 2, title: "T", summary: "S" } },
    cells: [
      { id: "m1", cell_type: "markdown", source: "# Title\ntext", metadata: {} },
      { id: "c1", cell_type: "code", source: "1 + 1", metadata: { tags: ["exercise"] } },
      { id: "c2", cell_type: "code", source: "2", metadata: {} },
    ],
  };

  it("toLines(text) splits as Jupyter writes, keeping each line's newline", () => {
    expect(toLines("a\nb\n")).toEqual(["a\n", "b\n"]);
    expect(toLines("a\n\nb")).toEqual(["a\n", "\n", "b"]);
    expect(toLines("")).toEqual([]);
    expect(toLines("a\u2028b")).toEqual(["a\u2028b"]);
  });

  it("toIpynb is nbformat 4.5 with the course's kernelspec, the current sources and this session's outputs", () => {
    const out = toIpynb(nb, [
      {
        source: "1 + 2\n",
        executionCount: 3,
        outputs: [
          { output_type: "stream", name: "stdout", text: "3\n" },
          {
            output_type: "display_data",
            data: { "text/plain": "a\nb", "application/json": { x: 1 } },
            metadata: {},
            transient: { display_id: "d" },
          },
          {
            output_type: "update_display_data",
            data: {},
            metadata: {},
            transient: { display_id: "d" },
          },
          { output_type: "error", ename: "Error", evalue: "e", traceback: ["Error: e"] },
        ],
      },
      { source: "2", executionCount: null, outputs: [] },
    ]) as { cells: Record<string, unknown>[]; metadata: Record<string, unknown> };
    expect(checkNbformat(out)).toEqual([]);
    expect(out.metadata.kernelspec).toEqual({
      name: "tslab",
      display_name: "TypeScript (course, tslab)",
      language: "typescript",
    });
    expect(out.metadata.course).toEqual(nb.metadata.course);
    expect(out.cells[0]).toEqual({
      id: "m1",
      cell_type: "markdown",
      metadata: {},
      source: ["# Title\n", "text"],
    });
    expect(out.cells[1]).toEqual({
      id: "c1",
      cell_type: "code",
      metadata: { tags: ["exercise"] },
      execution_count: 3,
      source: ["1 + 2\n"],
      outputs: [
        { output_type: "stream", name: "stdout", text: ["3\n"] },
        {
          output_type: "display_data",
          data: { "text/plain": ["a\n", "b"], "application/json": { x: 1 } },
          metadata: {},
        },
        { output_type: "error", ename: "Error", evalue: "e", traceback: ["Error: e"] },
      ],
    });
    expect(out.cells[2]).toMatchObject({ execution_count: null, outputs: [], source: ["2"] });
  });
});

describe("shownStream", () => {
  it("applies carriage returns and strips colours, as the exporter shows streams", () => {
    expect(shownStream("10%\r50%\r100%\n\u001b[31mred\u001b[0m\n")).toBe("100%\nred\n");
  });

  it("cuts a huge print and says how much was left out", () => {
    const shown = shownStream("x".repeat(MAX_STREAM_CHARS + 1234));
    expect(shown.startsWith("x".repeat(MAX_STREAM_CHARS))).toBe(true);
    expect(shown).toMatch(/… 1,234 more characters not shown/);
  });
});

describe("what the exporter embeds for the runnable page", () => {
  const hostile = "</script><script>alert(1)</script><!-- <script> \u2028\u2029 ]]>";
  const nb: Notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { course: { lesson: 9, title: hostile, summary: "" } },
    cells: [
      { id: "m", cell_type: "markdown", source: [hostile, "\n"], metadata: {} },
      {
        id: "c",
        cell_type: "code",
        source: `// ${hostile}\n1`,
        metadata: { course: { exercise: "09-a" } },
        outputs: [{ output_type: "stream", name: "stdout", text: "not embedded" }],
      },
      { cell_type: "code", source: "2", metadata: { course: { exercise: "09-a" } } },
      { id: "c", cell_type: "code", source: "3", metadata: { course: { exercise: "09-b" } } },
    ],
  };

  it("embeddedNotebook is one <script> element whose text reads back unchanged", () => {
    const html = embeddedNotebook(nb, "09-x", "lesson");
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html).not.toMatch(/<!--|\u2028|\u2029/);
    const json = html.replace(/^<script type="application\/json" id="course-notebook">/, "");
    const data = JSON.parse(json.replace(/<\/script>$/, ""));
    expect(data.slug).toBe("09-x");
    expect(data.kind).toBe("lesson");
    expect(data.exercises).toEqual(["09-a", "09-b"]);
    expect(data.metadata.course.title).toBe(hostile);
    expect(data.cells.map((c: { source: string }) => c.source)).toEqual([
      `${hostile}\n`,
      `// ${hostile}\n1`,
      "2",
      "3",
    ]);
    // A missing or repeated id becomes cell-N, so that ids stay unique (nbformat 4.5).
    expect(data.cells.map((c: { id: string }) => c.id)).toEqual(["m", "c", "cell-2", "cell-3"]);
    expect(JSON.stringify(data)).not.toContain("not embedded");
  });

  it("exercisesOf lists the code cells' exercise ids once each, in order", () => {
    expect(exercisesOf(nb)).toEqual(["09-a", "09-b"]);
  });

  it("embeddedLessons lists each lesson's slug and exercises, safely", () => {
    const html = embeddedLessons([
      {
        slug: "09-x",
        file: "f",
        course: { lesson: 9, title: "t", summary: "" },
        notebook: nb,
        raw: {},
        warnings: [],
      },
    ]);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    const json = html.replace(/^<script[^>]*>/, "").replace(/<\/script>$/, "");
    expect(JSON.parse(json)).toEqual([{ slug: "09-x", exercises: ["09-a", "09-b"] }]);
  });
});
