// Builds the browser kernel into build/web/kernel/ with esbuild (see README.md):
//   kernel-worker.js      the worker: Node's Math first (worker/install-math.ts), then
//                         web/kernel/worker + the engine (lib/, with its *.browser.ts adapters,
//                         the digits inside) + mathjs + node-inspect-extracted
//   kernel-typescript.js  TypeScript 5.0.4 (tslab's version), minified
//   kernel-types.js       the type files the worker's checker reads: lib.es2022 (TS 5.0.4),
//                         the engine's dist/**/*.d.ts, mathjs's types, cell-env.d.ts
//   client.js             BrowserKernel for pages that do not bundle web/kernel/client.ts
// Each kernel-*.js stores its JavaScript as a string in self.__dlKernelAssets[name] (a worker
// started from a file:// page cannot load files: the page loads them with <script src>).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import * as esbuild from "esbuild";

const REGISTRY = "__dlKernelAssets";

/** JSON with every non-ASCII character escaped (the page may not say its charset). */
function asciiJson(value) {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function writeAsset(out, name, source) {
  const text = `(self.${REGISTRY} = self.${REGISTRY} || {})[${JSON.stringify(name)}] = ${asciiJson(source)};\n`;
  writeFileSync(join(out, name), text);
  return text.length;
}

/** A file `x.browser.ts` beside `x.ts` in lib/ replaces it in the browser (the Node adapters). */
function browserTwins(root) {
  const lib = join(root, "lib");
  return {
    name: "browser-twins",
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (!args.importer.startsWith(lib)) return undefined;
        const twin = `${resolve(args.resolveDir, args.path)}.browser.ts`;
        return existsSync(twin) ? { path: twin } : undefined;
      });
    },
  };
}

/** `import text from "….csv.gz"`: the gunzipped text, inside the bundle. */
const gzippedText = {
  name: "gzipped-text",
  setup(build) {
    build.onLoad({ filter: /\.csv\.gz$/ }, (args) => ({
      contents: gunzipSync(readFileSync(args.path)).toString("utf8"),
      loader: "text",
    }));
  },
};

async function bundle(root, entry, options = {}) {
  const result = await esbuild.build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    charset: "ascii",
    minifyWhitespace: true,
    minifySyntax: true,
    // Class and function names print in outputs (`Tensor {…}`, `ShapeError: …`): keep them.
    keepNames: true,
    // `a ** b` becomes Math.pow(a, b), so that it uses Node's pow as well (worker/v8-math).
    supported: { "exponent-operator": false },
    legalComments: "none",
    logLevel: "warning",
    plugins: [browserTwins(root), gzippedText],
    ...options,
  });
  return result.outputFiles[0].text;
}

/** TypeScript 5.0.4, as `var __dlTypeScript`. */
async function typescript(root) {
  const file = join(root, "node_modules/typescript-5.0/lib/typescript.js");
  const wrapped = `var __dlTypeScript = (function () {\nvar module = undefined;\n${readFileSync(file, "utf8")}\nreturn ts;\n})();\n`;
  const result = await esbuild.transform(wrapped, {
    minify: true,
    charset: "ascii",
    legalComments: "none",
    target: "es2020",
    logLevel: "warning",
  });
  return result.code;
}

/** The files named by `/// <reference lib="…" />` from lib.es2022.d.ts on. */
function libFiles(libFolder) {
  const seen = new Set();
  const visit = (name) => {
    const file = `lib.${name}.d.ts`;
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(libFolder, file), "utf8");
    for (const match of text.matchAll(/\/\/\/\s*<reference\s+lib="([^"]+)"/g)) visit(match[1]);
  };
  visit("es2022");
  return [...seen];
}

function walk(dir, keep) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return walk(full, keep);
    return keep(entry.name) ? [full] : [];
  });
}

/** path in the worker's file system → text (also used by the kernel's tests in Node). */
export function typeFiles(root) {
  const files = {};
  const libFolder = join(root, "node_modules/typescript-5.0/lib");
  for (const name of libFiles(libFolder))
    files[`/lib/${name}`] = readFileSync(join(libFolder, name), "utf8");
  const dist = join(root, "dist");
  for (const file of walk(dist, (name) => name.endsWith(".d.ts"))) {
    files[`/course/dist/${relative(dist, file)}`] = readFileSync(file, "utf8");
  }
  // mathjs's types and the two packages they import, as node10 resolution finds them.
  for (const pkg of ["mathjs", "decimal.js", "fraction.js"]) {
    const folder = join(root, "node_modules", pkg);
    const wanted = (name) => name === "package.json" || /\.d\.(m|c)?ts$/.test(name);
    const top = readdirSync(folder).filter(
      (name) => wanted(name) && statSync(join(folder, name)).isFile(),
    );
    const inTypes = existsSync(join(folder, "types")) ? walk(join(folder, "types"), wanted) : [];
    for (const file of [...top.map((name) => join(folder, name)), ...inTypes]) {
      files[`/course/node_modules/${pkg}/${relative(folder, file)}`] = readFileSync(file, "utf8");
    }
  }
  files["/course/cell-env.d.ts"] = readFileSync(join(root, "web/kernel/cell-env.d.ts"), "utf8");
  return files;
}

export async function build(root) {
  if (!existsSync(join(root, "dist/index.d.ts"))) {
    throw new Error("web/kernel: build the engine first (dist/index.d.ts is missing)");
  }
  const out = join(root, "build/web/kernel");
  mkdirSync(out, { recursive: true });
  const sizes = {};
  const worker = [
    await bundle(root, "web/kernel/worker/install-math.ts"),
    await bundle(root, "web/kernel/worker/main.ts"),
  ].join("\n");
  sizes["kernel-worker.js"] = writeAsset(out, "kernel-worker.js", worker);
  sizes["kernel-typescript.js"] = writeAsset(out, "kernel-typescript.js", await typescript(root));
  const types = `var __dlKernelTypes = ${JSON.stringify(typeFiles(root))};\n`;
  sizes["kernel-types.js"] = writeAsset(out, "kernel-types.js", types);
  const client = await bundle(root, "web/kernel/client.ts", { globalName: "DlKernel" });
  writeFileSync(join(out, "client.js"), client);
  sizes["client.js"] = client.length;
  writeFileSync(join(out, "sizes.json"), `${JSON.stringify(sizes, null, 1)}\n`);
  return sizes;
}

// `node web/kernel/build.mjs` builds the kernel alone.
if (
  process.argv[1] !== undefined &&
  resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)
) {
  const root = resolve(dirname(new URL(import.meta.url).pathname), "..", "..");
  console.log(await build(root));
}
