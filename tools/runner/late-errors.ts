/**
 * Errors that a cell's code throws later, from a timer, an event handler or a promise nobody awaited.
 * The kernel prints them on stderr into whichever cell is current when they happen; the course's
 * kernel labels each with the execution that started it (jupyter/kernels/tslab/start-kernel.cjs):
 *
 *   Uncaught error in a timer, event or promise callback started by In [3]: Error: boom
 *       at Timeout._onTimeout (evalmachine.<anonymous>:2:9)
 *   Unhandled promise rejection started by In [3]: Error: nobody awaited me
 *
 * and plain tslab prints `UncaughtException: …` / `UnhandledPromiseRejection: …` without a label.
 * The runner turns each into an nbformat error output in the cell where it appeared and fails the
 * notebook, naming the cell that started it when known.
 *
 * Example:
 *   lateErrors(stderr("Unhandled promise rejection started by In [3]: Error: x\n"))
 *   // { before: "", errors: [{ kind: "UnhandledRejection", origin: 3, thrown: "Error: x", stack: [] }] }
 */
import { INTERNAL_FRAME } from "./cell-errors";
import type { JupyterMessage } from "./wire";

/** One late error: the execution count that started it (null when unknown) and what was thrown. */
export interface LateError {
  kind: "UncaughtError" | "UnhandledRejection";
  /** The kernel's execution count of the cell whose code started it, when the kernel says. */
  origin: number | null;
  /** The first line of what was thrown ("Error: boom"). */
  thrown: string;
  /** The remaining lines (the stack), as printed. */
  stack: string[];
}

/** The start of a late error's line: the course kernel's label (group 1, origin in 2) or tslab's (3). */
const LABEL =
  /^(?:(Uncaught error in a timer, event or promise callback|Unhandled promise rejection) (?:started by In \[(\d+)\]|from outside any cell)|(UncaughtException|UnhandledPromiseRejection)): /gm;

/** One stderr stream message that holds late errors: the text before the first, and each of them. */
export interface LateStream {
  /** What the cell's own code printed before the first late error ("" when nothing). */
  before: string;
  errors: LateError[];
}

/**
 * The late errors printed by one stderr stream message, or null for any other message. Each starts
 * a line with its label; a message may hold text before it, or several (a kernel that merges writes).
 */
export function lateErrors(message: JupyterMessage): LateStream | null {
  const { msg_type } = message.header;
  if (msg_type !== "stream" || message.content.name !== "stderr") return null;
  const text = String(message.content.text);
  const labels = [...text.matchAll(LABEL)];
  if (labels.length === 0) return null;
  const errors = labels.map((label, i): LateError => {
    const end = i + 1 < labels.length ? labels[i + 1].index : text.length;
    const body = text.slice(label.index + label[0].length, end);
    const [first, ...stack] = body.trimEnd().split("\n");
    return {
      kind: (label[1] ?? label[3]).startsWith("Unhandled") ? "UnhandledRejection" : "UncaughtError",
      origin: label[2] === undefined ? null : Number(label[2]),
      thrown: first,
      stack: stack.filter((line) => line.trim() !== "" && !INTERNAL_FRAME.test(line)),
    };
  });
  return { before: text.slice(0, labels[0].index), errors };
}

/**
 * The nbformat error for `late`, seen during notebook cell `here` (1-based) and started by cell
 * `origin` (null when unknown): `UncaughtError: Error: boom (thrown later by a timer, …)`.
 */
export function lateErrorOutput(late: LateError, here: number, origin: number | null) {
  const when = origin === here ? "" : `; it surfaced during cell ${here}`;
  const who = origin === null ? "some earlier code" : `cell ${origin}`;
  const evalue =
    late.kind === "UncaughtError"
      ? `${late.thrown} (thrown later by a timer, event or promise callback that ${who} started${when})`
      : `${late.thrown} (a promise that ${who} started was rejected and nothing caught it${when})`;
  return {
    output_type: "error" as const,
    ename: late.kind,
    evalue,
    traceback: [`${late.kind}: ${evalue}`, ...late.stack],
  };
}
