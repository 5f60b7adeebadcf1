// The exporter on malformed executed notebooks (fast-check): any JSON where nbformat expects a
// string, a list, an object or a number, outputs that are not objects, unknown output and cell
// types, specs that are not JSON, images that are not base64. The export never throws a bare
// TypeError or SyntaxError: each bad part is skipped with a warning naming the notebook, the cell
// and the MIME type, the rest is exported, and no page holds anything that runs or loads.
import fc from "fast-check";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderNotebook } from "../../tools/export/cells";
import { exportSite } from "../../tools/export/export";
import { createMarkdownRenderer, type RenderMarkdown } from "../../tools/export/markdown";
import { layout } from "../../tools/export/page";
import { checkNotebook } from "../../tools/export/validate";
import { PNG } from "../export/hostile";
import { unsafeParts } from "../export/page-safety";

const ART = `test-artifacts/reliability-export-fuzz-${process.pid}`;
const FIXTURE = "tests/fixtures/executed/notebooks/00-prose-math-text.ipynb";
afterAll(() => fs.rmSync(ART, { recursive: true, force: true }));

const json = fc.jsonValue({ maxDepth: 3 });
/** Mostly a value of the right type, sometimes any JSON at all. */
const mostly = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: json });
const MIMES = [
  "text/plain",
  "text/html",
  "text/markdown",
  "text/latex",
  "image/png",
  "image/jpeg",
  "image/svg+xml",
  "application/json",
  "application/vnd.vegalite.v5+json",
  "application/vnd.plotly.v1+json",
  "application/x-unknown",
];
/** Values a MIME type may hold: plausible ones, hostile strings, and any JSON. */
const mimeValue = fc.oneof(
  json,
  fc.string(),
  fc.constantFrom(
    PNG,
    `${PNG}"><script>x()</script>`,
    "not base64 !!",
    "<svg><script>x()</script><rect/></svg>",
    '{"mark": "point", "data": {"url": "http://evil.invalid/d.json"}}',
    "{not json",
    '<img src=x onerror="x()"><b>b</b>',
    "$\\frac{1}{$",
  ),
  fc.constant({ mark: "point", data: { values: [{ a: 1 }] } }),
  fc.constant({ data: "not a list" }),
  fc.constant({ data: [{ type: "scatter", y: [1, 2] }], layout: 3 }),
);
const output = fc.oneof(
  { weight: 1, arbitrary: json },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        output_type: mostly(
          fc.constantFrom("stream", "display_data", "execute_result", "error", "bogus"),
        ),
        name: mostly(fc.constantFrom("stdout", "stderr")),
        text: mostly(fc.oneof(fc.string(), fc.array(fc.string()))),
        data: mostly(fc.dictionary(fc.constantFrom(...MIMES), mimeValue, { maxKeys: 4 })),
        metadata: json,
        ename: mostly(fc.string()),
        evalue: mostly(fc.string()),
        traceback: mostly(fc.array(fc.string())),
      },
      { requiredKeys: ["output_type"] },
    ),
  },
);
const cell = fc.oneof(
  { weight: 1, arbitrary: json },
  {
    weight: 5,
    arbitrary: fc.record(
      {
        cell_type: mostly(fc.constantFrom("markdown", "code", "code", "raw")),
        source: mostly(fc.oneof(fc.string(), fc.array(fc.string()))),
        metadata: mostly(fc.record({ tags: mostly(fc.array(fc.string())) })),
        outputs: mostly(fc.array(output, { maxLength: 4 })),
        execution_count: mostly(fc.oneof(fc.nat(), fc.constant(null))),
        attachments: mostly(
          fc.dictionary(
            fc.string(),
            fc.dictionary(fc.constantFrom("image/png", "text/x"), mimeValue),
          ),
        ),
      },
      { requiredKeys: ["cell_type", "source"] },
    ),
  },
);
const notebook = fc.record({
  nbformat: fc.constant(4),
  nbformat_minor: fc.oneof(fc.constant(5), json),
  metadata: mostly(
    fc.record({
      course: mostly(
        fc.record({
          lesson: mostly(fc.nat()),
          title: mostly(fc.string()),
          summary: mostly(fc.string()),
        }),
      ),
    }),
  ),
  cells: fc.array(cell, { maxLength: 8 }),
});

/** "cell 3: …", "cell 3, output 2 (image/png): …", "metadata…", "cell 4: attachment …". */
const WARNING = /^(cell \d+(, output \d+( \([^)]*\))?)?[ :,]|metadata)/;

describe("checkNotebook + renderNotebook on malformed notebooks", () => {
  let markdown: RenderMarkdown;
  beforeAll(async () => {
    markdown = await createMarkdownRenderer();
  });

  it("never throw; warn in the expected form; the page holds nothing that runs or loads", () => {
    fc.assert(
      fc.property(notebook, fc.boolean(), (raw, trusted) => {
        const { notebook: nb, warnings } = checkNotebook(raw, "fuzz.ipynb");
        const rendered = renderNotebook(nb, markdown, { trusted });
        for (const w of [...warnings, ...rendered.warnings]) expect(w).toMatch(WARNING);
        const page = layout({
          kind: "lesson",
          title: String(nb.metadata.course?.title ?? "t"),
          courseTitle: "c",
          body: rendered.html,
          needs: rendered.needs,
          headings: rendered.headings,
          trusted,
        });
        // Trusted HTML outputs are kept as they are by definition; everything else is checked.
        if (!trusted) expect(unsafeParts(page)).toEqual([]);
      }),
      { numRuns: 300, seed: 21 },
    );
  }, 120_000);
});

describe("exportSite with malformed notebooks beside a good one", () => {
  it("exports every page and names the notebook in each warning", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(notebook, { minLength: 1, maxLength: 3 }), async (bad) => {
        const input = fs.mkdtempSync(path.join(`${ART}-`));
        fs.copyFileSync(FIXTURE, path.join(input, "00-good.ipynb"));
        bad.forEach((nb, i) =>
          fs.writeFileSync(path.join(input, `0${i + 1}-bad.ipynb`), JSON.stringify(nb)),
        );
        const result = await exportSite({ input, output: path.join(input, "site") });
        expect(result.pages).toHaveLength(bad.length + 2);
        for (const w of result.warnings)
          expect(w.slice(input.length + 1)).toMatch(/^0[1-3]-bad\.ipynb: /);
        fs.rmSync(input, { recursive: true, force: true });
      }),
      { numRuns: 12, seed: 5 },
    );
  }, 240_000);

  it.each([
    [
      "a vega-lite spec stored as a string that is not JSON",
      { "application/vnd.vegalite.v5+json": "{not json", "image/png": PNG, "text/plain": "c" },
      [
        /^cell 1, output 1 \(application\/vnd\.vegalite\.v5\+json\): the vega-lite spec is a string that is not JSON \(.+\)$/,
      ],
      /<img class="output-image" src="data:image\/png;base64,/,
    ],
    [
      "an image that is not base64, then a text",
      { "image/png": "not base64 !!", "text/plain": "an image" },
      ["cell 1, output 1 (image/png): the image data is not valid base64"],
      /<pre class="output-text">an image<\/pre>/,
    ],
    [
      "a bundle with nothing displayable",
      { "application/x-unknown": 1 },
      ["cell 1, output 1 (application/x-unknown): nothing that can be shown; output skipped"],
      /<div class="cell code-cell" data-cell="\d+"><div class="cell-input">[\s\S]*?<\/pre><\/div><\/div>/,
    ],
  ])("%s: warned, the next representation shown", async (_name, data, expected, shown) => {
    const input = path.join(ART, "one", String(Math.abs(JSON.stringify(data).length)));
    fs.mkdirSync(input, { recursive: true });
    const nb = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [
        {
          cell_type: "code",
          source: "x",
          metadata: {},
          execution_count: 1,
          outputs: [
            { output_type: "display_data", data, metadata: {} },
            { output_type: "stream", name: "stdout", text: 42 },
          ],
        },
      ],
    };
    fs.writeFileSync(path.join(input, "01-one.ipynb"), JSON.stringify(nb));
    const result = await exportSite({ input, output: path.join(input, "site") });
    const file = path.join(input, "01-one.ipynb");
    expect(result.warnings.map((w) => w.replace(`${file}: `, ""))).toEqual([
      "cell 1, output 2 (stream): its text is a number, not a string; skipped",
      ...expected.map((e) => (typeof e === "string" ? e : expect.stringMatching(e))),
    ]);
    expect(fs.readFileSync(path.join(input, "site", "01-one.html"), "utf8")).toMatch(shown);
  });
});
