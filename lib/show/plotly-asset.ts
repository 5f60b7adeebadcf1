/**
 * The plotly.js bundle's source, read from the project's node_modules (never a CDN), for the
 * first Plotly output of a kernel session (./plotly.ts). In the browser kernel the page already
 * has plotly, and ./plotly-asset.browser.ts returns null.
 * Example: plotlySource()?.length   // ≈ 4.8 MB
 */
import { readFileSync } from "node:fs";

export function plotlySource(): string | null {
  return readFileSync(require.resolve("plotly.js-dist-min"), "utf8");
}
