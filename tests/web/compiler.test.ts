// The browser kernel's cell compiler against tslab's own converter (tslab/dist/converter.js, run
// here in Node from the notebooks' folder as the kernel runs it): every code cell of every lesson,
// and a table of cells that exercise tslab's rules, compile to the same CommonJS, the same
// declarations for the next cell, the same last-expression variable and the same diagnostics.
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cellSource, type Notebook } from "../../tools/runner";
import { CellCompiler, typescript } from "./kernel-in-node";

interface TslabConverted {
  output?: string;
  declOutput?: string;
  lastExpressionVar?: string;
  hasToplevelAwait?: boolean;
  diagnostics: { start: { line: number; character: number }; messageText: string }[];
}
interface TslabConverter {
  convert(prevDecl: string, src: string): TslabConverted;
  close(): void;
}

const LESSONS = fs
  .readdirSync("notebooks")
  .filter((f) => f.endsWith(".ipynb"))
  .map((f) => path.join("notebooks", f));

/** Cells that exercise tslab's rules (each list runs in one session, in order). */
const RULES: Record<string, string[]> = {
  "redeclaring let, const, function and class in later cells": [
    "let a = 1;\nconst b = 2;\nfunction f() { return a + b; }\nclass C { x = 1 }",
    'let a = "now a string";\nconst b = [1];\nfunction f(n: number) { return n; }\nf(a.length)',
    "class C { y = 2 }\nnew C().y + b[0]",
  ],
  "types, interfaces and enums across cells, one replaced by a value": [
    "type T = { n: number };\ninterface I { s: string }\nenum E { A, B }",
    "const t: T = { n: 1 };\nconst i: I = { s: 'x' };\nE.B",
    "const E = 5;\nlet T: string = 'value named T';\nE + T",
  ],
  "imports: the engine, mathjs, named and namespace, replaced later": [
    'import * as dl from "../dist";\nimport { derivative } from "mathjs";',
    'dl.tensor([1, 2]).sum().item() + derivative("x^2", "x").evaluate({ x: 3 })',
    "const derivative = 1;\nderivative",
  ],
  "top-level await, destructuring, the last expression": [
    "const [p, q] = [1, 2];\nconst { r } = { r: 3 };\nawait Promise.resolve(p + q + r)",
    "for (let i = 0; i < 2; i++) {}\np",
    "const tsLastExpr = 1;\ntsLastExpr + 1",
  ],
  "type errors and syntax errors: same diagnostics, positions in the cell": [
    'import * as dl from "../dist";\nlet n: number = "s";',
    "let x = ;",
    "undefinedName + 1",
    "const s: string = dl.tensor([1]);",
  ],
};

describe("the cell compiler against tslab's converter", () => {
  let tslab: TslabConverter;
  const cwd = process.cwd();

  beforeAll(() => {
    process.chdir(path.join(cwd, "notebooks"));
    const require = createRequire(path.join(cwd, "package.json"));
    const { createConverter } = require("tslab/dist/converter") as {
      createConverter(): TslabConverter;
    };
    tslab = createConverter();
  }, 120_000);
  afterAll(() => {
    tslab?.close();
    process.chdir(cwd);
  });

  /** Both compilers over `cells` in one session each; the differences, as readable lines. */
  function compare(cells: string[]): string[] {
    const ours = new CellCompiler(typescript, { nodePow: false });
    let tslabDecl = "";
    let ourDecl = "";
    const differences: string[] = [];
    cells.forEach((src, i) => {
      const t = tslab.convert(tslabDecl, src);
      const o = ours.compile(ourDecl, src);
      const tDiagnostics = t.diagnostics.map(
        (d) => `${d.start.line + 1}:${d.start.character + 1} - ${d.messageText}`,
      );
      const oDiagnostics = o.diagnostics.map((d) => `${d.line}:${d.column} - ${d.message}`);
      const pairs: [string, unknown, unknown][] = [
        ["diagnostics", tDiagnostics, oDiagnostics],
        ["output", t.output ?? "", o.output],
        ["declarations", t.declOutput ?? "", o.declOutput],
        ["last expression", t.lastExpressionVar, o.lastExpressionVar],
        ["top-level await", t.hasToplevelAwait ?? false, o.hasTopLevelAwait],
      ];
      for (const [what, a, b] of pairs) {
        if (tDiagnostics.length > 0 && what !== "diagnostics") continue;
        if (JSON.stringify(a) !== JSON.stringify(b)) {
          differences.push(
            `cell ${i} ${what}:\n  tslab ${JSON.stringify(a)}\n  ours  ${JSON.stringify(b)}`,
          );
        }
      }
      if (tDiagnostics.length === 0) {
        tslabDecl = t.declOutput ?? "";
        ourDecl = o.declOutput;
      }
    });
    return differences;
  }

  it.each(Object.keys(RULES))(
    "%s",
    (name) => {
      expect(compare(RULES[name])).toEqual([]);
    },
    300_000,
  );

  it.each(LESSONS)(
    "every code cell of %s",
    (file) => {
      const notebook = JSON.parse(fs.readFileSync(path.join(cwd, file), "utf8")) as Notebook;
      const cells = notebook.cells.filter((c) => c.cell_type === "code").map(cellSource);
      expect(compare(cells)).toEqual([]);
    },
    120_000,
  );

  it("rewrites `**` on numbers to Math.pow, and only there (Node's pow in the worker)", () => {
    const c = new CellCompiler(typescript);
    const out = c.compile(
      "",
      "const a = 1.5 ** 3;\nconst b = 2n ** 3n;\nlet x: any = 2;\nx ** 2",
    ).output;
    expect(out).toContain("Math.pow(1.5, 3)");
    expect(out).toContain("2n ** 3n");
    expect(out).toMatch(/exports\.x \*\* 2|x \*\* 2/);
  });
});
