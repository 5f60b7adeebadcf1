/**
 * Runs a student's code with a time limit, in Node: `vm.Script#runInContext(…, { timeout })`
 * starts a watchdog that terminates whatever JavaScript is running when the time is up, including
 * a `while (true) {}` in a function defined outside the vm context (verified under Node 20.20,
 * also nested inside tslab's own `vm.runInThisContext`). It cannot stop asynchronous code: an
 * `async` function returns its Promise before its body could loop. The browser kernel uses
 * ./time-limit.browser.ts instead (no vm there: the cell's own time limit ends the worker).
 *
 * Example:
 *   const limited = makeTimeLimit(1000);
 *   limited(() => 1 + 1); // { timedOut: false, value: 2 }; throws what the code throws
 */
import vm from "node:vm";

/** What came of a time-limited run (an exception thrown by the code is rethrown). */
export type LimitedRun = { timedOut: false; value: unknown } | { timedOut: true };

const RUN = new vm.Script("__run()", { filename: "dl-check" });

/** A reusable runner with a limit of `timeoutMs` (one vm context: about 1 ms to create). */
export function makeTimeLimit(timeoutMs: number): (run: () => unknown) => LimitedRun {
  const context = vm.createContext({ __run: () => undefined });
  return (run) => {
    context.__run = run;
    try {
      return { timedOut: false, value: RUN.runInContext(context, { timeout: timeoutMs }) };
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") {
        return { timedOut: true };
      }
      throw error;
    } finally {
      context.__run = () => undefined;
    }
  };
}
