/**
 * Solution notebooks from lessons: notebooks/NN-topic.ipynb → notebooks/solutions/NN-topic.ipynb.
 *
 * In every code cell tagged `exercise` with `metadata.course.exercise = "NN-slug"`, each top-level
 * declaration whose name is exported by lib/exercises/solutions/lesson-NN.ts is replaced by the
 * text of that export (found with the TypeScript compiler API; `export` and leading comments
 * dropped). Every code cell's relative string literals "../x" become "../../x" (the solution
 * notebook is one folder deeper), so `import * as dl from "../dist"` becomes "../../dist".
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { type Cell, type Notebook, cellSource } from "../nbformat";

/** One generated solution notebook: where it goes and its exact text. */
export interface GeneratedFile {
  readonly path: string;
  readonly text: string;
}

/** The lessons notebooks/NN-*.ipynb with at least one exercise cell, and their solution text. */
export function generateSolutions(root: string): GeneratedFile[] {
  const dir = path.join(root, "notebooks");
  const lessons = fs
    .readdirSync(dir)
    .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
    .sort();
  const out: GeneratedFile[] = [];
  for (const file of lessons) {
    const notebook = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Notebook;
    if (!notebook.cells.some(isExerciseCell)) continue;
    const solved = solveNotebook(notebook, (lesson) => readSolutions(root, lesson), file);
    out.push({
      path: path.join(dir, "solutions", file),
      text: `${JSON.stringify(solved, null, 1)}\n`,
    });
  }
  return out;
}

/** The exported declarations of lib/exercises/solutions/lesson-NN.ts, by name → source text. */
export function readSolutions(root: string, lesson: string): Map<string, string> {
  const file = path.join(root, "lib", "exercises", "solutions", `lesson-${lesson}.ts`);
  if (!fs.existsSync(file)) throw new Error(`solutions: ${file} does not exist`);
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, "utf8"),
    ts.ScriptTarget.ES2022,
    true,
  );
  const exports = new Map<string, string>();
  for (const statement of source.statements) {
    const isExported =
      ts.canHaveModifiers(statement) &&
      (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!isExported) continue;
    const text = statement.getText(source).replace(/^export\s+/, "");
    for (const name of declaredNames(statement)) exports.set(name, text);
  }
  return exports;
}

/** A copy of `notebook` with exercise declarations replaced and relative paths one level deeper. */
export function solveNotebook(
  notebook: Notebook,
  solutionsOf: (lesson: string) => Map<string, string>,
  label: string,
): Notebook {
  const cells = notebook.cells.map((cell, index) => {
    if (cell.cell_type !== "code") return cell;
    let text = cellSource(cell);
    if (isExerciseCell(cell)) {
      const id = cell.metadata?.course?.exercise as string;
      text = replaceDeclarations(
        text,
        solutionsOf(id.slice(0, 2)),
        `${label} cell ${index + 1} (${id})`,
      );
    }
    text = text.replace(/(["'`])\.\.\//g, "$1../../");
    return { ...cell, source: splitSource(text) };
  });
  return { ...notebook, cells };
}

/** Replaces every top-level declaration of `code` whose name has a solution; throws if none has. */
export function replaceDeclarations(
  code: string,
  solutions: Map<string, string>,
  where: string,
): string {
  const source = ts.createSourceFile("cell.ts", code, ts.ScriptTarget.ES2022, true);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const statement of source.statements) {
    const name = declaredNames(statement).find((n) => solutions.has(n));
    if (name !== undefined) {
      edits.push({
        start: statement.getStart(source),
        end: statement.getEnd(),
        text: solutions.get(name) as string,
      });
    }
  }
  if (edits.length === 0) {
    const names = [...solutions.keys()].join(", ");
    throw new Error(`solutions: ${where} declares none of the solution names (${names})`);
  }
  let result = code;
  for (const edit of edits.reverse()) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

/** The names a top-level statement declares (functions, classes, `const`/`let` variables). */
function declaredNames(statement: ts.Statement): string[] {
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) {
    return statement.name === undefined ? [] : [statement.name.text];
  }
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations
      .map((d) => d.name)
      .filter(ts.isIdentifier)
      .map((n) => n.text);
  }
  return [];
}

function isExerciseCell(cell: Cell): boolean {
  return (
    cell.cell_type === "code" &&
    (cell.metadata?.tags ?? []).includes("exercise") &&
    typeof cell.metadata?.course?.exercise === "string"
  );
}

/** nbformat's line list: every line keeps its "\n" except the last. */
function splitSource(text: string): string[] {
  return text.split(/(?<=\n)/).filter((line) => line !== "");
}
