/**
 * The browser kernel's stand-in for ./render-png.ts: no PNG in the browser (resvg is a native
 * Node addon). Charts go out with their Vega-Lite spec, SVG and text, which the page draws.
 */
export function renderPng(_svg: string, _scale = 1.5): string | null {
  return null;
}
