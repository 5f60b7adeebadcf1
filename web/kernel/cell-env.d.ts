/* eslint-disable @typescript-eslint/no-explicit-any, no-var -- ambient declarations, as @types/node writes them */
// The globals a cell has in the browser kernel, for its type checker (tslab's cells see
// @types/node; a Web Worker has these). Kept in step with web/kernel/worker/globals.ts and
// console.ts. Shipped as text in kernel-types.js; not part of the project's own type check.

interface Console {
  log(...data: any[]): void;
  info(...data: any[]): void;
  debug(...data: any[]): void;
  error(...data: any[]): void;
  warn(...data: any[]): void;
  trace(...data: any[]): void;
  dir(item?: any, options?: any): void;
  table(tabularData?: any, properties?: string[]): void;
  assert(condition?: boolean, ...data: any[]): void;
  count(label?: string): void;
  countReset(label?: string): void;
  group(...data: any[]): void;
  groupCollapsed(...data: any[]): void;
  groupEnd(): void;
  time(label?: string): void;
  timeLog(label?: string, ...data: any[]): void;
  timeEnd(label?: string): void;
}
declare var console: Console;

declare function setTimeout(
  handler: (...args: any[]) => void,
  timeout?: number,
  ...args: any[]
): number;
declare function clearTimeout(id: number | undefined): void;
declare function setInterval(
  handler: (...args: any[]) => void,
  timeout?: number,
  ...args: any[]
): number;
declare function clearInterval(id: number | undefined): void;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T = any>(value: T): T;
declare function atob(data: string): string;
declare function btoa(data: string): string;

interface Performance {
  now(): number;
  readonly timeOrigin: number;
}
declare var performance: Performance;

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string);
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}

/** What a worker can offer of Node's process: `exit` stops the cell (and says so). */
declare var process: {
  exit(code?: number): never;
  env: Record<string, string | undefined>;
  argv: string[];
  platform: string;
  version: string;
  versions: Record<string, string>;
  nextTick(callback: (...args: any[]) => void, ...args: any[]): void;
  stdout: { write(text: string): boolean };
  stderr: { write(text: string): boolean };
};

/** Only "../dist" (the engine) and "mathjs" are shipped; anything else throws a clear error. */
declare function require(id: string): any;
declare var global: typeof globalThis;
