/**
 * A failed cell as an nbformat error. tslab sends no `error` message: a failing cell prints a
 * TypeScript diagnostic (`2:7 - Type 'string' is not assignable…`) or an exception (with the failing
 * line of the compiled cell and tslab's own stack frames) on stderr, and replies status=error.
 */
import type { ExecuteOutcome } from "./kernel";
import type { Output } from "./outputs";

/** A cell's failure: the error output to save, and the message and cell line to report. */
export interface CellError {
  ename: string;
  evalue: string;
  /** 1-based line in the cell, when known. */
  line: number | null;
  traceback: string[];
}

const DIAGNOSTIC = /^(?:\S+ )?(\d+):(\d+) - (.*)$/;
const EXCEPTION = /^([A-Za-z_$][\w$]*)(?: \[[\w]+\])?: (.*)$/;
/** Stack frames of tslab, Node and the compiled cell, which say nothing to a student. */
export const INTERNAL_FRAME =
  /\(node:|at node:|tslab[\\/]dist|start-kernel\.cjs|sigintHandlersWrap|evalmachine\.<anonymous>/;

/** The 1-based cell line whose text is `compiled` (the failing line of the compiled cell), if any. */
function lineInCell(compiled: string, source: string): number | null {
  const wanted = compiled.trim();
  if (wanted === "") return null;
  const lines = source.split("\n");
  const exact = lines.findIndex((line) => line.trim() === wanted);
  if (exact >= 0) return exact + 1;
  const partial = lines.findIndex((line) => line.trim() !== "" && line.includes(wanted));
  return partial >= 0 ? partial + 1 : null;
}

/** Parses tslab's stderr for a failed cell (TypeScript diagnostics or an exception). */
export function parseCellError(stderr: string, source: string): CellError {
  const lines = stderr.split("\n").filter((line) => line.trim() !== "");
  const diagnostics = lines.map((line) => DIAGNOSTIC.exec(line)).filter((m) => m !== null);
  if (diagnostics.length > 0) {
    const [, line, , message] = diagnostics[0];
    const traceback = diagnostics.map(([, l, c, m]) => `line ${l}:${c} - ${m}`);
    return {
      ename: "TypeScriptError",
      evalue: message,
      line: +line,
      traceback,
    };
  }
  const header = /^evalmachine\.<anonymous>:\d+\n(.*)\n\s*\^/m.exec(stderr);
  const line = header === null ? null : lineInCell(header[1], source);
  // The exception's "Name: message" line: the last one before the first stack frame.
  const firstFrame = lines.findIndex((l) => /^\s+at /.test(l));
  const before = firstFrame < 0 ? lines : lines.slice(0, firstFrame);
  const fromEnd = [...before].reverse().findIndex((l) => EXCEPTION.test(l));
  const at = fromEnd < 0 ? -1 : before.length - 1 - fromEnd;
  const [, ename, evalue] =
    at >= 0 ? EXCEPTION.exec(lines[at])! : ["", "Error", lines[0] ?? "the cell failed"];
  const frames = lines.slice(at + 1).filter((l) => /^\s+at /.test(l) && !INTERNAL_FRAME.test(l));
  const where =
    line === null ? [] : [`    at cell line ${line}: ${source.split("\n")[line - 1].trim()}`];
  return { ename, evalue, line, traceback: [`${ename}: ${evalue}`, ...where, ...frames] };
}

/** The error from an execute_reply that carries ename/evalue/traceback (kernels other than tslab). */
export function replyError(reply: Record<string, unknown> | null): CellError | null {
  if (reply === null || typeof reply.ename !== "string") return null;
  const traceback = Array.isArray(reply.traceback) ? reply.traceback.map(String) : [];
  return { ename: reply.ename, evalue: String(reply.evalue ?? ""), line: null, traceback };
}

/** The CellError for an execute outcome, or null when the cell succeeded. */
export function outcomeError(
  outcome: ExecuteOutcome,
  outputs: Output[],
  source: string,
  seconds: number,
): CellError | null {
  if (outcome.status === "ok") return null;
  if (outcome.status === "timeout") {
    return {
      ename: "TimeoutError",
      evalue: `timed out after ${seconds} s`,
      line: null,
      traceback: [],
    };
  }
  if (outcome.status === "died") {
    return {
      ename: "KernelDied",
      evalue: "the kernel died while running this cell",
      line: null,
      traceback: [],
    };
  }
  if (outcome.status === "abort") {
    return { ename: "Aborted", evalue: "the kernel aborted this cell", line: null, traceback: [] };
  }
  const stderr = outputs.flatMap((o) =>
    o.output_type === "stream" && o.name === "stderr" ? [o.text] : [],
  );
  return replyError(outcome.reply) ?? parseCellError(stderr.join(""), source);
}

/** Replaces the cell's stderr (the raw error text) with one nbformat error output. */
export function withErrorOutput(outputs: Output[], error: CellError): Output[] {
  const kept = outputs.filter((o) => !(o.output_type === "stream" && o.name === "stderr"));
  const traceback =
    error.traceback.length > 0 ? error.traceback : [`${error.ename}: ${error.evalue}`];
  return [...kept, { output_type: "error", ename: error.ename, evalue: error.evalue, traceback }];
}
