/**
 * The stub convention: a student cell that is not done yet holds `dl.todo()` where the answer goes.
 * `dl.todo()` returns a recognisable placeholder (it never throws, so the lesson still runs top to
 * bottom); a check that receives it, or a function that returns it, reports "not attempted yet".
 *
 * Introduced in lesson 0. Example (a value and a function):
 *   const doubled: dl.Tensor = dl.todo();
 *   function average(xs: number[]): number { return dl.todo(); }
 */

const TODO_MARK = Symbol.for("dl.todo");

/** The placeholder `dl.todo()` returns; prints as `dl.todo()`. */
const TODO: object = Object.freeze({
  [TODO_MARK]: true,
  toString: () => "dl.todo()",
  [Symbol.for("nodejs.util.inspect.custom")]: () => "dl.todo()",
});

/**
 * Marks the place of an answer the student has not written yet. Typed as whatever the context
 * expects (`const w: number = dl.todo()`), it returns a placeholder that checks recognise.
 */
export function todo<T = never>(): T {
  return TODO as T;
}

/** True when `value` is, or contains (in arrays or plain objects, 4 levels deep), `dl.todo()`. */
export function containsTodo(value: unknown, depth = 4): boolean {
  if (value === TODO) return true;
  if (depth === 0 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((v) => containsTodo(v, depth - 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).some((v) => containsTodo(v, depth - 1));
}
