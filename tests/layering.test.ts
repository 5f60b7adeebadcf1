// Dependencies in lib/ point one way: a table of the arrows allowed between its layers, checked
// against every import of every file. A file that imports upward (say, lib/train importing
// lib/show, or lib/tensor importing lib/autograd) fails here, naming the file and the import.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..");
const LIB = join(ROOT, "lib");

/**
 * The layers of lib/, bottom first: each may import itself and the layers listed for it.
 * base: errors.ts, rng.ts and text-table.ts at lib/'s root; api: index.ts and train-api.ts, the
 * public names (they wire the notebook's live display into `dl.train.fit`).
 */
const ALLOWED: Record<string, readonly string[]> = {
  base: [],
  kernels: ["base"],
  tensor: ["base", "kernels"],
  autograd: ["base", "kernels", "tensor"],
  nn: ["base", "kernels", "tensor", "autograd"],
  optim: ["base", "tensor", "autograd"],
  data: ["base", "kernels", "tensor"],
  train: ["base", "tensor", "autograd", "nn", "optim", "data"],
  plot: ["base", "kernels", "tensor", "autograd", "nn"],
  show: ["base", "plot", "train"],
  exercises: [
    "base",
    "kernels",
    "tensor",
    "autograd",
    "nn",
    "optim",
    "data",
    "train",
    "plot",
    "show",
  ],
  api: [
    "base",
    "kernels",
    "tensor",
    "autograd",
    "nn",
    "optim",
    "data",
    "train",
    "plot",
    "show",
    "exercises",
  ],
};

/**
 * The one import against the table: a Tensor's chainable methods `backward()`, `zeroGrad()` and
 * `detach()` call autograd (lib/tensor/ops.ts re-exports them for lib/tensor/tensor.ts).
 */
const EXCEPTIONS = new Set(["lib/tensor/ops.ts -> lib/autograd/backward.ts"]);

/** What other layers may import from lib/kernels: the switch, the interface and the sizes. */
const KERNEL_SEAM = new Set([
  "lib/kernels/active.ts",
  "lib/kernels/kernels.ts",
  "lib/kernels/dims.ts",
]);

/** The layer of a file under lib/ (a path relative to the project root). */
export function layerOf(file: string): string {
  const parts = file.split("/");
  if (parts.length === 2) {
    if (["lib/index.ts", "lib/train-api.ts"].includes(file)) return "api";
    return "base";
  }
  return parts[1];
}

/** The relative module specifiers a TypeScript file imports or re-exports (type-only ones too). */
export function importsOf(code: string): string[] {
  const specs: string[] = [];
  const pattern =
    /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g;
  for (const m of code.matchAll(pattern)) specs.push(m[1] ?? m[2] ?? m[3]);
  return specs.filter((s) => s.startsWith("."));
}

/** The lib file a specifier of `from` names (…/x → …/x.ts or …/x/index.ts). */
function target(from: string, spec: string, exists: (f: string) => boolean): string {
  const base = relative(ROOT, resolve(ROOT, dirname(from), spec))
    .split("\\")
    .join("/");
  for (const candidate of [`${base}.ts`, `${base}/index.ts`, base])
    if (exists(candidate)) return candidate;
  return `${base}.ts`;
}

/** Every arrow of `files` (path → code) that the table does not allow, as "from -> to". */
export function violations(files: ReadonlyMap<string, string>): string[] {
  const bad: string[] = [];
  for (const [from, code] of files) {
    const layer = layerOf(from);
    for (const spec of importsOf(code)) {
      const to = target(from, spec, (f) => files.has(f));
      const arrow = `${from} -> ${to}`;
      if (!to.startsWith("lib/") || EXCEPTIONS.has(arrow)) continue;
      const other = layerOf(to);
      const intoKernels = other === "kernels" && layer !== "kernels" && layer !== "api";
      if (intoKernels && !KERNEL_SEAM.has(to)) bad.push(`${arrow} (kernel internals)`);
      else if (other !== layer && !ALLOWED[layer].includes(other))
        bad.push(`${arrow} (${layer} → ${other})`);
      else if (from.startsWith("lib/kernels/reference/") && to.startsWith("lib/kernels/fast/"))
        bad.push(`${arrow} (the reference kernels do not use the fast ones)`);
    }
  }
  return bad;
}

function libFiles(dir = LIB): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) for (const [f, c] of libFiles(full)) files.set(f, c);
    else if (entry.name.endsWith(".ts"))
      files.set(relative(ROOT, full).split("\\").join("/"), readFileSync(full, "utf8"));
  }
  return files;
}

describe("lib/ layering", () => {
  const files = libFiles();

  it("every import in lib/ follows the table of allowed arrows", () => {
    expect(files.size).toBeGreaterThan(100);
    expect(violations(files)).toEqual([]);
  });

  it("every lib folder is a layer of the table", () => {
    const layers = new Set([...files.keys()].map(layerOf));
    expect([...layers].filter((l) => !(l in ALLOWED))).toEqual([]);
  });

  it("the checker catches an upward import, a kernel internal and a cycle's wrong half (negative control)", () => {
    const bad = new Map(files);
    bad.set("lib/train/sneaky.ts", 'import { chart } from "../show/chart";\n');
    bad.set("lib/nn/fast-path.ts", 'import { allocate } from "../kernels/fast/buffer-pool";\n');
    bad.set("lib/tensor/graph-walk.ts", 'export { releaseGraph } from "../autograd/release";\n');
    bad.set("lib/kernels/reference/cheat.ts", 'import type { MicroKernel } from "../fast";\n');
    expect(violations(bad)).toEqual([
      "lib/train/sneaky.ts -> lib/show/chart.ts (train → show)",
      "lib/nn/fast-path.ts -> lib/kernels/fast/buffer-pool.ts (kernel internals)",
      "lib/tensor/graph-walk.ts -> lib/autograd/release.ts (tensor → autograd)",
      "lib/kernels/reference/cheat.ts -> lib/kernels/fast/index.ts (the reference kernels do not use the fast ones)",
    ]);
  });

  it("reads imports, re-exports, type-only imports, dynamic imports and requires", () => {
    const code = [
      'import { a } from "./a";',
      'import type { B } from "../b";',
      'export * from "./c";',
      'export { d } from "./d";',
      "import {\n  e,\n  f,\n} from './single-quoted';",
      'const g = require("./g");',
      'const h = await import("./h");',
      'import { readFileSync } from "node:fs";',
    ].join("\n");
    expect(importsOf(code)).toEqual(["./a", "../b", "./c", "./d", "./single-quoted", "./g", "./h"]);
  });
});

/**
 * Module-level `let`s, the state that outlives a call: allowed in the fast kernels (their pool,
 * scratch and micro-kernel choice), for which kernels run (active.ts), whether ops record
 * (tensor/record.ts's noGrad) and in the displays and exercises on top; nowhere else.
 */
const STATE_ALLOWED = [
  /^lib\/kernels\/fast\//,
  /^lib\/kernels\/active\.ts$/,
  /^lib\/tensor\/record\.ts$/,
  /^lib\/show\//,
  /^lib\/exercises\//,
];

describe("module-level state", () => {
  it("lives only where the table allows it (all kernel state inside lib/kernels/fast)", () => {
    const stateful = [...libFiles()]
      .filter(([, code]) => /^let /m.test(code))
      .map(([file]) => file)
      .filter((file) => !STATE_ALLOWED.some((allowed) => allowed.test(file)));
    expect(stateful).toEqual([]);
  });
});
