import { describe, expect, it } from "vitest";
import { compile } from "vega-lite";
import { convolutionSteps } from "../../lib/plot/convolution";
import { renderSvg } from "../../lib/show/render-svg";
import { KERNEL, SOURCE } from "../lecture-convolution";

type Row = { part: string; index: number; value: number };
const rows = (spec: Record<string, unknown>) => (spec.data as { values: Row[] }).values;

describe("convolutionSteps", () => {
  it("convolutionSteps(source, kernel) carries 64 source cells and the 6x6 destination, first value 5", () => {
    const spec = convolutionSteps(SOURCE, KERNEL);
    const dst = rows(spec).filter((r) => r.part === "destination");
    expect(rows(spec).filter((r) => r.part === "source")).toHaveLength(64);
    expect(dst).toHaveLength(36);
    expect(dst[0]).toMatchObject({ index: 0, value: 5 });
    expect(spec.description).toMatch(/first value 5/);
  });

  it.each([
    ["slider", {}],
    ["frames", { mode: "frames" as const, positions: [0, 7, 35] }],
  ])("the %s mode compiles and renders its window and values to SVG", (_, options) => {
    const spec = convolutionSteps(SOURCE, KERNEL, options);
    expect(() => compile(spec as never)).not.toThrow();
    const svg = renderSvg(spec);
    expect(svg).toContain('class="mark-rect role-mark');
    expect(svg).toContain('class="mark-text role-mark');
    expect(svg).toContain("#E69F00");
  });

  it("the slider's param spans every destination position", () => {
    const spec = convolutionSteps(SOURCE, KERNEL, { start: 3 });
    expect(spec.params).toEqual([
      expect.objectContaining({
        name: "position",
        value: 3,
        bind: expect.objectContaining({ min: 0, max: 35 }),
      }),
    ]);
  });

  it.each([
    [
      () => convolutionSteps([[1, 2]], KERNEL),
      /convolutionSteps: kernel \[3, 3\] must .* fit in the source \[1, 2\]/,
    ],
    [
      () => convolutionSteps(SOURCE, KERNEL, { mode: "frames", positions: [36] }),
      /position 36 is not in \[0, 35\]/,
    ],
  ])("rejects bad input with a named message (%#)", (call, message) => {
    expect(call).toThrow(message);
  });
});
