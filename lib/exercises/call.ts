/**
 * Calls a student's function safely: on copies of the inputs, with a time limit, and noting
 * whether it threw, returned a Promise, or changed its inputs.
 *
 * The time limit: `vm.Script#runInContext(…, { timeout })` starts a watchdog that terminates
 * whatever JavaScript is running when the time is up, including a `while (true) {}` in a function
 * defined outside the vm context (verified under Node 20.20, also nested inside tslab's own
 * `vm.runInThisContext`). It cannot stop asynchronous code: an `async` function is reported as
 * "returned a Promise" before its body could loop.
 */
import vm from "node:vm";
import { deepClone, deepEqual } from "./values";

/** What happened when the student's function was called. */
export type CallOutcome =
  | { readonly kind: "returned"; readonly value: unknown }
  | { readonly kind: "threw"; readonly error: unknown }
  | { readonly kind: "timeout"; readonly ms: number }
  | { readonly kind: "promise" }
  | { readonly kind: "mutated"; readonly argument: number };

const CALL = new vm.Script("__call()", { filename: "dl-check" });

/** A reusable caller: one vm context per check (creating one costs about 1 ms). */
export function makeCaller(
  timeoutMs: number,
): (fn: unknown, args: readonly unknown[]) => CallOutcome {
  const context = vm.createContext({ __call: () => undefined });
  return (fn, args) => {
    const working = deepClone([...args]);
    let value: unknown;
    context.__call = () => (fn as (...a: unknown[]) => unknown)(...working);
    try {
      value = CALL.runInContext(context, { timeout: timeoutMs });
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") {
        return { kind: "timeout", ms: timeoutMs };
      }
      return { kind: "threw", error };
    } finally {
      context.__call = () => undefined;
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
