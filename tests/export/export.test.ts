// exportSite without a browser: which pages an export writes, one lesson or all, student or instructor.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { folderSize } from "../../tools/export/assets";
import { exportSite } from "../../tools/export/export";

const FIXTURES = "tests/fixtures/executed/notebooks";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "export-test-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const read = (dir: string, file: string): string => fs.readFileSync(path.join(dir, file), "utf8");

describe("exportSite(options)", () => {
  it("exportSite({ lessons: [1] }) writes that lesson and an index that links only existing pages", async () => {
    const out = path.join(tmp, "one");
    const result = await exportSite({ input: FIXTURES, output: out, lessons: [1] });
    expect(result.pages).toEqual(["01-charts.html", "index.html"]);
    expect(read(out, "index.html")).not.toContain('href="00-prose-math-text.html"');
    expect(read(out, "index.html")).toContain("Prose, math and text");
    expect(read(out, "01-charts.html")).not.toContain('rel="prev"');
  });

  it("a later export of the other lesson links both, both ways", async () => {
    const out = path.join(tmp, "one");
    await exportSite({ input: FIXTURES, output: out, lessons: ["00-prose-math-text"] });
    expect(read(out, "00-prose-math-text.html")).toContain(
      'rel="next" class="pager-next" href="01-charts.html"',
    );
    expect(read(out, "index.html")).toContain('href="00-prose-math-text.html"');
  });

  it("a student export into a folder that held the instructor edition removes the solutions", async () => {
    const out = path.join(tmp, "editions");
    const instructor = await exportSite({ input: FIXTURES, output: out, instructor: true });
    expect(instructor.pages).toContain("00-prose-math-text-solution.html");
    expect(read(out, "00-prose-math-text.html")).toContain(
      'href="00-prose-math-text-solution.html"',
    );
    const student = await exportSite({ input: FIXTURES, output: out });
    expect(student.pages).not.toContain("00-prose-math-text-solution.html");
    expect(fs.existsSync(path.join(out, "00-prose-math-text-solution.html"))).toBe(false);
    expect(read(out, "00-prose-math-text.html")).not.toMatch(/solution/i);
  });

  it("copies each shared asset once", async () => {
    const out = path.join(tmp, "all");
    const result = await exportSite({ input: FIXTURES, output: out });
    const plotly = fs.statSync(path.join(out, "assets", "plotly.js")).size;
    // The runnable pages' assets (issue 16): the browser kernel, loaded on a page's first run, and
    // the page script with its editor.
    const kernel = folderSize(path.join(out, "assets", "kernel"));
    const page = ["course-page.js", "course-page.css", "course-index.js"]
      .map((f) => fs.statSync(path.join(out, "assets", f)).size)
      .reduce((a, b) => a + b, 0);
    expect(result.siteBytes).toBeLessThan(plotly + kernel + page + 2_500_000);
    expect(
      fs.readdirSync(path.join(out, "assets", "katex", "fonts")).every((f) => f.endsWith(".woff2")),
    ).toBe(true);
  });

  it("each page links its clean notebook, copied into the site; solution pages their solved one", async () => {
    const out = path.join(tmp, "downloads");
    await exportSite({ input: FIXTURES, output: out, instructor: true });
    const lesson = read(out, "00-prose-math-text.html");
    expect(lesson).toContain(
      '<a class="related download" href="notebooks/00-prose-math-text.ipynb" download>Download the notebook (.ipynb)</a>',
    );
    expect(read(out, "00-prose-math-text-solution.html")).toContain(
      'href="notebooks/solutions/00-prose-math-text.ipynb" download>Download the solved notebook (.ipynb)</a>',
    );
    const executed = JSON.parse(read(FIXTURES, "00-prose-math-text.ipynb"));
    const copy = JSON.parse(read(out, "notebooks/00-prose-math-text.ipynb"));
    const code = (nb: { cells: Array<Record<string, unknown>> }) =>
      nb.cells.filter((c) => c.cell_type === "code");
    expect(code(copy).map((c) => [c.outputs, c.execution_count])).toEqual(
      code(executed).map(() => [[], null]),
    );
    expect(copy.cells.map((c: { source: unknown }) => c.source)).toEqual(
      executed.cells.map((c: { source: unknown }) => c.source),
    );
    expect(fs.existsSync(path.join(out, "notebooks/solutions/00-prose-math-text.ipynb"))).toBe(
      true,
    );
    await exportSite({ input: FIXTURES, output: out });
    expect(fs.existsSync(path.join(out, "notebooks/solutions/00-prose-math-text.ipynb"))).toBe(
      false,
    );
  });

  it("landmarks have unique names; each exercise box is named by its own title", async () => {
    const out = path.join(tmp, "landmarks");
    await exportSite({ input: FIXTURES, output: out });
    const page = read(out, "00-prose-math-text.html");
    const names = [...page.matchAll(/<(nav|section)[^>]*aria-label="([^"]*)"/g)].map((m) => m[2]);
    expect(names).toEqual([
      "Table of contents",
      "Lessons, top of the page",
      "Exercise: the weighted sum",
      "Lessons, bottom of the page",
    ]);
    // Untrusted pages run no inline script; eval only where a chart library needs it or a lesson
    // page's kernel (a Worker from a Blob) evaluates the student's cells; no worker on the index.
    const csp = (file: string) =>
      /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(read(out, file))![1];
    expect(csp("00-prose-math-text.html")).toMatch(
      /^default-src 'self' file:; script-src 'self' file: 'unsafe-eval'; .*; worker-src blob:; connect-src 'none'/,
    );
    expect(csp("01-charts.html")).toMatch(/; script-src 'self' file: 'unsafe-eval'; /);
    expect(csp("index.html")).toMatch(
      /^default-src 'self' file:; script-src 'self' file:; .*; worker-src 'none'; connect-src 'none'/,
    );
  });

  it.each([
    [
      { input: path.join(tmp, "nowhere") },
      /no executed notebooks in .*nowhere; run the lessons first/,
    ],
    [{ input: FIXTURES, lessons: [42] }, /no lesson matches \[42\]/],
  ])("exportSite(%j) throws a clear error", async (options, message) => {
    await expect(exportSite({ ...options, output: path.join(tmp, "err") })).rejects.toThrow(
      message,
    );
  });
});
