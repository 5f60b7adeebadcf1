import { describe, expect, it } from "vitest";
import { compile } from "vega-lite";
import { beside } from "../../lib/plot/beside";
import { heatmap } from "../../lib/plot/heatmap";
import { renderSvg } from "../../lib/show/render-svg";

describe("beside", () => {
  it("beside([a, b]) concatenates without inner $schema/config, colours independent", () => {
    const spec = beside([heatmap([[1, 2]], { title: "a" }), heatmap([[-3, 4]], { title: "b" })]);
    const parts = spec.hconcat as Record<string, unknown>[];
    expect(parts).toHaveLength(2);
    for (const p of parts) {
      expect(p.$schema).toBeUndefined();
      expect(p.config).toBeUndefined();
    }
    expect(spec.resolve).toEqual({ scale: { color: "independent" } });
    expect(spec.description).toMatch(/Heatmap of a 1×2 matrix.*beside it.*Heatmap/);
    expect(() => compile(spec as never)).not.toThrow();
    expect(renderSvg(spec)).toContain('class="mark-rect role-mark');
  });

  it.each([[[]], [undefined]])("beside(%j) throws ArgumentError", (specs) => {
    expect(() => beside(specs as never)).toThrow(/beside: expected a non-empty array/);
  });
});
