// lib is platform-neutral (CONTRIBUTING.md, "Node-only code in lib"): only the adapter files that
// have a *.browser.ts twin touch Node, and each twin exports what its Node side exports.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : entry.name.endsWith(".ts") ? [full] : [];
  });
}

const files = walk("lib");
const twins = files.filter((f) => f.endsWith(".browser.ts"));
const adapters = new Set(twins.map((f) => f.replace(/\.browser\.ts$/, ".ts")));
// the fast kernels' worker-thread entry: Node only, started by thread-pool.ts, imported by nothing
const WORKER_ENTRY = path.join("lib", "kernels", "fast", "thread-worker.ts");
const NODE_ONLY =
  /from "node:|from "(fs|path|zlib|vm|os|child_process)"|require\(|\bBuffer\.|\bprocess\.|__dirname|require\.(cache|resolve)/;

/** The names a file exports (declarations and `export {…}` lists). */
function exportedNames(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const declared = [...text.matchAll(/export (?:async )?(?:function|const|class|let) (\w+)/g)];
  return declared.map((m) => m[1]).sort();
}

describe("lib runs in Node and in the browser kernel's worker", () => {
  it("no lib file outside the adapters uses Node (fs, zlib, vm, require, Buffer, process)", () => {
    const offenders = files.filter(
      (f) =>
        !adapters.has(f) &&
        !twins.includes(f) &&
        f !== WORKER_ENTRY &&
        NODE_ONLY.test(fs.readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("nothing in lib imports the worker threads' entry file (the browser bundle never meets it)", () => {
    const importers = files.filter((f) =>
      /from "\.\/thread-worker"/.test(fs.readFileSync(f, "utf8")),
    );
    expect(importers).toEqual([]);
    expect(fs.existsSync(WORKER_ENTRY)).toBe(true);
  });

  it("the adapters are the six the docs name, each with a browser twin", () => {
    expect([...adapters].sort()).toEqual([
      path.join("lib", "data", "digits-file.ts"),
      path.join("lib", "exercises", "time-limit.ts"),
      path.join("lib", "kernels", "fast", "thread-pool.ts"),
      path.join("lib", "show", "display-hook.ts"),
      path.join("lib", "show", "plotly-asset.ts"),
      path.join("lib", "show", "render-png.ts"),
    ]);
    for (const adapter of adapters) expect(fs.existsSync(adapter), adapter).toBe(true);
  });

  it.each(twins)("%s exports what its Node side exports", (twin) => {
    const node = exportedNames(twin.replace(/\.browser\.ts$/, ".ts"));
    const browser = exportedNames(twin);
    expect(node.filter((name) => !browser.includes(name))).toEqual([]);
  });

  it("the negative control: a Node import outside the adapters is caught", () => {
    expect(NODE_ONLY.test('import { readFileSync } from "node:fs";')).toBe(true);
    expect(NODE_ONLY.test("const b = Buffer.from(s);")).toBe(true);
    expect(NODE_ONLY.test("const t = tensor([1]);")).toBe(false);
  });
});
