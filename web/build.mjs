// Builds the browser side of the course (web/) into build/web/: runs every web/<part>/build.mjs
// (the kernel's, then the page's), each of which exports `build(root)`. Part of `npm run build`.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const web = dirname(fileURLToPath(import.meta.url));
const root = dirname(web);
const parts = readdirSync(web, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(web, entry.name, "build.mjs")))
  .map((entry) => entry.name)
  .sort((a, b) => (a === "kernel" ? -1 : b === "kernel" ? 1 : a.localeCompare(b)));
for (const part of parts) {
  const started = Date.now();
  const { build } = await import(pathToFileURL(join(web, part, "build.mjs")).href);
  await build(root);
  console.log(
    `web/${part}: built into build/web/${part}/ in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
