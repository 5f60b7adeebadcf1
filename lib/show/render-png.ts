/**
 * A PNG copy of a chart's SVG, for the front ends that show neither Vega-Lite nor SVG: Notebook 6
 * with an untrusted notebook (only "safe" types such as image/png are shown), notebook viewers that
 * render PNG only. Rendered in Node by resvg (a Rust SVG renderer shipped as a prebuilt npm
 * package), at 1.5× for sharp text; returns null when resvg is not installed for this platform.
 *
 * Example:
 *   const png = renderPng(renderSvg(dl.plot.line({ loss: [1, 0.5] }))); // base64 or null
 */

interface ResvgModule {
  Resvg: new (
    svg: string,
    options: object,
  ) => {
    render(): { asPng(): Uint8Array };
  };
}

let resvg: ResvgModule | null | undefined;

function loadResvg(): ResvgModule | null {
  if (resvg === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      resvg = require("@resvg/resvg-js") as ResvgModule;
    } catch {
      resvg = null;
    }
  }
  return resvg;
}

/** The SVG as a base64 PNG at `scale` (default 1.5), or null when it cannot be rendered here. */
export function renderPng(svg: string, scale = 1.5): string | null {
  const module = loadResvg();
  if (module === null) return null;
  try {
    const options = {
      fitTo: { mode: "zoom", value: scale },
      background: "white",
      font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
    };
    return Buffer.from(new module.Resvg(svg, options).render().asPng()).toString("base64");
  } catch {
    return null;
  }
}
