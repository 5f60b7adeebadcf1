/** The browser kernel's stand-in for ./plotly-asset.ts: the page already has plotly.js. */
export function plotlySource(): string | null {
  return null;
}
