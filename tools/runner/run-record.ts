/**
 * What a notebook's run keeps of each executed cell until its executed copy is written: the live
 * message list of its execute_request (messages that come after the cell ended keep arriving there),
 * its own failure, and the late errors (tools/runner/late-errors.ts) found in any cell, each blamed
 * on the cell that started it.
 *
 * Example:
 *   record.add(i, outcome, error); failures.push(...record.lateFailures(cells));
 *   … record.fillOutputs(cells); // at the end: outputs in order, late messages included
 */
import { withErrorOutput, type CellError } from "./cell-errors";
import type { ExecuteOutcome } from "./connection";
import { lateErrorOutput, lateErrors } from "./late-errors";
import { cellSource, hasTag, headOf, type Cell } from "./notebook";
import { collectOutputs, type DisplayIndex, type Output } from "./outputs";
import type { CellFailure } from "./run-notebook";
import type { JupyterMessage } from "./wire";

interface ExecutedCell {
  /** Index of the cell in the notebook. */
  index: number;
  messages: JupyterMessage[];
  error: CellError | null;
  /** How many of `messages` lateFailures has looked at. */
  scanned: number;
}

/** A cell's own outputs, for judging how it ended: late errors (another cell's) left out. */
export function ownOutputs(messages: readonly JupyterMessage[]): Output[] {
  const outputs: Output[] = [];
  collectOutputs(messages.flatMap(withoutLateErrors), outputs, new Map());
  return outputs;
}

/** `message` with the late errors it holds cut off: the text before them, if any, else nothing. */
function withoutLateErrors(message: JupyterMessage): JupyterMessage[] {
  const found = lateErrors(message);
  if (found === null) return [message];
  if (found.before === "") return [];
  return [{ ...message, content: { ...message.content, text: found.before } }];
}

/** The executed cells of one notebook's run. */
export class RunRecord {
  private readonly executed: ExecutedCell[] = [];
  /** The current kernel's execution counts → notebook cell indices. */
  private byCount = new Map<number, number>();
  /** The error outputs that each message holding late errors becomes (after the text before them). */
  private readonly late = new Map<JupyterMessage, Output[]>();

  /** Records cell `index`'s execution (its messages stay live) and its own failure, if any. */
  add(index: number, outcome: ExecuteOutcome, error: CellError | null): void {
    this.executed.push({ index, messages: outcome.messages, error, scanned: 0 });
    const count = outcome.reply?.execution_count;
    if (typeof count === "number") this.byCount.set(count, index);
  }

  /** The kernel was restarted: its execution counts start again. */
  newKernel(): void {
    this.byCount = new Map();
  }

  /**
   * A failure for each late error that arrived since the last call, blamed on the cell that started
   * it (else on the cell where it appeared); none when that cell is tagged raises-exception.
   */
  lateFailures(cells: readonly Cell[]): CellFailure[] {
    const failures: CellFailure[] = [];
    for (const cell of this.executed) {
      for (; cell.scanned < cell.messages.length; cell.scanned++) {
        const message = cell.messages[cell.scanned];
        const found = lateErrors(message);
        if (found === null) continue;
        const outputs: Output[] = [];
        for (const late of found.errors) {
          const origin = late.origin === null ? undefined : this.byCount.get(late.origin);
          const output = lateErrorOutput(
            late,
            cell.index + 1,
            origin === undefined ? null : origin + 1,
          );
          outputs.push(output);
          const blamed = origin ?? cell.index;
          if (hasTag(cells[blamed], "raises-exception")) continue;
          failures.push({
            cell: blamed + 1,
            head: headOf(cellSource(cells[blamed])),
            message: `${output.ename}: ${output.evalue}`,
            line: null,
          });
        }
        this.late.set(message, outputs);
      }
    }
    return failures;
  }

  /** Sets every executed cell's outputs: its messages in order, late errors as error outputs. */
  fillOutputs(cells: Cell[]): void {
    const displays: DisplayIndex = new Map();
    for (const cell of this.executed) {
      const outputs: Output[] = [];
      for (const message of cell.messages) {
        const late = this.late.get(message);
        collectOutputs(late ? withoutLateErrors(message) : [message], outputs, displays);
        outputs.push(...(late ?? []));
      }
      const withError = cell.error === null ? outputs : withErrorOutput(outputs, cell.error);
      cells[cell.index] = { ...cells[cell.index], outputs: withError };
    }
  }
}
