import { afterEach, describe, expect, it, vi } from "vitest";
import { chart, chartBundle } from "../../lib/show/chart";
import { compactSvg, renderSvg, renderSvgAsync } from "../../lib/show/render-svg";
import { pngSize } from "../../lib/show/display";
import { line } from "../../lib/plot/line";
import { recordDisplays } from "./recorder";

const spec = line({ train: [1, 0.5, 0.25], validation: [1.1, 0.7, 0.6] }, { title: "Loss" });

describe("renderSvg", () => {
  it("renderSvg(spec) is synchronous and equals vega's async toSVG()", async () => {
    expect(renderSvg(spec)).toBe(compactSvg(await renderSvgAsync(spec)));
  });

  it("renderSvg(spec) draws the marks (a line path per series, the title)", () => {
    const svg = renderSvg(spec);
    expect(svg).toMatch(/^<svg/);
    expect(svg.match(/role-mark/g)?.length).toBeGreaterThan(0);
    expect(svg).toContain("Loss");
    expect(svg).toMatch(/<path[^>]*d="M/);
  });
});

describe("chart", () => {
  let restore = (): void => {};
  afterEach(() => restore());

  it("chartBundle(spec) carries the spec, an SVG and the description", () => {
    const bundle = chartBundle(spec);
    expect(bundle["application/vnd.vegalite.v5+json"]).toBe(spec);
    expect(bundle["image/svg+xml"]).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(bundle["text/plain"]).toMatch(/train goes from 1 to 0.25/);
  });

  it("chart(spec) sends ONE display with all four MIME types in a kernel", () => {
    const rec = recordDisplays();
    restore = rec.restore;
    chart(spec, { description: "two falling curves" });
    expect(rec.sent).toHaveLength(1);
    expect(Object.keys(rec.sent[0].data).sort()).toEqual([
      "application/vnd.vegalite.v5+json",
      "image/png",
      "image/svg+xml",
      "text/plain",
    ]);
    expect(rec.sent[0].data["text/plain"]).toBe("two falling curves");
    // the 1.5× PNG is shown at the SVG's size (Notebook 6 reads this metadata)
    const svg = String(rec.sent[0].data["image/svg+xml"]);
    const [, w, h] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!;
    expect(rec.sent[0].metadata).toEqual({ "image/png": { width: Number(w), height: Number(h) } });
  });

  it("pngSize gives no metadata without a PNG or a sized SVG", () => {
    expect(pngSize({ "text/plain": "x" })).toEqual({});
    expect(pngSize({ "image/png": "AA==", "image/svg+xml": "<svg><g/></svg>" })).toEqual({});
    expect(
      pngSize({
        "image/png": "AA==",
        "image/svg+xml": '<svg width="480" height="40.5"><g/></svg>',
      }),
    ).toEqual({ "image/png": { width: 480, height: 40.5 } });
  });

  it("the PNG is the SVG rasterised at 1.5×: a real PNG of the chart's size", () => {
    const bundle = chartBundle(spec);
    const png = Buffer.from(String(bundle["image/png"]), "base64");
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const svgWidth = Number(/<svg[^>]* width="(\d+)"/.exec(String(bundle["image/svg+xml"]))![1]);
    expect(png.readUInt32BE(16)).toBe(Math.round(svgWidth * 1.5));
    expect(chartBundle(spec, { png: false })["image/png"]).toBeUndefined();
  });

  it("chart(spec) prints the description outside a kernel and does not throw", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    chart(spec, { description: "alt text" });
    expect(log).toHaveBeenCalledWith("alt text");
    log.mockRestore();
  });

  it("chartBundle of an invalid spec still gives an SVG naming the problem", () => {
    const bundle = chartBundle({ mark: "nonsense" });
    expect(bundle["image/svg+xml"]).toMatch(/could not be rendered/);
  });
});
