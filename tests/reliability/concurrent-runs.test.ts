// Load and determinism of whole lessons: the course's first lesson and its XOR lesson (which
// trains) are run twice at the same time, by two runNotebooks calls into two output folders (four
// kernels in all). Both runs pass, write only into their own folder, and produce the same outputs
// once timings and per-session display ids are masked: no cross-talk, and no run-to-run difference.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatResult, runNotebooks, type NotebookResult } from "../../tools/runner";

const ART = `test-artifacts/reliability-concurrent-${process.pid}`;
const LESSONS = ["notebooks/00-welcome.ipynb", "notebooks/03-xor.ipynb"].filter((p) =>
  existsSync(p),
);

/** The outputs of a run as text, with what may differ between two honest runs masked. */
function maskedOutputs(result: NotebookResult): string {
  const cells = result.executed!.cells.map((c) => ({
    outputs: c.outputs ?? [],
    count: c.execution_count,
  }));
  return (
    JSON.stringify(cells, null, 1)
      .replace(/\b\d+(\.\d+)?(e-?\d+)? ?(ms|s|sec|seconds|µs)\b/g, "<time>")
      .replace(/\b\d+:\d\d\b/g, "<clock>") // the live display's "done in 00:01", "left 00:03"
      .replace(/dl-live-[a-z0-9]+-\d+/g, "<display-id>")
      .replace(/("display_id": )"[^"]*"/g, '$1"<display-id>"')
      .replace(/plotly-[a-z0-9]+-\d+/g, "<plotly-id>")
      // a PNG rasterises its output's SVG (compared above, masked): its pixels hold the live
      // display's "done in 00:01", which the two runs may draw a second apart
      .replace(/("image\/png": )"[^"]*"/g, '$1"<png>"')
  );
}

let first: NotebookResult[];
let second: NotebookResult[];

beforeAll(async () => {
  const run = (name: string) => runNotebooks(LESSONS, { jobs: 2, outDir: join(ART, name) });
  [first, second] = await Promise.all([run("a"), run("b")]);
}, 600_000);

afterAll(() => rmSync(ART, { recursive: true, force: true }));

describe("the course run twice concurrently (2 × 2 kernels)", () => {
  it("every lesson passes in both runs", () => {
    expect(LESSONS.length).toBeGreaterThan(0);
    for (const r of [...first, ...second]) expect(r.ok, formatResult(r)).toBe(true);
  });

  it("each run writes only into its own output folder", () => {
    first.forEach((r, i) => {
      expect(r.outPath).toBe(join(process.cwd(), ART, "a", LESSONS[i]));
      expect(second[i].outPath).toBe(join(process.cwd(), ART, "b", LESSONS[i]));
      expect(JSON.parse(readFileSync(r.outPath!, "utf8"))).toEqual(r.executed);
    });
  });

  it("both runs give identical outputs after masking timings and display ids", () => {
    first.forEach((r, i) => {
      expect(r.cellsRun).toBe(r.codeCells);
      expect(r.executed!.cells.filter((c) => (c.outputs ?? []).length > 0).length).toBeGreaterThan(
        3,
      );
      expect(maskedOutputs(second[i]), LESSONS[i]).toBe(maskedOutputs(r));
    });
  });
});
