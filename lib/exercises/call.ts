/**
 * Calls a student's function safely: on copies of the inputs, with a time limit (./time-limit.ts),
 * and noting whether it threw, returned a Promise, or changed its inputs.
 */
import { makeTimeLimit } from "./time-limit";
import { deepClone, deepEqual } from "./values";

/** What happened when the student's function was called. */
export type CallOutcome =
  | { readonly kind: "returned"; readonly value: unknown }
  | { readonly kind: "threw"; readonly error: unknown }
  | { readonly kind: "timeout"; readonly ms: number }
  | { readonly kind: "promise" }
  | { readonly kind: "mutated"; readonly argument: number };

/** A reusable caller: one time limit per check (in Node, a vm context: about 1 ms to create). */
export function makeCaller(
  timeoutMs: number,
): (fn: unknown, args: readonly unknown[]) => CallOutcome {
  const limited = makeTimeLimit(timeoutMs);
  return (fn, args) => {
    const working = deepClone([...args]);
    let value: unknown;
    try {
      const outcome = limited(() => (fn as (...a: unknown[]) => unknown)(...working));
      if (outcome.timedOut) return { kind: "timeout", ms: timeoutMs };
      value = outcome.value;
    } catch (error) {
      return { kind: "threw", error };
    }
    if (
      value instanceof Promise ||
      typeof (value as { then?: unknown } | null)?.then === "function"
    ) {
      return { kind: "promise" };
    }
    const changed = args.findIndex((arg, i) => !deepEqual(arg, working[i]));
    if (changed >= 0) return { kind: "mutated", argument: changed };
    return { kind: "returned", value };
  };
}

/** `TypeError: x is not a function`, from anything that was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `${String(error)} (thrown)`;
}
