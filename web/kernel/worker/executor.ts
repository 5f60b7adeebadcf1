/**
 * Runs cells as tslab's executor does (tslab/dist/executor.js, reproduced): each compiled cell is
 * evaluated as `(function (exports, require) { … })` (async when it awaits at its top level) with
 * ONE `exports` object shared by every cell, which holds the cells' top-level names; after a
 * cell succeeds its declarations become the next cell's, and the value of its last expression,
 * unless null or undefined, is printed with console.log.
 *
 * Example:
 *   const ex = new Executor(console);
 *   await ex.execute("const a = 2;", emit);   // "ok"
 *   await ex.execute("a * 21", emit);         // "ok", prints 42
 */
import type * as TS from "typescript-5.0";
import type { KernelOutput } from "../protocol";
import { CellCompiler } from "./compiler";
import { CellRegistry, diagnosticsOutput, errorOutput, installStackFormat } from "./errors";
import { cellRequire } from "./modules";

/** The TypeScript compiler, defined by kernel-typescript.js before this script in the Blob. */
declare const __dlTypeScript: typeof TS | undefined;

/**
 * tslab's `exports`: a named import compiles to Object.defineProperty with a getter; storing the
 * value instead keeps every name rewritable by a later cell.
 */
function createExports(): Record<string, unknown> {
  const names: Record<string, unknown> = {};
  return new Proxy(names, {
    defineProperty(_target, name, attributes) {
      if (name === "__esModule") return true;
      names[name as string] = attributes.get ? attributes.get() : attributes.value;
      return true;
    },
  });
}

const WARM_UP_CELL = 'import * as dl from "../dist";\nimport * as math from "mathjs";\n[dl, math];';

export class Executor {
  /** Every cell's top-level names (tslab's `locals`). */
  readonly exports = createExports();
  readonly cells = new CellRegistry();
  private prevDecl = "";
  private count = 0;
  private compiler: CellCompiler | null = null;

  constructor(private readonly console: { log(...args: unknown[]): void }) {
    installStackFormat(this.cells);
  }

  async execute(code: string, emit: (output: KernelOutput) => void): Promise<"ok" | "error"> {
    const count = ++this.count;
    const compiled = this.cellCompiler().compile(this.prevDecl, code);
    if (compiled.diagnostics.length > 0) {
      emit(diagnosticsOutput(compiled.diagnostics));
      return "error";
    }
    if (compiled.output === "") {
      this.prevDecl = compiled.declOutput;
      return "ok";
    }
    const file = this.cells.add({ count, source: code, cellLine: compiled.cellLine });
    const kind = compiled.hasTopLevelAwait ? "async function" : "function";
    const wrapped = `(${kind} (exports, require) {\n${compiled.output}\n})\n//# sourceURL=${file}`;
    try {
      // Indirect eval: the cell runs in the global scope, not strict, as tslab's vm does.
      const run = (0, eval)(wrapped) as (exports: object, require: unknown) => unknown;
      const result = run(this.exports, cellRequire);
      if (compiled.hasTopLevelAwait) await result;
    } catch (error) {
      emit(errorOutput(error, file));
      return "error";
    }
    this.prevDecl = compiled.declOutput;
    const name = compiled.lastExpressionVar;
    if (name !== undefined && this.exports[name] != null) {
      const value = this.exports[name];
      delete this.exports[name];
      this.console.log(value);
    }
    return "ok";
  }

  /**
   * Compiles (never runs) an import of the engine and mathjs, so that TypeScript has read and bound
   * the type files before the first cell: the page's cell limit then counts the cell's own work,
   * not the seconds a fresh worker spends on them (more on a slow or busy machine). Whatever fails
   * here fails again, with its message, when the first cell compiles.
   */
  warmUp(): void {
    try {
      this.cellCompiler().compile("", WARM_UP_CELL);
    } catch {
      // reported by the first execute
    }
  }

  private cellCompiler(): CellCompiler {
    if (this.compiler === null) {
      if (typeof __dlTypeScript === "undefined") {
        throw new Error("the TypeScript compiler (kernel-typescript.js) was not loaded");
      }
      this.compiler = new CellCompiler(__dlTypeScript);
    }
    return this.compiler;
  }
}
