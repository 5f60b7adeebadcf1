import { describe, expect, it } from "vitest";
import { CellCompiler, typescript } from "./kernel-in-node";

describe("CellCompiler", () => {
  it("compiles an import, then a cell that uses it", () => {
    const c = new CellCompiler(typescript);
    const a = c.compile("", 'import * as dl from "../dist";');
    expect(a.diagnostics).toEqual([]);
    expect(a.declOutput).toBe('import * as dl from "../dist";\n');
    const b = c.compile(a.declOutput, "const x = dl.tensor([[1, 2], [3, 4]]);\nx");
    expect(b.diagnostics).toEqual([]);
    expect(b.lastExpressionVar).toBe("tsLastExpr");
  });
});
