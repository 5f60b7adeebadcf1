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

  it("copies each shared asset once and takes well under the seconds budget", async () => {
    const out = path.join(tmp, "all");
    const result = await exportSite({ input: FIXTURES, output: out });
    expect(result.seconds).toBeLessThan(10);
    const plotly = fs.statSync(path.join(out, "assets", "plotly.js")).size;
    // the browser kernel's scripts, loaded only when a student runs a cell (web/kernel/README.md)
    const kernel = folderSize(path.join(out, "assets", "kernel"));
    expect(result.siteBytes).toBeLessThan(plotly + kernel + 2_500_000);
    expect(
      fs.readdirSync(path.join(out, "assets", "katex", "fonts")).every((f) => f.endsWith(".woff2")),
    ).toBe(true);
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
