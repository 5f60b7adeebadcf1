/**
 * Compiles one cell as tslab does (tslab/dist/converter.js, reproduced, not copied): the cell is a
 * module (`export {};` is put before it) whose top-level names are all exported; the earlier
 * cells' declarations are a .d.ts beside it that the cell's names resolve through; references to
 * earlier cells' names become `exports.name`; the last expression statement becomes
 * `export const tsLastExpr = …`; the ES module output is then turned into CommonJS. Options are
 * tslab's: TypeScript 5.0, target ES2022, module ESNext → CommonJS, node10 resolution, not strict,
 * no "use strict", declarations emitted for the next cell.
 *
 * Example:
 *   const c = compileCell(ts, host, "", "let x: number = 1;\nx + 1");
 *   // c.output: CommonJS code; c.lastExpressionVar: "tsLastExpr"; c.declOutput: "declare let x: number;\n"
 */
import type * as TS from "typescript-5.0";
import { CellHost, DECL_FILE, ENV_FILE, SRC_FILE } from "./compiler-host";
import { remainingDecls } from "./remaining-decls";
import { decodeMappings, originalLine, type LineMap } from "./source-map";

/** tslab's prefix: it makes the cell a module, so its names stay out of the global scope. */
const SRC_PREFIX = "export {};\n";

/** A TypeScript diagnostic as tslab prints it: 1-based line and column in the cell. */
export interface CellDiagnostic {
  line: number;
  column: number;
  message: string;
  code: number;
}

export interface CompiledCell {
  diagnostics: CellDiagnostic[];
  /** CommonJS code to run as `(function (exports, require) { … })`; "" when nothing runs. */
  output: string;
  /** The declarations the next cell sees (this cell's and the earlier ones it did not replace). */
  declOutput: string;
  hasTopLevelAwait: boolean;
  lastExpressionVar?: string;
  /** The cell line (1-based) of a line (0-based) and column of `output`, when known. */
  cellLine(outputLine: number, column: number): number | null;
}

/** tslab's compiler options (converter.js), for TypeScript 5.0. */
export function cellOptions(ts: typeof TS): TS.CompilerOptions {
  return {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts"],
    types: [],
    declaration: true,
    newLine: ts.NewLineKind.LineFeed,
    noImplicitUseStrict: true,
    ignoreDeprecations: "5.0",
    experimentalDecorators: true,
    resolveJsonModule: true,
    jsx: ts.JsxEmit.React,
    skipLibCheck: true,
    rootDir: "/course/notebooks",
    outDir: "/out",
    sourceMap: true,
  };
}

export class CellCompiler {
  private readonly options: TS.CompilerOptions;
  private readonly host: CellHost;
  private program: TS.Program | undefined;

  /** `nodePow: false` keeps `**` as tslab emits it (for the tests that compare with tslab). */
  constructor(
    private readonly ts: typeof TS,
    private readonly settings: { nodePow: boolean } = { nodePow: true },
  ) {
    this.options = cellOptions(ts);
    this.host = new CellHost(ts, this.options);
  }

  private build(prevDecl: string, src: string): TS.Program {
    this.host.setCell(SRC_PREFIX + prevDecl, SRC_PREFIX + src);
    this.program = this.ts.createProgram(
      [ENV_FILE, DECL_FILE, SRC_FILE],
      this.options,
      this.host,
      this.program,
    );
    return this.program;
  }

  compile(prevDecl: string, src: string): CompiledCell {
    const ts = this.ts;
    let program = this.build(prevDecl, src);
    program.getTypeChecker(); // binds the files: the cell's locals are known from then on
    const locals = localNames(program.getSourceFile(SRC_FILE)!);
    if (locals.size > 0)
      program = this.build(prevDecl, `${src}\nexport {${[...locals].join(", ")}}`);
    const srcFile = program.getSourceFile(SRC_FILE)!;
    const declsFile = program.getSourceFile(DECL_FILE)!;
    // Names the cell does not declare resolve through the earlier cells' declarations.
    (srcFile as { parent?: TS.Node }).parent = declsFile;
    const result: CompiledCell = {
      diagnostics: convertDiagnostics(ts, ts.getPreEmitDiagnostics(program, srcFile)),
      output: "",
      declOutput: "",
      hasTopLevelAwait: hasTopLevelAwait(ts, srcFile),
      cellLine: () => null,
    };
    if (result.diagnostics.length > 0) return result;
    let esm = "";
    let esmMap = "";
    const checker = program.getTypeChecker();
    program.emit(
      srcFile,
      (fileName, data) => {
        if (fileName.endsWith(".d.ts")) result.declOutput = data;
        else if (fileName.endsWith(".js.map")) esmMap = data;
        else if (fileName.endsWith(".js")) esm = data;
      },
      undefined,
      false,
      {
        ...transformers(
          ts,
          checker,
          declsFile,
          locals,
          (name) => (result.lastExpressionVar = name),
        ),
        before: this.settings.nodePow ? [powToMathPow(ts, checker)] : [],
      },
    );
    result.declOutput += remainingDecls(ts, checker, srcFile, declsFile);
    const commonJs = toCommonJs(ts, esm.replace(/\/\/# sourceMappingURL=.*\s*$/, ""));
    result.output = commonJs.code;
    result.cellLine = lineMapper(commonJs.map, esmMap);
    return result;
  }
}

/** The names a cell declares at its top level (the binder's locals of the module). */
function localNames(file: TS.SourceFile): Set<string> {
  const locals = (file as { locals?: Map<string, unknown> }).locals;
  return new Set(locals === undefined ? [] : [...locals.keys()]);
}

/** Diagnostics as tslab reports them: the cell's, one per message of a chain, 1-based positions. */
function convertDiagnostics(ts: typeof TS, input: readonly TS.Diagnostic[]): CellDiagnostic[] {
  const out: CellDiagnostic[] = [];
  for (const d of input) {
    if (d.file?.fileName !== SRC_FILE || d.start === undefined) continue;
    // Line 0 is SRC_PREFIX, so the 0-based line in the file is the 1-based line in the cell.
    const { line, character } = ts.getLineAndCharacterOfPosition(d.file, d.start);
    const walk = (chain: string | TS.DiagnosticMessageChain, code: number): void => {
      if (typeof chain === "string") {
        out.push({ line, column: character + 1, message: chain, code });
        return;
      }
      out.push({ line, column: character + 1, message: chain.messageText, code: chain.code });
      for (const next of chain.next ?? []) walk(next, next.code);
    };
    walk(d.messageText, d.code);
  }
  return out;
}

/** Whether an `await` (or `for await`) sits at the cell's top level, outside any function or class. */
function hasTopLevelAwait(ts: typeof TS, file: TS.SourceFile): boolean {
  const visit = (node: TS.Node): boolean => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node) || ts.isModuleDeclaration(node))
      return false;
    if (ts.isAwaitExpression(node)) return true;
    if (ts.isForOfStatement(node) && node.awaitModifier !== undefined) return true;
    return ts.forEachChild(node, visit) ?? false;
  };
  return file.statements.some(visit);
}

/**
 * tslab's two transforms. After TypeScript's own: references to earlier cells' names become
 * `exports.name`, and the last expression statement becomes `export const tsLastExpr = …`.
 * After the declarations: the `export { … }` lists are dropped (the names stay declared).
 */
function transformers(
  ts: typeof TS,
  checker: TS.TypeChecker,
  declsFile: TS.SourceFile,
  locals: Set<string>,
  setLastExpressionVar: (name: string) => void,
): TS.CustomTransformers {
  const context = (ts as unknown as { nullTransformationContext: TS.TransformationContext })
    .nullTransformationContext;
  const wrapPrevIdentifier = (node: TS.Node): TS.Node => {
    if (!ts.isIdentifier(node)) return ts.visitEachChild(node, wrapPrevIdentifier, context);
    if (node.parent && ts.isPropertyAccessExpression(node.parent) && node.parent.name === node) {
      return node;
    }
    const declarations = checker.getSymbolAtLocation(node)?.declarations ?? [];
    if (!declarations.some((d) => d.getSourceFile() === declsFile)) return node;
    return ts.factory.createPropertyAccessExpression(ts.factory.createIdentifier("exports"), node);
  };
  const lastExpressionVar = (): string => {
    if (!locals.has("tsLastExpr")) return "tsLastExpr";
    for (let i = 0; ; i++) if (!locals.has(`tsLastExpr${i}`)) return `tsLastExpr${i}`;
  };
  const after = (): TS.Transformer<TS.SourceFile> => (file) => {
    file = ts.visitEachChild(file, wrapPrevIdentifier, context);
    const statements = file.statements;
    for (let i = statements.length - 1; i >= 0; i--) {
      const statement = statements[i];
      if (ts.isExportDeclaration(statement)) continue;
      if (!ts.isExpressionStatement(statement)) break;
      const name = lastExpressionVar();
      const declaration = ts.factory.createVariableStatement(
        [ts.factory.createModifier(ts.SyntaxKind.ExportKeyword)],
        ts.factory.createVariableDeclarationList(
          [ts.factory.createVariableDeclaration(name, undefined, undefined, statement.expression)],
          ts.NodeFlags.Const,
        ),
      );
      setLastExpressionVar(name);
      const rewritten = [...statements.slice(0, i), declaration, ...statements.slice(i + 1)];
      return ts.factory.updateSourceFile(file, rewritten);
    }
    return file;
  };
  const afterDeclarations = (): TS.Transformer<TS.SourceFile | TS.Bundle> => (node) => {
    if (!ts.isSourceFile(node)) return node;
    const kept = node.statements.filter((s) => !ts.isExportDeclaration(s));
    return ts.factory.updateSourceFile(node, kept);
  };
  return { after: [after], afterDeclarations: [afterDeclarations] };
}

/**
 * `a ** b` on numbers → `Math.pow(a, b)`: in V8 both are the same pow, but a browser's `**` is
 * its own, while the worker's Math.pow is Node's (./v8-math). Not a tslab transform: it keeps
 * the numbers tslab prints. BigInt powers and untyped operands keep `**`.
 */
function powToMathPow(
  ts: typeof TS,
  checker: TS.TypeChecker,
): TS.TransformerFactory<TS.SourceFile> {
  const isNumber = (node: TS.Node): boolean =>
    (checker.getTypeAtLocation(node).flags & ts.TypeFlags.NumberLike) !== 0;
  return (context) => (file) => {
    const visit = (node: TS.Node): TS.Node => {
      const original = node;
      node = ts.visitEachChild(node, visit, context);
      if (
        ts.isBinaryExpression(node) &&
        ts.isBinaryExpression(original) &&
        node.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken &&
        isNumber(original.left) &&
        isNumber(original.right)
      ) {
        const pow = ts.factory.createPropertyAccessExpression(
          ts.factory.createIdentifier("Math"),
          "pow",
        );
        return ts.factory.createCallExpression(pow, undefined, [node.left, node.right]);
      }
      return node;
    };
    return ts.visitEachChild(file, visit, context);
  };
}

/** tslab's esModuleToCommonJSModule: ES module output → CommonJS, no "use strict". */
function toCommonJs(ts: typeof TS, js: string): { code: string; map: string } {
  const out = ts.transpileModule(js, {
    fileName: "custom.js",
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      esModuleInterop: true,
      target: ts.ScriptTarget.ES2022,
      newLine: ts.NewLineKind.LineFeed,
      noImplicitUseStrict: true,
      ignoreDeprecations: "5.0",
      sourceMap: true,
    },
  });
  return {
    code: out.outputText.replace(/\/\/# sourceMappingURL=.*\s*$/, ""),
    map: out.sourceMapText ?? "",
  };
}

/** Maps a line of the CommonJS output back through the ES module output to the cell. */
function lineMapper(commonJsMap: string, esmMap: string): CompiledCell["cellLine"] {
  const parse = (text: string): LineMap => {
    try {
      return decodeMappings((JSON.parse(text) as { mappings: string }).mappings);
    } catch {
      return [];
    }
  };
  const toEsm = parse(commonJsMap);
  const toCell = parse(esmMap);
  return (line, column) => {
    const esmLine = originalLine(toEsm, line, column);
    if (esmLine === null) return null;
    const cellLine = originalLine(toCell, esmLine, Number.MAX_SAFE_INTEGER);
    // Line 0 of the compiled source is SRC_PREFIX; cell lines are 1-based.
    return cellLine === null || cellLine < 1 ? null : cellLine;
  };
}
