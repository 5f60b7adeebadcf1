// The site's shared assets, copied ONCE into site/assets from node_modules and tools/export/static:
// KaTeX's stylesheet and fonts, the plotly bundle, vega / vega-lite / vega-embed browser builds,
// the page stylesheet (code colours included), the page script, and the browser kernel's scripts
// (assets/kernel/).
import * as fs from "node:fs";
import * as path from "node:path";
import { copyPageAssets } from "./runnable";

/** The project's root: the nearest folder above this file holding tools/export/static. */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, "tools", "export", "static"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`export: cannot find the project root above ${from}`);
    dir = parent;
  }
  return dir;
}

/** [source relative to the project root, destination relative to site/assets]. */
const FILES: Array<[string, string]> = [
  ["node_modules/katex/dist/katex.min.css", "katex/katex.min.css"],
  ["node_modules/plotly.js-dist-min/plotly.min.js", "plotly.js"],
  ["node_modules/vega/build/vega.min.js", "vega.min.js"],
  ["node_modules/vega-lite/build/vega-lite.min.js", "vega-lite.min.js"],
  ["node_modules/vega-embed/build/vega-embed.min.js", "vega-embed.min.js"],
  ["tools/export/static/site.js", "site.js"],
];

/** The page stylesheet's parts, in order, joined into assets/site.css. */
const STYLESHEETS = ["layout.css", "content.css", "code.css"];

/**
 * Copies the shared assets into `assetsDir` and returns the number of bytes written. KaTeX's fonts are
 * copied as woff2 only: its stylesheet lists woff2 first, and every current browser reads it.
 * Example: `copyAssets("site/assets")`.
 */
export function copyAssets(assetsDir: string, root: string = projectRoot()): number {
  let bytes = 0;
  const copy = (from: string, to: string): void => {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    bytes += fs.statSync(to).size;
  };
  for (const [from, to] of FILES) copy(path.join(root, from), path.join(assetsDir, to));
  // The page stylesheet is kept in two files for reading, and served as one.
  const css = STYLESHEETS.map((f) =>
    fs.readFileSync(path.join(root, "tools/export/static", f), "utf8"),
  );
  fs.writeFileSync(path.join(assetsDir, "site.css"), css.join("\n"));
  bytes += fs.statSync(path.join(assetsDir, "site.css")).size;
  const fonts = path.join(root, "node_modules/katex/dist/fonts");
  for (const font of fs.readdirSync(fonts).filter((f) => f.endsWith(".woff2"))) {
    copy(path.join(fonts, font), path.join(assetsDir, "katex", "fonts", font));
  }
  // The browser kernel (web/kernel/README.md), built by `npm run build` into build/web/kernel.
  const kernel = path.join(root, "build/web/kernel");
  for (const file of fs.existsSync(kernel) ? fs.readdirSync(kernel) : []) {
    if (file.endsWith(".js")) copy(path.join(kernel, file), path.join(assetsDir, "kernel", file));
  }
  return bytes + copyPageAssets(assetsDir, root);
}

/** Total size in bytes of every file under `dir`. */
export function folderSize(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const full = path.join(dir, entry.name);
    return sum + (entry.isDirectory() ? folderSize(full) : fs.statSync(full).size);
  }, 0);
}
