/**
 * Saving and loading a trained model's weights as JSON text (lesson 9), like Keras's
 * `model.save_weights` / `load_weights`: the text holds the architecture (every module's
 * description, by its path) and each parameter's name, shape and numbers. Loading checks the
 * architecture first and changes nothing unless everything fits, so a file cannot be read into a
 * different network by accident. JSON writes each float64 in its shortest exact form, so a loaded
 * model predicts bit for bit what the saved one did. Text, not a file: in Jupyter,
 * `fs.writeFileSync("model.json", text)` stores it; in the browser it can be downloaded.
 *
 * Example:
 *   const text = dl.nn.saveWeights(model);
 *   dl.nn.loadWeights(fresh, text);   // fresh: the same architecture, new initial weights
 */
import { ArgumentError, FormatError, NonFiniteError, ShapeError, formatShape } from "../errors";
import { describeValue } from "../tensor/check";
import { Module } from "./module";

const FORMAT = "dl-weights";
const VERSION = 1;

/** One saved parameter. */
interface SavedParameter {
  name: string;
  shape: number[];
  data: number[];
}

/** The architecture of `model`: "path: description" for it and every module inside, in order. */
export function architecture(model: Module): string[] {
  expectModel("architecture", model);
  const lines: string[] = [];
  const walk = (m: Module, path: string): void => {
    lines.push(`${path}: ${m.describe()}`);
    for (const [name, child] of m.namedChildren())
      walk(child, path === "" ? name : `${path}.${name}`);
  };
  walk(model, "");
  return lines.map((line) => (line.startsWith(": ") ? `(model)${line}` : line));
}

function expectModel(op: string, model: unknown): Module {
  if (model instanceof Module) return model;
  throw new ArgumentError(
    `${op}: model must be a Module (e.g. dl.nn.Sequential), got ${describeValue(model)}`,
  );
}

/**
 * The model's architecture and weights as JSON text:
 *   { format: "dl-weights", version: 1, architecture: [...], parameters: [{ name, shape, data }] }.
 * Throws NonFiniteError when a weight is NaN or ±Infinity (JSON cannot hold them). Lesson 9.
 */
export function saveWeights(model: Module): string {
  expectModel("saveWeights", model);
  const parameters = model.namedParameters().map(([name, p]): SavedParameter => {
    const bad = p.data.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0)
      throw new NonFiniteError(
        `saveWeights: parameter ${name} holds ${p.data[bad]} at index ${bad}`,
      );
    return { name, shape: [...p.shape], data: Array.from(p.data) };
  });
  return JSON.stringify({
    format: FORMAT,
    version: VERSION,
    architecture: architecture(model),
    parameters,
  });
}

/** Parses the text and checks its structure (not yet against a model); FormatError otherwise. */
function parseWeights(text: unknown): { architecture: string[]; parameters: SavedParameter[] } {
  if (typeof text !== "string") {
    throw new ArgumentError(
      `loadWeights: text must be the string saveWeights returned, got ${describeValue(text)}`,
    );
  }
  let file: { format?: unknown; version?: unknown; architecture?: unknown; parameters?: unknown };
  try {
    file = JSON.parse(text);
  } catch (e) {
    throw new FormatError(`loadWeights: the text is not JSON (${(e as Error).message})`);
  }
  if (file === null || typeof file !== "object" || file.format !== FORMAT) {
    throw new FormatError(`loadWeights: not a weights file (expected "format": "${FORMAT}")`);
  }
  if (file.version !== VERSION)
    throw new FormatError(
      `loadWeights: version ${String(file.version)} is not supported (expected ${VERSION})`,
    );
  const { architecture: arch, parameters } = file;
  if (!Array.isArray(arch) || !arch.every((a) => typeof a === "string")) {
    throw new FormatError("loadWeights: architecture must be a list of strings");
  }
  if (!Array.isArray(parameters)) throw new FormatError("loadWeights: parameters must be a list");
  parameters.forEach((p: Partial<SavedParameter> | null, i) => {
    const ok =
      p !== null &&
      typeof p === "object" &&
      typeof p.name === "string" &&
      Array.isArray(p.shape) &&
      p.shape.every((s) => Number.isInteger(s) && s >= 0) &&
      Array.isArray(p.data) &&
      p.data.length === p.shape.reduce((a, b) => a * b, 1);
    if (!ok)
      throw new FormatError(
        `loadWeights: parameter ${i} needs a name, a shape and data of that size`,
      );
    const bad = p.data!.findIndex((v) => typeof v !== "number" || !Number.isFinite(v));
    if (bad >= 0)
      throw new FormatError(
        `loadWeights: parameter ${p.name} holds ${JSON.stringify(p.data![bad])} at index ${bad}, expected a number`,
      );
  });
  return { architecture: arch, parameters };
}

/**
 * Loads weights saved by `saveWeights` into `model` and returns it. The model must have the same
 * architecture (same modules, same order, same sizes): otherwise ShapeError naming the first
 * difference, and the model is left untouched. Malformed text: FormatError. Lesson 9.
 */
export function loadWeights<M extends Module>(model: M, text: string): M {
  expectModel("loadWeights", model);
  const file = parseWeights(text);
  const mine = architecture(model);
  const first = mine.findIndex((line, i) => line !== file.architecture[i]);
  if (first >= 0 || file.architecture.length !== mine.length) {
    const k = first >= 0 ? first : Math.min(mine.length, file.architecture.length);
    throw new ShapeError(
      `loadWeights: the architectures differ at module ${k}: the file has ${file.architecture[k] ?? "nothing"}, the model has ${mine[k] ?? "nothing"}`,
    );
  }
  const params = model.namedParameters();
  params.forEach(([name, p], i) => {
    const saved = file.parameters[i];
    if (
      saved === undefined ||
      saved.name !== name ||
      formatShape(saved.shape) !== formatShape(p.shape)
    ) {
      const got = saved === undefined ? "nothing" : `${saved.name} ${formatShape(saved.shape)}`;
      throw new ShapeError(
        `loadWeights: parameter ${i} is ${name} ${formatShape(p.shape)} in the model, ${got} in the file`,
      );
    }
  });
  if (file.parameters.length !== params.length) {
    throw new ShapeError(
      `loadWeights: the file has ${file.parameters.length} parameters, the model ${params.length}`,
    );
  }
  params.forEach(([, p], i) => p.data.set(file.parameters[i].data));
  return model;
}
