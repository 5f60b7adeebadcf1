/**
 * Errors as a student should read them: stack frames point at cells and their lines (not at the
 * worker's Blob), and a cell that throws gets one nbformat `error` output shaped as the runner
 * writes tslab's failures: `Name: message`, then `    at cell line N: <that line>`.
 *
 * Example:
 *   const cells = new CellRegistry();
 *   installStackFormat(cells);
 *   errorOutput(cells, new RangeError("bad"), "dl-cell-3.js")
 *   // { output_type: "error", ename: "RangeError", evalue: "bad", traceback: ["RangeError: bad", "    at cell line 2: …"] }
 */
import { inspect } from "node-inspect-extracted";
import type { KernelOutput } from "../protocol";
import type { CellDiagnostic } from "./compiler";
import { notShippedMessage } from "./shipped";

/** A compiled cell, to map its stack frames back to its source. */
export interface RunCell {
  count: number;
  source: string;
  /** The cell line (1-based) of a line (0-based) and column of the code that ran. */
  cellLine(line: number, column: number): number | null;
}

/** Cells that ran in this worker, by the file name their code was evaluated under. */
export class CellRegistry {
  private readonly cells = new Map<string, RunCell>();

  /** Registers a cell; returns the file name to evaluate it under (`//# sourceURL=`). */
  add(cell: RunCell): string {
    const file = `dl-cell-${cell.count}.js`;
    this.cells.set(file, cell);
    return file;
  }

  /** The cell and its line for a position in evaluated code (its line 1 is the wrapper). */
  locate(file: string, line: number, column: number): { cell: RunCell; line: number } | null {
    const cell = this.cells.get(file);
    const at = cell?.cellLine(line - 2, column - 1) ?? null;
    return cell === undefined || at === null ? null : { cell, line: at };
  }
}

interface CallSite {
  getFunctionName(): string | null;
  getTypeName(): string | null;
  getMethodName(): string | null;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
  getScriptNameOrSourceURL(): string | null;
}

/** A frame as text, and where it is when it is in a cell. */
interface Frame {
  text: string;
  inCell: { file: string; cell: RunCell; line: number } | null;
}

function describeFrame(cells: CellRegistry, site: CallSite): Frame {
  const file = site.getScriptNameOrSourceURL() ?? "";
  const located = cells.locate(file, site.getLineNumber() ?? 0, site.getColumnNumber() ?? 0);
  let fn = site.getFunctionName();
  // An arrow function in a cell is named after the eval that made the cell; a cell's own
  // functions are called on the proxy of its names.
  if (located !== null && fn === "eval") fn = null;
  const type = site.getTypeName();
  const qualified = type !== null && !["Object", "Proxy", "global"].includes(type);
  const name = fn === null ? null : qualified ? `${type}.${fn}` : fn;
  if (located !== null) {
    const where = `cell [${located.cell.count}] line ${located.line}`;
    return {
      text: name === null ? `    at ${where}` : `    at ${name} (${where})`,
      inCell: { file, ...located },
    };
  }
  return { text: `    at ${name ?? "<anonymous>"} (dl engine)`, inCell: null };
}

/** The frames up to the last one in a cell (what lies beyond is the kernel's own machinery). */
function userFrames(frames: Frame[]): Frame[] {
  let last = -1;
  frames.forEach((frame, i) => {
    if (frame.inCell !== null) last = i;
  });
  return last < 0 ? frames : frames.slice(0, last + 1);
}

const FRAMES = Symbol("dl-frames");

/** Makes `error.stack` read as Node prints it, with frames in cells (V8's prepareStackTrace). */
export function installStackFormat(cells: CellRegistry): void {
  const ErrorClass = Error as unknown as {
    prepareStackTrace?: (error: Error, sites: CallSite[]) => string;
  };
  ErrorClass.prepareStackTrace = (error, sites) => {
    const frames = userFrames(sites.map((site) => describeFrame(cells, site)));
    try {
      Object.defineProperty(error, FRAMES, { value: frames, enumerable: false });
    } catch {
      // A frozen error: its stack text still names the cells.
    }
    let header: string;
    try {
      header = Error.prototype.toString.call(error);
    } catch {
      header = "Error";
    }
    return [header, ...frames.map((frame) => frame.text)].join("\n");
  };
}

/** The `error` output of a cell (evaluated as `file`) that threw `thrown`. */
export function errorOutput(thrown: unknown, file: string): KernelOutput {
  if (!(thrown instanceof Error)) {
    const type = typeof thrown;
    const kind =
      thrown === null || thrown === undefined
        ? String(thrown)
        : Array.isArray(thrown)
          ? "an array"
          : `${type === "object" ? "an" : "a"} ${type}`;
    const evalue = `${inspect(thrown)} (the cell threw ${kind}, not an Error)`;
    return { output_type: "error", ename: "Uncaught", evalue, traceback: [`Uncaught ${evalue}`] };
  }
  void thrown.stack; // formats the stack, which records the frames
  const frames = (thrown as { [FRAMES]?: Frame[] })[FRAMES] ?? [];
  const ename = typeof thrown.name === "string" && thrown.name !== "" ? thrown.name : "Error";
  const evalue = String(thrown.message);
  // The innermost frame in this cell is "the line in the cell"; the other frames follow it.
  const index = frames.findIndex((frame) => frame.inCell?.file === file);
  const here = index < 0 ? null : frames[index].inCell!;
  const at =
    here === null
      ? []
      : [`    at cell line ${here.line}: ${here.cell.source.split("\n")[here.line - 1].trim()}`];
  const rest = frames.filter((_, i) => i !== index).map((frame) => frame.text);
  return {
    output_type: "error",
    ename,
    evalue,
    traceback: [`${ename}: ${evalue}`, ...at, ...rest],
  };
}

/** The `error` output of a cell with TypeScript errors, as the runner writes tslab's. */
export function diagnosticsOutput(diagnostics: CellDiagnostic[]): KernelOutput {
  const traceback = diagnostics.map((d) => `line ${d.line}:${d.column} - ${d.message}`);
  const missing = diagnostics.find((d) => d.code === 2307);
  const module = missing === undefined ? null : /module '([^']*)'/.exec(missing.message);
  if (module !== null) traceback.push(notShippedMessage(module[1]));
  return {
    output_type: "error",
    ename: "TypeScriptError",
    evalue: diagnostics[0].message,
    traceback,
  };
}
