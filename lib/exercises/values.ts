/**
 * Plain-value helpers for checks: copy an input so a student's function cannot touch the case
 * table, tell whether it was changed, and print any value briefly for a verdict.
 */
import { Tensor } from "../tensor/tensor";

/** A deep copy of arrays, typed arrays, tensors and plain objects (other values are shared). */
export function deepClone<T>(value: T): T {
  if (value instanceof Tensor) return new Tensor(value.data.slice(), value.shape) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => deepClone(v)) as T;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return (value as unknown as Float64Array).slice() as unknown as T;
  }
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepClone(v)])) as T;
  }
  return value;
}

/** Exact structural equality (NaN equals NaN), used to detect an input a function changed. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Tensor && b instanceof Tensor) {
    return deepEqual([...a.shape], [...b.shape]) && deepEqual(a.data, b.data);
  }
  if (isListLike(a) && isListLike(b)) {
    if (a.length !== b.length || Array.isArray(a) !== Array.isArray(b)) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** True for `{…}` literals (not arrays, tensors or class instances). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isListLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** A short readable rendering of any value: `6`, `[1, 2]`, `tensor([[2, 4], [6, 8]])`, `"a"`. */
export function formatValue(value: unknown, maxLength = 160): string {
  const text = formatInner(value, 3);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

function formatInner(value: unknown, depth: number): string {
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "function") return `a function${value.name ? ` (${value.name})` : ""}`;
  if (value === undefined || value === null || typeof value !== "object") return String(value);
  if (String(value) === "dl.todo()") return "dl.todo()";
  if (value instanceof Tensor) return `tensor(${formatInner(value.toArray(), depth)})`;
  if (depth < 0) return "…";
  if (isListLike(value)) {
    return `[${Array.from(value, (v) => formatInner(v, depth - 1)).join(", ")}]`;
  }
  if (value instanceof Promise) return "a Promise";
  if (isPlainObject(value)) {
    const fields = Object.entries(value).map(([k, v]) => `${k}: ${formatInner(v, depth - 1)}`);
    return `{ ${fields.join(", ")} }`;
  }
  return `a ${value.constructor?.name ?? "object"}`;
}

/** Six significant digits, without trailing zeros: 0.333333, 6, 1.5e-7. */
export function formatNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}
