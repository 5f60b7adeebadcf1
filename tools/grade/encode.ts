/**
 * Answers as data: the grader never judges inside a student's kernel. The kernel only hands over
 * what the student's answer is (a value, or what their function returned on each case) in this
 * JSON encoding, and the grader rebuilds it with its own engine and judges it there.
 *
 * Both sides use this file: the kernel with the notebook's `dist/` (its Tensor class, its
 * `dl.todo()`), the grader with its own `lib/`. A `Realm` names those.
 *
 *   encode(dl.tensor([1, 2]), realm)   // { $tensor: { shape: [2], data: [1, 2] } }
 *   encode([NaN, -0], realm)           // [{ $num: "NaN" }, { $num: "-0" }]
 *   decode({ $object: { w: [1] } }, realm)  // { w: [1] }
 */

/** JSON. */
export type Encoded = null | boolean | number | string | Encoded[] | { [key: string]: Encoded };

/** What encoding and decoding need from an engine. */
export interface Realm {
  isTensor(value: unknown): value is { shape: readonly number[]; data: ArrayLike<number> };
  makeTensor(data: Float64Array, shape: number[]): unknown;
  isTodo(value: unknown): boolean;
  todo(): unknown;
}

/** Most numbers an answer may hold, and how deep it may nest (anything larger is refused). */
export const MAX_NUMBERS = 1_000_000;
export const MAX_DEPTH = 16;

function encodeNumber(x: number): Encoded {
  if (Number.isFinite(x) && !Object.is(x, -0)) return x;
  return { $num: Object.is(x, -0) ? "-0" : String(x) };
}

/** The answer as JSON. Reads the value (getters run: the caller catches what they throw). */
export function encode(
  value: unknown,
  realm: Realm,
  depth = 0,
  budget = { left: MAX_NUMBERS },
): Encoded {
  const count = (n: number): void => {
    budget.left -= n;
    if (budget.left < 0) throw new RangeError(`the answer holds more than ${MAX_NUMBERS} values`);
  };
  if (depth > MAX_DEPTH) throw new RangeError(`the answer nests deeper than ${MAX_DEPTH} levels`);
  if (typeof value === "number") return (count(1), encodeNumber(value));
  if (typeof value === "string") return (count(Math.ceil(value.length / 8)), value);
  if (typeof value === "boolean" || value === null) return value;
  if (value === undefined) return { $undefined: true };
  if (typeof value === "function") return { $function: String(value.name || "") };
  if (typeof value !== "object") return { $other: `a ${typeof value}` };
  if (realm.isTodo(value)) return { $todo: true };
  if (realm.isTensor(value)) {
    count(value.data.length);
    return { $tensor: { shape: [...value.shape], data: Array.from(value.data, encodeNumber) } };
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const numbers = Array.from(value as unknown as ArrayLike<number>, Number);
    count(numbers.length);
    return { $typed: numbers.map(encodeNumber) };
  }
  if (Array.isArray(value)) {
    count(value.length);
    return Array.from(value, (v) => encode(v, realm, depth + 1, budget));
  }
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) {
    const fields: { [key: string]: Encoded } = {};
    for (const key of Object.keys(value)) {
      count(1);
      fields[key] = encode((value as Record<string, unknown>)[key], realm, depth + 1, budget);
    }
    return { $object: fields };
  }
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return { $other: `a ${typeof name === "string" && name !== "" ? name : "object"}` };
}

/** An answer of a kind the grader does not rebuild (a class instance, a symbol): shown by name. */
export function opaque(description: string): object {
  const kind = description.replace(/^an? /, "").slice(0, 60) || "object";
  return Object.create({ constructor: { name: kind } }) as object;
}

/** A malformed encoding: the kernel's report was not what the grader's cell produces. */
export class EncodingError extends Error {
  override name = "EncodingError";
}

function decodeNumber(x: unknown): number {
  if (typeof x === "number") return x;
  const special = (x as { $num?: unknown } | null)?.$num;
  if (special === "NaN") return NaN;
  if (special === "Infinity") return Infinity;
  if (special === "-Infinity") return -Infinity;
  if (special === "-0") return -0;
  throw new EncodingError(`not a number: ${JSON.stringify(x)?.slice(0, 40)}`);
}

/** Rebuilds an encoded answer with `realm`'s engine; throws EncodingError on anything malformed. */
export function decode(json: unknown, realm: Realm, depth = 0): unknown {
  if (depth > MAX_DEPTH + 1) throw new EncodingError("nested too deeply");
  if (json === null || typeof json === "boolean" || typeof json === "string") return json;
  if (typeof json === "number") return json;
  if (Array.isArray(json)) return json.map((v) => decode(v, realm, depth + 1));
  if (typeof json !== "object") throw new EncodingError(`unexpected ${typeof json}`);
  const tagged = json as Record<string, unknown>;
  const keys = Object.keys(tagged);
  if (keys.length !== 1) throw new EncodingError(`unexpected fields ${keys.join(", ")}`);
  const [key] = keys;
  const body = tagged[key];
  switch (key) {
    case "$num":
      return decodeNumber(json);
    case "$undefined":
      return undefined;
    case "$todo":
      return realm.todo();
    case "$function": {
      const name = typeof body === "string" ? body.slice(0, 60) : "";
      return { [name]: () => undefined }[name];
    }
    case "$other":
      return opaque(String(body));
    case "$typed":
      if (!Array.isArray(body)) throw new EncodingError("$typed holds no list");
      return Float64Array.from(body, decodeNumber);
    case "$tensor": {
      const { shape, data } = (body ?? {}) as { shape?: unknown; data?: unknown };
      if (!Array.isArray(shape) || !shape.every((n) => Number.isInteger(n) && n >= 0))
        throw new EncodingError("$tensor has no valid shape");
      if (!Array.isArray(data) || data.length !== shape.reduce((a: number, b: number) => a * b, 1))
        throw new EncodingError("$tensor's data does not fit its shape");
      return realm.makeTensor(Float64Array.from(data, decodeNumber), shape as number[]);
    }
    case "$object": {
      if (body === null || typeof body !== "object" || Array.isArray(body))
        throw new EncodingError("$object holds no fields");
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(body)) out[k] = decode(v, realm, depth + 1);
      return out;
    }
    default:
      throw new EncodingError(`unknown tag ${JSON.stringify(key).slice(0, 40)}`);
  }
}
