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
 *   lateError("Unhandled promise rejection started by In [3]: Error: x\n") // { origin: 3, … }
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

const LABELLED =
  /^(Uncaught error in a timer, event or promise callback|Unhandled promise rejection) (?:started by In \[(\d+)\]|from outside any cell): ([\s\S]*)$/;
const TSLAB = /^(UncaughtException|UnhandledPromiseRejection): ([\s\S]*)$/;

/** The late error printed by one stderr stream message, or null for any other message. */
export function lateError(message: JupyterMessage): LateError | null {
  const { msg_type } = message.header;
  if (msg_type !== "stream" || message.content.name !== "stderr") return null;
  const text = String(message.content.text);
  const labelled = LABELLED.exec(text);
  const plain = labelled === null ? TSLAB.exec(text) : null;
  if (labelled === null && plain === null) return null;
  const rejection = labelled
    ? labelled[1].startsWith("Unhandled")
    : plain![1].startsWith("Unhandled");
  const [first, ...stack] = (labelled ? labelled[3] : plain![2]).trimEnd().split("\n");
  return {
    kind: rejection ? "UnhandledRejection" : "UncaughtError",
    origin: labelled?.[2] === undefined ? null : Number(labelled[2]),
    thrown: first,
    stack: stack.filter((line) => line.trim() !== "" && !INTERNAL_FRAME.test(line)),
  };
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
