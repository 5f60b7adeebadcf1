/**
 * The one place that talks to the tslab kernel. A display is a MIME bundle (one output holding the
 * same content in several formats; the front end picks the richest it can show). Outside a kernel
 * (vitest, plain node) it prints the bundle's `text/plain` and never throws.
 *
 * Example:
 *   displayBundle({ "text/html": "<b>hi</b>", "text/plain": "hi" });
 */
import { expectOptions } from "../errors";

import { kernelWriter, type MimeBundle } from "./display-hook";

export type { MimeBundle } from "./display-hook";

/** True when running inside a tslab kernel that can show rich outputs. */
export function isInKernel(): boolean {
  return kernelWriter() !== null;
}

/** Options of `displayBundle`: give a `displayId` to update that output in place later. */
export interface DisplayOptions {
  displayId?: string;
  update?: boolean;
}

/** Sends one output with every format of `bundle`; prints its text/plain outside a kernel. */
export function displayBundle(bundle: MimeBundle, options: DisplayOptions = {}): void {
  expectOptions("displayBundle", bundle, "bundle ({ mime type: data })");
  expectOptions("displayBundle", options);
  const write = kernelWriter();
  if (write === null) {
    const text = bundle["text/plain"];
    console.log(typeof text === "string" ? text : JSON.stringify(text));
    return;
  }
  const transient = options.displayId === undefined ? {} : { display_id: options.displayId };
  write({ data: bundle, metadata: pngSize(bundle), transient }, options.update ?? false);
}

/**
 * Output metadata that shows a chart's PNG at its SVG's size: the PNG is rasterised at 1.5× for
 * sharp text (lib/show/render-png.ts), and Notebook 6 would otherwise show it 1.5× too large.
 * Jupyter reads `metadata["image/png"] = { width, height }` in CSS pixels. Empty without a PNG.
 * Example: pngSize({ "image/png": "…", "image/svg+xml": '<svg width="400" height="300">' })
 *          → { "image/png": { width: 400, height: 300 } }
 */
export function pngSize(bundle: MimeBundle): Record<string, unknown> {
  const svg = bundle["image/svg+xml"];
  if (bundle["image/png"] === undefined || typeof svg !== "string") return {};
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const width = Number(/\swidth="(\d+(?:\.\d+)?)"/.exec(root)?.[1]);
  const height = Number(/\sheight="(\d+(?:\.\d+)?)"/.exec(root)?.[1]);
  if (!(width > 0 && height > 0)) return {};
  return { "image/png": { width, height } };
}
