// An executed notebook as read from disk is untrusted JSON: every field nbformat 4 defines is
// checked here, once, so that the renderers only ever see the types they expect. A cell or an
// output of the wrong shape is dropped with a warning naming the cell (and the output); a field of
// the wrong type gets its default with a warning. Only a file that is not a notebook at all throws.
import type { Cell, Notebook, Output } from "./notebook";
import { typeName } from "./urls";

type Json = Record<string, unknown>;
type Warn = (message: string) => void;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** nbformat's multiline string: one string or an array of strings. */
export function isMultiline(value: unknown): value is string | string[] {
  return (
    typeof value === "string" || (Array.isArray(value) && value.every((v) => typeof v === "string"))
  );
}

const OUTPUT_TYPES = new Set(["stream", "display_data", "execute_result", "error"]);

/** One output, or undefined (with a warning) when it cannot be shown at all. */
function checkOutput(raw: unknown, where: string, warn: Warn): Output | undefined {
  if (!isObject(raw)) return void warn(`${where} is a ${typeName(raw)}, not an object; skipped`);
  const type = raw.output_type;
  if (typeof type !== "string" || !OUTPUT_TYPES.has(type))
    return void warn(
      `${where} has an unknown output_type ${JSON.stringify(type) ?? "undefined"}; skipped`,
    );
  if (type === "stream") {
    if (!isMultiline(raw.text))
      return void warn(
        `${where} (stream): its text is a ${typeName(raw.text)}, not a string; skipped`,
      );
    const name = raw.name === "stderr" ? "stderr" : "stdout";
    return { output_type: "stream", name, text: raw.text };
  }
  if (type === "error") {
    const text = (v: unknown, fallback: string): string => (typeof v === "string" ? v : fallback);
    const traceback = Array.isArray(raw.traceback)
      ? raw.traceback.filter((l) => typeof l === "string")
      : [];
    if (
      typeof raw.ename !== "string" ||
      typeof raw.evalue !== "string" ||
      !Array.isArray(raw.traceback)
    )
      warn(
        `${where} (error): ename, evalue or traceback has the wrong type; shown as far as it can be`,
      );
    return {
      output_type: "error",
      ename: text(raw.ename, "Error"),
      evalue: text(raw.evalue, ""),
      traceback,
    };
  }
  if (!isObject(raw.data))
    return void warn(
      `${where} (${type}): its data is a ${typeName(raw.data)}, not a MIME bundle; skipped`,
    );
  const metadata = isObject(raw.metadata) ? raw.metadata : {};
  return { output_type: type as "display_data", data: raw.data, metadata };
}

function checkExecutionCount(value: unknown, where: string, warn: Warn): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  warn(
    `${where}: execution_count ${JSON.stringify(value) ?? typeName(value)} is not a count; not shown`,
  );
  return null;
}

function checkTags(metadata: Json, where: string, warn: Warn): string[] {
  const tags = metadata.tags;
  if (tags === undefined) return [];
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === "string")) {
    warn(`${where}: metadata.tags is not a list of strings; its strings are kept`);
    return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string") : [];
  }
  return tags;
}

function checkAttachments(value: unknown, where: string, warn: Warn): Cell["attachments"] {
  if (value === undefined) return undefined;
  const valid =
    isObject(value) &&
    Object.values(value).every(
      (b) => isObject(b) && Object.values(b).every((d) => typeof d === "string"),
    );
  if (valid) return value as Cell["attachments"];
  warn(`${where}: attachments are not {name: {mime: base64}}; dropped`);
  return undefined;
}

/** One cell, or undefined (with a warning) when it cannot be shown. */
function checkCell(raw: unknown, n: number, warn: Warn): Cell | undefined {
  const where = `cell ${n}`;
  if (!isObject(raw)) return void warn(`${where} is a ${typeName(raw)}, not an object; skipped`);
  const type = raw.cell_type;
  if (type !== "markdown" && type !== "code" && type !== "raw")
    return void warn(
      `${where} has an unknown cell_type ${JSON.stringify(type) ?? "undefined"}; skipped`,
    );
  if (!isMultiline(raw.source))
    return void warn(`${where}: its source is a ${typeName(raw.source)}, not a string; skipped`);
  if (raw.metadata !== undefined && !isObject(raw.metadata))
    warn(`${where}: metadata is not an object; ignored`);
  const metadata = isObject(raw.metadata) ? raw.metadata : {};
  const tags = checkTags(metadata, where, warn);
  const cell: Cell = {
    cell_type: type,
    number: n,
    source: raw.source,
    metadata: { ...metadata, tags },
  };
  if (typeof raw.id === "string") cell.id = raw.id;
  if (type === "markdown") cell.attachments = checkAttachments(raw.attachments, where, warn);
  if (type !== "code") return cell;
  if (raw.outputs !== undefined && !Array.isArray(raw.outputs))
    warn(`${where}: outputs is not a list; none shown`);
  const outputs = Array.isArray(raw.outputs) ? raw.outputs : [];
  cell.outputs = outputs.flatMap((o, k) => checkOutput(o, `${where}, output ${k + 1}`, warn) ?? []);
  cell.execution_count = checkExecutionCount(raw.execution_count, where, warn);
  return cell;
}

/** The `course` metadata: each field of the wrong type is dropped (the lesson then uses its file name). */
function checkCourse(value: unknown, warn: Warn): Notebook["metadata"]["course"] {
  if (value === undefined) return undefined;
  if (!isObject(value)) return void warn("metadata.course is not an object; ignored");
  const course: NonNullable<Notebook["metadata"]["course"]> = {};
  const { lesson, title, summary, cellTimeout } = value;
  if (typeof lesson === "number" && Number.isSafeInteger(lesson) && lesson >= 0)
    course.lesson = lesson;
  else if (lesson !== undefined)
    warn(
      `metadata.course.lesson ${JSON.stringify(lesson)} is not a lesson number; the file name's is used`,
    );
  if (typeof title === "string") course.title = title;
  else if (title !== undefined)
    warn("metadata.course.title is not a string; the file name is used");
  if (typeof summary === "string") course.summary = summary;
  else if (summary !== undefined) warn("metadata.course.summary is not a string; none shown");
  // The per-cell limit in seconds, as the runner reads it; the runnable page applies it.
  if (typeof cellTimeout === "number" && Number.isFinite(cellTimeout) && cellTimeout > 0)
    course.cellTimeout = cellTimeout;
  else if (cellTimeout !== undefined)
    warn("metadata.course.cellTimeout is not a number of seconds > 0; the default limit is used");
  return course;
}

/**
 * Checks parsed JSON against nbformat 4 and returns a notebook the renderers can trust, with one
 * warning per thing dropped or defaulted. Throws only when `raw` is not an nbformat 4 notebook.
 * Example: `checkNotebook(JSON.parse(text), "a.ipynb").warnings` might be
 * `["cell 3, output 1 (stream): its text is a number, not a string; skipped"]`.
 */
export function checkNotebook(
  raw: unknown,
  file: string,
): { notebook: Notebook; warnings: string[] } {
  if (!isObject(raw) || !Array.isArray(raw.cells) || raw.nbformat !== 4)
    throw new Error(`export: ${file} is not an nbformat 4 notebook`);
  const warnings: string[] = [];
  const warn: Warn = (message) => warnings.push(message);
  const metadata = isObject(raw.metadata) ? raw.metadata : {};
  if (!isObject(raw.metadata)) warn("metadata is not an object; ignored");
  const cells = raw.cells.flatMap((c, i) => checkCell(c, i + 1, warn) ?? []);
  const minor = typeof raw.nbformat_minor === "number" ? raw.nbformat_minor : 0;
  const notebook: Notebook = {
    nbformat: 4,
    nbformat_minor: minor,
    metadata: { ...metadata, course: checkCourse(metadata.course, warn) },
    cells,
  };
  return { notebook, warnings };
}
