/**
 * The one formatter for values shown in error messages: whatever a student passes (a million-element
 * array, a BigInt, a Symbol, a cyclic object, a Proxy or a getter that throws), the text is short
 * and building it never throws. Every message of the library's named errors goes through it.
 *
 * Example:
 *   describeValue("w")                  // the string "w"
 *   describeValue(new Array(1e6))       // an array of length 1000000 (wrap it with dl.tensor(…))
 *   formatValue([1, [2, 3], "a", 4n])   // [1, [2, 3], "a", 4n]
 */

/** Longest string shown, in characters (longer ones are cut with "…"). */
const MAX_TEXT = 40;
/** Most items of an array shown before "…". */
const MAX_ITEMS = 8;
/** How deep nested arrays are shown ([[…]] below that). */
const MAX_DEPTH = 2;
/** Longest text either function returns. */
const MAX_LENGTH = 200;

/** `text` cut to `max` characters with "…" (by code points, so no surrogate is split). */
export function truncate(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return text;
  const points = Array.from(text.slice(0, 2 * max)); // a code point is at most 2 code units
  if (points.length <= max && text.length <= 2 * max) return text;
  return points.slice(0, max - 1).join("") + "…";
}

/** Runs `show`; any throw (a Proxy trap, a getter, a toString) gives a fixed phrase instead. */
function guarded(show: () => string): string {
  try {
    return truncate(show(), MAX_LENGTH);
  } catch {
    return "a value that cannot be shown (reading it threw)";
  }
}

/** The name of an object's class, or "" (reading `constructor` may throw: guarded by callers). */
function className(value: object): string {
  const name: unknown = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" ? truncate(name, MAX_TEXT) : "";
}

/** A typed array's class, or "" for anything else (DataView included). */
function typedArrayName(value: unknown): string {
  if (!ArrayBuffer.isView(value) || value instanceof DataView) return "";
  return Object.prototype.toString.call(value).slice(8, -1);
}

/**
 * A short phrase naming what `value` is, for "got …" in a message: `NaN`, `the string "w"`,
 * `the bigint 12n`, `an array of length 3 (…)`, `a Float32Array of length 9`, `a function (f)`,
 * `an object (Foo)`, `a Tensor of shape [2, 3]`. At most 200 characters; never throws.
 */
export function describeValue(value: unknown): string {
  return guarded(() => {
    if (value === null) return "null";
    if (value === undefined) return "undefined";
    switch (typeof value) {
      case "number":
        return String(value);
      case "string":
        return `the string ${formatValue(value)}`;
      case "bigint":
        return `the bigint ${formatValue(value)}`;
      case "boolean":
        return `the boolean ${value}`;
      case "symbol":
        return `a symbol (${formatValue(value)})`;
      case "function":
        return value.name ? `a function (${truncate(value.name)})` : "a function";
    }
    if (Array.isArray(value)) {
      return `an array of length ${value.length} (wrap it with dl.tensor(…))`;
    }
    const typed = typedArrayName(value);
    if (typed) return `a ${typed} of length ${(value as ArrayLike<number>).length}`;
    const name = className(value as object);
    const shape = (value as { shape?: unknown }).shape;
    if (name === "Tensor" && Array.isArray(shape)) return `a Tensor of shape ${formatValue(shape)}`;
    return `an object (${name || "no class"})`;
  });
}

/**
 * `value` written briefly, as in code: `3`, `"w"` (cut at 40 characters), `4n`, `[1, 2, …]` (8 items
 * at most, 2 levels deep, then the count), `Symbol(a)`, `a function`, `an object (Foo)`.
 * At most 200 characters; never throws. Example: formatValue([1, "a", [2]]) is `[1, "a", [2]]`.
 */
export function formatValue(value: unknown, depth = 0): string {
  return guarded(() => {
    if (typeof value === "string") return JSON.stringify(truncate(value));
    if (typeof value === "bigint") return `${truncate(value.toString())}n`;
    if (typeof value === "symbol") return truncate(value.toString());
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    if (value === null || value === undefined) return String(value);
    if (!Array.isArray(value) && !typedArrayName(value)) return describeValue(value);
    const items = value as ArrayLike<unknown>;
    if (depth >= MAX_DEPTH) return items.length === 0 ? "[]" : "[…]";
    const shown: string[] = [];
    for (let i = 0; i < Math.min(items.length, MAX_ITEMS); i++) {
      shown.push(formatValue(items[i], depth + 1));
    }
    if (items.length > MAX_ITEMS) shown.push(`… (${items.length} items)`);
    return `[${shown.join(", ")}]`;
  });
}
