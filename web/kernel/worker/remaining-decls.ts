/**
 * The earlier cells' declarations that a new cell leaves in place (tslab's `remainingDecls`,
 * reproduced rule for rule). A name the new cell declares again as a value drops the old value
 * (`let x`, `function f`, an import); declared again as a type, it drops the old type; a class
 * or enum that loses only its type keeps its value as `let Name: any`.
 *
 * Example (cell 1 `let x = 1; type T = string;`, cell 2 `let x = "a";`):
 *   remainingDecls(ts, checker, cell2, prev)   // "type T = string;\n"
 */
import type * as TS from "typescript-5.0";

type Locals = Map<string, TS.Symbol>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Whether the old declaration of a name survives as a value and as a type. */
function keepOld(ts: typeof TS, checker: TS.TypeChecker, redeclared: TS.Symbol | undefined) {
  const keep = { value: true, type: true };
  if (redeclared === undefined) return keep;
  const symbol =
    redeclared.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(redeclared) : redeclared;
  if (symbol.flags & ts.SymbolFlags.Value) keep.value = false;
  if (symbol.flags & ts.SymbolFlags.Type) keep.type = false;
  return keep;
}

export function remainingDecls(
  ts: typeof TS,
  checker: TS.TypeChecker,
  srcFile: TS.SourceFile,
  declsFile: TS.SourceFile,
): string {
  const oldLocals = (declsFile as unknown as { locals?: Locals }).locals ?? new Map();
  const newLocals = (srcFile as unknown as { locals?: Locals }).locals ?? new Map();
  const keepMap = new Map<TS.Node, Set<string>>();
  const addName = (node: TS.Node, name: string): void => {
    keepMap.set(node, (keepMap.get(node) ?? new Set()).add(name));
  };
  const valueNames = new Set<string>();
  const anyVars = new Set<string>();
  oldLocals.forEach((symbol, name) => {
    const keep = keepOld(ts, checker, newLocals.get(name));
    if (!keep.type && !keep.value) return;
    for (const declaration of symbol.declarations ?? []) {
      let node: TS.Node = declaration;
      while (node.parent !== declsFile) node = node.parent;
      if (ts.isVariableStatement(node)) {
        if (keep.value) {
          addName(node, name);
          anyVars.delete(name);
          valueNames.add(name);
        }
      } else if (ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node)) {
        if (keep.type) addName(node, name);
      } else if (ts.isClassDeclaration(node) || ts.isEnumDeclaration(node)) {
        if (keep.type) {
          if (keep.value) addName(node, name);
        } else if (node.name !== undefined && !valueNames.has(node.name.text)) {
          anyVars.add(node.name.text);
        }
      } else if (ts.isImportDeclaration(node)) {
        keepImport(ts, checker, symbol, keep, { node, name, addName, valueNames, anyVars });
      } else if (ts.isFunctionDeclaration(node)) {
        if (keep.value) addName(node, name);
      }
    }
  });
  const statements = declsFile.statements.filter((statement) => {
    const names = keepMap.get(statement);
    if (names === undefined) return false;
    if (ts.isVariableStatement(statement)) {
      const list = statement.declarationList as Mutable<TS.VariableDeclarationList>;
      list.declarations = ts.factory.createNodeArray(
        list.declarations.filter((d) => ts.isIdentifier(d.name) && names.has(d.name.text)),
      );
    }
    if (ts.isImportDeclaration(statement)) keepNamesInImport(ts, statement, names);
    return true;
  });
  (declsFile as Mutable<TS.SourceFile>).statements = ts.factory.createNodeArray(statements);
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
  const anys = [...anyVars].map((name) => `let ${name}: any;\n`).join("");
  return printer.printFile(declsFile) + anys;
}

/** tslab's rules for an import that the new cell may have partly replaced. */
function keepImport(
  ts: typeof TS,
  checker: TS.TypeChecker,
  symbol: TS.Symbol,
  keep: { value: boolean; type: boolean },
  at: {
    node: TS.Node;
    name: string;
    addName(node: TS.Node, name: string): void;
    valueNames: Set<string>;
    anyVars: Set<string>;
  },
): void {
  if (keep.type && keep.value) {
    at.addName(at.node, at.name);
    return;
  }
  const aliased = checker.getAliasedSymbol(symbol);
  if (!keep.value) {
    // Only the type is kept: drop the import when it brings a value (the new cell replaced it).
    // (tslab tests `aliased.flags && Type` here, true for any symbol: kept as it behaves.)
    if (aliased.flags & ts.SymbolFlags.Value) return;
    if (aliased.flags) at.addName(at.node, at.name);
    return;
  }
  if (aliased.flags & ts.SymbolFlags.Type) {
    const aliasedName = ts.symbolName(aliased);
    if (aliased.flags & ts.SymbolFlags.Value && !at.valueNames.has(aliasedName)) {
      at.anyVars.add(aliasedName);
    }
    return;
  }
  at.addName(at.node, at.name);
}

/** Keeps only `names` in an import's clause (tslab's keepNamesInImport). */
function keepNamesInImport(ts: typeof TS, node: TS.ImportDeclaration, names: Set<string>): void {
  const clause = node.importClause as Mutable<TS.ImportClause> | undefined;
  if (clause === undefined) return;
  if (clause.name !== undefined && !names.has(clause.name.text)) clause.name = undefined;
  const bindings = clause.namedBindings;
  if (bindings !== undefined) {
    if (ts.isNamespaceImport(bindings)) {
      if (!names.has(bindings.name.text)) clause.namedBindings = undefined;
    } else {
      const elements = bindings.elements.filter((e) => names.has(e.name.text));
      if (elements.length > 0) {
        (bindings as Mutable<TS.NamedImports>).elements = ts.factory.createNodeArray(elements);
      } else {
        clause.namedBindings = undefined;
      }
    }
  }
}
