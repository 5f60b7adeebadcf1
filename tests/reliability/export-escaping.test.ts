// The exporter with hostile text (fast-check): every text output is escaped whatever it holds, and
// raw HTML in markdown keeps its formatting but loses scripts and event handlers, as Jupyter's
// sanitiser does. (Fixed examples and the real-browser check: tests/export/render.test.ts, site.test.ts.)
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createMarkdownRenderer, newMarkdownContext } from "../../tools/export/markdown";
import { renderOutputs } from "../../tools/export/outputs";
import type { Output } from "../../tools/runner";

const RUNS = { numRuns: 200, seed: 7 };
const hostile = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.constantFrom(
        "<script>window.x = 1</script>",
        '<img src=x onerror="alert(1)">',
        "</pre><b>out</b>",
        "<iframe src=//evil>",
        "&lt;already&gt; &amp;",
        "\u001b[31mred\u001b[0m",
        "<svg onload=alert(1)>",
      ),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(""));

/** No element that can run code, and no tag at all beyond the output's own wrapper. */
function onlyWrapperTags(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase());
}

describe("exporter: text outputs are escaped whatever they hold", () => {
  it("stream, text/plain results and errors render only their own <pre> wrapper", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const outputs: Output[] = [
          { output_type: "stream", name: "stdout", text },
          {
            output_type: "execute_result",
            data: { "text/plain": text },
            metadata: {},
            execution_count: 1,
          },
          { output_type: "error", ename: "Error", evalue: text, traceback: [text] },
        ];
        const tags = onlyWrapperTags(renderOutputs(outputs).html);
        expect(tags.filter((t) => t !== "pre")).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe("exporter: raw HTML in markdown, as Jupyter handles it", () => {
  let md: (source: string) => string;
  beforeAll(async () => {
    const render = await createMarkdownRenderer();
    md = (source) => render(source, newMarkdownContext());
  });

  it("never keeps a script, an iframe, an event handler or a javascript: link", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const html = md(
          `# Title\n\n${text}\n\n<div onclick="x()">note <a href="javascript:y()">z</a></div>`,
        );
        expect(html).not.toMatch(/<script|<iframe|\son\w+\s*=|javascript:/i);
      }),
      RUNS,
    );
  });

  it("keeps harmless formatting tags (b, em, div) like Jupyter's sanitiser", () => {
    const html = md(
      '<div class="note">A <b>bold</b> and <em>soft</em> note</div>\n<script>x()</script>',
    );
    expect(html).toContain("<b>bold</b>");
    expect(html).toContain("<em>soft</em>");
    expect(html).not.toContain("<script");
  });
});
