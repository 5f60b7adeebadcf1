/**
 * The runner's named errors. Each says what was wrong and what was expected; the runner reports
 * them as `path: Name: message` (see `describeError`).
 *
 * Example:
 *   throw new NotebookFormatError("cell 3: source must be a string or a list of strings, got a number (42)");
 */

/** An option or a metadata value of the wrong kind or out of range (`--timeout abc`, cellTimeout 0). */
export class ArgumentError extends Error {
  override name = "ArgumentError";
}

/** A notebook file that is not nbformat 4 as the runner needs it (names the cell when one is bad). */
export class NotebookFormatError extends Error {
  override name = "NotebookFormatError";
}

/** An executed copy that would be written onto a source notebook. */
export class OutputPathError extends Error {
  override name = "OutputPathError";
}

/** `Name: message` for the named errors above, the bare message for anything else. */
export function describeError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  return e.name === "Error" ? e.message : `${e.name}: ${e.message}`;
}

/** A short description of any JSON value for error messages: `a number (42)`, `null`, `an object`. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  switch (typeof value) {
    case "string":
      return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
    case "number":
      return `a number (${value})`;
    case "boolean":
      return `a boolean (${value})`;
    case "undefined":
      return "nothing";
    case "object":
      return "an object";
    default:
      return `a ${typeof value}`;
  }
}
