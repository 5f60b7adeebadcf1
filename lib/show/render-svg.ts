/**
 * Renders a Vega-Lite spec to an SVG string in Node, synchronously, with vega's headless string
 * renderer. `vega.View.toSVG()` is async; inside tslab a display sent after the cell has finished
 * lands in the wrong cell, so we run the dataflow with `view.run()` (synchronous when the data is
 * inline, as all our specs are) and render the scenegraph at once. Tests compare it with `toSVG()`.
 *
 * Example:
 *   const svg = renderSvg(dl.plot.line({ loss: [1, 0.5, 0.2] })); // "<svg …>…</svg>"
 */
import * as vega from "vega";
import { compile } from "vega-lite";
import type { VegaLiteSpec } from "../plot/spec";
import { ArgumentError, expectOptions } from "../errors";
import { truncate } from "../format-value";

interface HeadlessView {
  padding(): { left: number; right: number; top: number; bottom: number };
  background(): string;
  scenegraph(): { root: unknown };
  _viewWidth: number;
  _viewHeight: number;
  _origin: [number, number];
}

interface StringRenderer {
  initialize(el: null, w: number, h: number, origin: number[], scale: number): StringRenderer;
  background(color: string): StringRenderer;
  render(scene: unknown): StringRenderer;
  svg(): string;
}

/** Compiles Vega-Lite to Vega (throws vega-lite's own error for an invalid spec). */
export function toVega(spec: VegaLiteSpec): vega.Spec {
  try {
    return compile(spec as unknown as Parameters<typeof compile>[0]).spec as vega.Spec;
  } catch (e) {
    const why = truncate(e instanceof Error ? e.message : String(e), 160);
    throw new ArgumentError(`renderSvg: not a valid Vega-Lite spec (${why})`);
  }
}

/** The chart as an SVG document string (white background), rendered synchronously. */
export function renderSvg(spec: VegaLiteSpec): string {
  expectOptions("renderSvg", spec, "spec (a Vega-Lite spec from dl.plot)");
  const view = new vega.View(vega.parse(toVega(spec)), { renderer: "none" });
  try {
    view.run();
    const v = view as unknown as HeadlessView;
    const pad = v.padding();
    const Renderer = (vega as unknown as { SVGStringRenderer: unknown }).SVGStringRenderer as new (
      loader: unknown,
    ) => StringRenderer;
    const renderer = new Renderer(view.loader())
      .initialize(
        null,
        Math.max(0, v._viewWidth + pad.left + pad.right),
        Math.max(0, v._viewHeight + pad.top + pad.bottom),
        [pad.left + v._origin[0], pad.top + v._origin[1]],
        1,
      )
      .background(v.background() ?? "white");
    return compactSvg(renderer.render(v.scenegraph().root).svg());
  } finally {
    view.finalize();
  }
}

/** Rounds coordinates in geometry attributes to 2 decimals (dense charts shrink by half). */
export function compactSvg(svg: string): string {
  return svg.replace(
    / (d|transform|x|y|x1|x2|y1|y2|width|height)="([^"]*)"/g,
    (_, name: string, value: string) => {
      const short = value.replace(/-?\d*\.\d{3,}(e-?\d+)?/g, (n) =>
        String(Math.round(Number(n) * 100) / 100),
      );
      return ` ${name}="${short}"`;
    },
  );
}

/** The same SVG through vega's own async `toSVG()` (the reference the tests compare against). */
export async function renderSvgAsync(spec: VegaLiteSpec): Promise<string> {
  const view = new vega.View(vega.parse(toVega(spec)), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
