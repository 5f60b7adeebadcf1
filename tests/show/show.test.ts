import { afterEach, describe, expect, it, vi } from "vitest";
import * as show from "../../lib/show";
import { lossSurface } from "../../lib/plot";
import { recordDisplays } from "./recorder";

let restore = (): void => {};
afterEach(() => {
  restore();
  vi.restoreAllMocks();
});
function record() {
  const rec = recordDisplays();
  restore = rec.restore;
  return rec.sent;
}
const surface = lossSurface((a, b) => a * a + b * b, {
  path: [
    [1, 1],
    [0.5, 0.2],
  ],
  resolution: 6,
});

describe("plotly", () => {
  it("the first output of a session embeds the bundle once, marked data-course-asset", () => {
    show.resetPlotlySession();
    const sent = record();
    show.plotly(surface);
    show.plotly(surface);
    const [first, second] = sent.map((s) => s.data["text/html"] as string);
    expect(first.match(/<script data-course-asset="plotly">/g)).toHaveLength(1);
    expect(first.length).toBeGreaterThan(1_000_000);
    expect(second).not.toContain("data-course-asset");
    expect(second).toContain("window.Plotly");
  });

  it("plotly output references no external URL once the asset is removed", () => {
    show.resetPlotlySession();
    const html = show.plotlyBundle(surface)["text/html"] as string;
    const withoutAsset = html.replace(/<script data-course-asset="plotly">[\s\S]*?<\/script>/, "");
    expect(withoutAsset).not.toMatch(/https?:|\/\/cdn|src=/);
  });

  it("plotly bundle carries the figure as JSON, html, SVG and PNG fallbacks and the description", () => {
    const bundle = show.plotlyBundle(surface);
    expect(Object.keys(bundle).sort()).toEqual([
      "application/vnd.plotly.v1+json",
      "image/png",
      "image/svg+xml",
      "text/html",
      "text/plain",
    ]);
    expect(bundle["application/vnd.plotly.v1+json"]).toEqual({
      data: surface.data,
      layout: surface.layout,
    });
    expect(bundle["image/svg+xml"]).toMatch(/^<svg[\s\S]*class="mark-line role-mark/);
    expect(bundle["text/plain"]).toMatch(/loss goes from 2 to 0.29/);
  });

  it("plotly(spec) outside a kernel prints the description and reads no bundle", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    show.plotly(surface);
    expect(log).toHaveBeenCalledWith(surface.description);
  });
});

describe("table, html, markdown, text, error", () => {
  it("table(rows) sends an HTML table and an aligned text table", () => {
    const sent = record();
    show.table(
      [
        { name: "Alice", weight: 133 },
        { name: "Bob", weight: 160.12345 },
      ],
      { title: "People" },
    );
    expect(sent[0].data["text/html"]).toContain("<caption>People</caption>");
    expect(sent[0].data["text/html"]).toContain('<td style="text-align:right">160.1</td>');
    expect(sent[0].data["text/plain"]).toBe(
      "People\nname   weight\n-----  ------\nAlice     133\nBob     160.1",
    );
  });

  it("formatTable(rows) takes rows typed by an interface (no index signature)", () => {
    interface Person {
      name: string;
      weight: number;
    }
    const people: Person[] = [{ name: "Diana", weight: 120 }];
    expect(show.formatTable(people).text).toBe("name   weight\n-----  ------\nDiana     120");
  });

  it("formatTable(columns) equals formatTable(rows)", () => {
    const rows = show.formatTable([
      { a: 1, b: "x" },
      { a: 2, b: "y" },
    ]);
    expect(show.formatTable({ a: [1, 2], b: ["x", "y"] })).toEqual(rows);
  });

  it("html escapes nothing it is given but strips tags for text/plain", () => {
    const sent = record();
    show.html("<b>bold</b> move");
    expect(sent[0].data).toEqual({ "text/html": "<b>bold</b> move", "text/plain": "bold move" });
  });

  it("markdown and text send their own MIME types", () => {
    const sent = record();
    show.markdown("**x**");
    show.text("plain");
    expect(sent.map((s) => Object.keys(s.data))).toEqual([
      ["text/markdown", "text/plain"],
      ["text/plain"],
    ]);
  });

  it("error(e) shows the error's name and escaped message", () => {
    const sent = record();
    show.error(new RangeError("a < b"));
    expect(sent[0].data["text/html"]).toMatch(/RangeError<\/strong>: a &lt; b/);
    expect(sent[0].data["text/plain"]).toBe("RangeError: a < b");
  });

  it.each([
    ["table", () => show.table({ a: [1] })],
    ["html", () => show.html("<i>x</i>")],
    ["markdown", () => show.markdown("# t")],
    ["error", () => show.error("boom")],
  ])("%s works outside a kernel (prints text, does not throw)", (_, call) => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    expect(call).not.toThrow();
    expect(log).toHaveBeenCalledTimes(1);
  });
});
