// Builds the runnable page into build/web/page/ with esbuild (run by web/build.mjs, after the
// kernel): course-page.js (a lesson page made runnable: editors, toolbar, outputs, progress,
// window.course; it bundles web/kernel/client.ts), course-index.js (the index's progress, without
// the editor) and course-page.css. Plain IIFE scripts: pages load them with <script src>, which
// works from file://. The exporter copies them into site/assets/ (tools/export/runnable.ts).
import { mkdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import * as esbuild from "esbuild";

const ENTRIES = [
  ["web/page/main.ts", "course-page.js"],
  ["web/page/index-main.ts", "course-index.js"],
  ["web/page/page.css", "course-page.css"],
];

/** Builds build/web/page/; returns each asset's size in bytes. */
export async function build(root) {
  const out = join(root, "build/web/page");
  mkdirSync(out, { recursive: true });
  const sizes = {};
  for (const [entry, name] of ENTRIES) {
    await esbuild.build({
      entryPoints: [join(root, entry)],
      outfile: join(out, name),
      bundle: true,
      minify: true,
      format: entry.endsWith(".ts") ? "iife" : undefined,
      platform: "browser",
      target: ["es2022", "chrome100", "firefox100", "safari15"],
      charset: "ascii",
      legalComments: "eof",
      logLevel: "warning",
    });
    sizes[name] = statSync(join(out, name)).size;
  }
  return sizes;
}

// `node web/page/build.mjs` builds the page alone.
if (
  process.argv[1] !== undefined &&
  resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)
) {
  console.log(await build(resolve(dirname(new URL(import.meta.url).pathname), "..", "..")));
}
