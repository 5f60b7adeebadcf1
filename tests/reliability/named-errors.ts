// Shared by the reliability suites: what "a clear answer" to a bad input means here.
import { expect } from "vitest";
import * as dl from "../../lib/index";

/** The library's named error classes, by name. */
export const NAMED = {
  ShapeError: dl.ShapeError,
  ArgumentError: dl.ArgumentError,
  NonFiniteError: dl.NonFiniteError,
} as const;
export type ErrorName = keyof typeof NAMED;

/** True when `e` is one of the library's named errors (by class and by `name`). */
export function isNamedError(e: unknown): boolean {
  return Object.entries(NAMED).some(([name, Class]) => e instanceof Class && e.name === name);
}

/** "ok" when `thunk` returns; the error's name when it throws a named error whose message matches `fn`. */
export function outcome(fn: RegExp, thunk: () => unknown): string {
  try {
    thunk();
    return "ok";
  } catch (e) {
    if (!isNamedError(e)) throw new Error(`not a named error: ${String(e)}`, { cause: e });
    expect((e as Error).message).toMatch(fn);
    return (e as Error).name;
  }
}

/** Runs `thunk`; returns what it threw (fails the test when it returns normally). */
export function thrownBy(thunk: () => unknown): unknown {
  try {
    thunk();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw, but the call returned");
}

/**
 * Asserts that `thunk` throws the named error `name`, whose message matches every pattern in
 * `mentions` (the function, then the argument).
 */
export function expectNamed(thunk: () => unknown, name: ErrorName, mentions: RegExp[]): void {
  const e = thrownBy(thunk);
  expect(e, String(e)).toBeInstanceOf(NAMED[name]);
  expect((e as Error).name).toBe(name);
  for (const pattern of mentions) expect((e as Error).message).toMatch(pattern);
}
