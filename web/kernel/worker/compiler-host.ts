/**
 * TypeScript's view of the worker: an in-memory file system holding the type files shipped in
 * kernel-types.js (TypeScript 5.0's lib.es2022, the engine's dist/*.d.ts, mathjs's types and
 * cell-env.d.ts, the globals a cell has here) plus the cell being compiled and the declarations of
 * earlier cells. Parsed type files are kept across cells, as tslab's watch program keeps them.
 *
 * Example:
 *   const host = new CellHost(ts, options);
 *   host.setCell(prevDecl, src); ts.createProgram(ROOTS, options, host);
 */
import type * as TS from "typescript-5.0";
import { SHIPPED_TYPES, shippedName } from "./shipped";

/** The folder of the notebook (tslab's cwd and rootDir). */
export const CWD = "/course/notebooks";
/** The cell (tslab's __tslab__.ts) and the declarations of earlier cells (tslab's __prev__.d.ts). */
export const SRC_FILE = `${CWD}/__tslab__.ts`;
export const DECL_FILE = `${CWD}/__prev__.d.ts`;
/** The globals a cell has in the worker (console, timers, process, require…). */
export const ENV_FILE = "/course/cell-env.d.ts";
export const LIB_FOLDER = "/lib";

/** The type files shipped with the kernel: path → text (kernel-types.js). */
declare const __dlKernelTypes: Record<string, string> | undefined;

export function shippedTypes(): Record<string, string> {
  if (typeof __dlKernelTypes === "undefined") {
    throw new Error("the kernel's type files (kernel-types.js) were not loaded");
  }
  return __dlKernelTypes;
}

export class CellHost implements TS.CompilerHost {
  private readonly files: Record<string, string>;
  private readonly directories = new Set<string>([CWD]);
  private readonly parsed = new Map<string, TS.SourceFile>();
  private cell: Record<string, string> = {};

  constructor(
    private readonly ts: typeof TS,
    private readonly options: TS.CompilerOptions,
  ) {
    this.files = shippedTypes();
    for (const name of Object.keys(this.files)) {
      for (let at = name.lastIndexOf("/"); at > 0; at = name.lastIndexOf("/", at - 1)) {
        this.directories.add(name.slice(0, at));
      }
    }
  }

  /** The contents of the cell and of the earlier cells' declarations, for the next program. */
  setCell(declText: string, srcText: string): void {
    this.cell = { [DECL_FILE]: declText, [SRC_FILE]: srcText };
  }

  getSourceFile(fileName: string, languageVersion: TS.ScriptTarget): TS.SourceFile | undefined {
    const cellText = this.cell[fileName];
    if (cellText !== undefined) {
      return this.ts.createSourceFile(fileName, cellText, languageVersion, true);
    }
    let file = this.parsed.get(fileName);
    if (file === undefined) {
      const text = this.files[fileName];
      if (text === undefined) return undefined;
      file = this.ts.createSourceFile(fileName, text, languageVersion, false);
      this.parsed.set(fileName, file);
    }
    return file;
  }

  getDefaultLibFileName(): string {
    return `${LIB_FOLDER}/lib.es2022.d.ts`;
  }
  getDefaultLibLocation(): string {
    return LIB_FOLDER;
  }
  writeFile(): void {
    throw new Error("writeFile must not be called");
  }
  getCurrentDirectory(): string {
    return CWD;
  }
  getDirectories(): string[] {
    return [];
  }
  getCanonicalFileName(fileName: string): string {
    return fileName;
  }
  useCaseSensitiveFileNames(): boolean {
    return true;
  }
  getNewLine(): string {
    return "\n";
  }
  fileExists(fileName: string): boolean {
    return fileName in this.cell || fileName in this.files;
  }
  readFile(fileName: string): string | undefined {
    return this.cell[fileName] ?? this.files[fileName];
  }
  directoryExists(directory: string): boolean {
    return this.directories.has(directory.replace(/\/$/, ""));
  }

  /**
   * A cell (and the declarations of earlier cells) can import the shipped modules only; inside
   * the shipped type files, imports resolve as in Node (node10, as tslab resolves them).
   */
  resolveModuleNames(names: string[], containingFile: string): (TS.ResolvedModule | undefined)[] {
    return names.map((name) => {
      if (containingFile === SRC_FILE || containingFile === DECL_FILE) {
        const shipped = shippedName(name);
        return shipped === null ? undefined : { resolvedFileName: SHIPPED_TYPES[shipped] };
      }
      return this.ts.resolveModuleName(name, containingFile, this.options, this).resolvedModule;
    });
  }
}
