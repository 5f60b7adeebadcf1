/**
 * The cell's `console`, formatted as Node's global console formats for tslab (no colours: the
 * kernel's stdout is not a terminal): `log`, `info`, `debug` and `dir` write stdout, `error`,
 * `warn`, `trace` and failed `assert`s stderr, with `util.format`'s `%s %d %i %f %j %o %O %c`,
 * objects through `util.inspect` (node-inspect-extracted: Node's own inspect.js, tested equal to
 * Node 20's on the values lessons print), `group` indentation, `count` and `time` labels.
 * `console.table` prints its data as `console.log` does.
 *
 * Example:
 *   const c = makeConsole((name, text) => sink.stream(name, text));
 *   c.log("%d items", 3, { a: 1 });   // stdout "3 items { a: 1 }\n"
 */
import { formatWithOptions, inspect } from "node-inspect-extracted";

export type Write = (name: "stdout" | "stderr", text: string) => void;

/** Node 20's `formatTime` (lib/internal/console/constructor.js) for console.timeEnd / timeLog. */
function formatTime(ms: number): string {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60_000) {
      if (ms >= 3_600_000) {
        hours = Math.floor(ms / 3_600_000);
        ms = ms % 3_600_000;
      }
      minutes = Math.floor(ms / 60_000);
      ms = ms % 60_000;
    }
    seconds = ms / 1000;
  }
  if (hours !== 0 || minutes !== 0) {
    const [whole, fraction] = seconds.toFixed(3).split(".");
    const pad = (n: number | string): string => String(n).padStart(2, "0");
    const head = hours !== 0 ? `${hours}:${pad(minutes)}` : `${minutes}`;
    return `${head}:${pad(whole)}.${fraction} (${hours !== 0 ? "h:m" : ""}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

export function makeConsole(write: Write, now: () => number = () => performance.now()) {
  let indent = "";
  const counts = new Map<string, number>();
  const timers = new Map<string, number>();
  const out =
    (name: "stdout" | "stderr") =>
    (...args: unknown[]): void => {
      let text = formatWithOptions({}, ...args);
      if (indent !== "") text = indent + text.replace(/\n/g, `\n${indent}`);
      write(name, `${text}\n`);
    };
  const log = out("stdout");
  const error = out("stderr");
  const elapsed = (label: string, method: string): string | null => {
    const start = timers.get(label);
    if (start === undefined) {
      error(`Warning: No such label '${label}' for console.${method}()`);
      return null;
    }
    return `${label}: ${formatTime(now() - start)}`;
  };
  return {
    log,
    info: log,
    debug: log,
    error,
    warn: error,
    table: log,
    dir(value: unknown, options: object = {}): void {
      log(inspect(value, { customInspect: false, ...options }));
    },
    trace(...args: unknown[]): void {
      error(`Trace${args.length > 0 ? ": " : ""}${formatWithOptions({}, ...args)}`);
    },
    assert(condition: unknown, ...args: unknown[]): void {
      if (condition) return;
      args[0] = `Assertion failed${args.length === 0 ? "" : `: ${args[0]}`}`;
      error(...args);
    },
    count(label = "default"): void {
      const key = `${label}`;
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      log(`${key}: ${count}`);
    },
    countReset(label = "default"): void {
      counts.delete(`${label}`);
    },
    group(...labels: unknown[]): void {
      if (labels.length > 0) log(...labels);
      indent += "  ";
    },
    groupCollapsed(...labels: unknown[]): void {
      if (labels.length > 0) log(...labels);
      indent += "  ";
    },
    groupEnd(): void {
      indent = indent.slice(0, Math.max(0, indent.length - 2));
    },
    time(label = "default"): void {
      const key = `${label}`;
      if (timers.has(key)) error(`Warning: Label '${key}' already exists for console.time()`);
      else timers.set(key, now());
    },
    timeLog(label = "default", ...data: unknown[]): void {
      const line = elapsed(`${label}`, "timeLog");
      if (line !== null) log(line, ...data);
    },
    timeEnd(label = "default"): void {
      const line = elapsed(`${label}`, "timeEnd");
      if (line !== null) log(line);
      timers.delete(`${label}`);
    },
  };
}
