/**
 * What a cell may import in the browser: the course's engine (`"../dist"` in lessons,
 * `"../../dist"` in solutions) and mathjs, both bundled into the worker. The type checker reads
 * their declarations from the paths below; `require` returns them (./modules.ts).
 *
 * Example:
 *   shippedName("../dist/")   // "engine"
 *   shippedName("lodash")     // null
 */

export type ShippedName = "engine" | "mathjs";

/** Where each shipped module's type declarations are in the worker's in-memory files. */
export const SHIPPED_TYPES: Record<ShippedName, string> = {
  engine: "/course/dist/index.d.ts",
  mathjs: "/course/node_modules/mathjs/types/index.d.ts",
};

/** The shipped module a specifier names, or null. */
export function shippedName(specifier: string): ShippedName | null {
  const name = specifier.replace(/(\/index)?(\.js)?\/?$/, "");
  if (name === "../dist" || name === "../../dist") return "engine";
  if (name === "mathjs") return "mathjs";
  return null;
}

/** Node's built-in modules that cells might reach for (named as such in the message). */
const NODE_BUILTINS =
  /^(node:)?(fs|path|os|vm|child_process|http|https|net|zlib|crypto|util|stream|events|worker_threads|readline|url|buffer|assert|process|module|perf_hooks|timers)(\/.*)?$/;

/** The clear message of an import that is not shipped. */
export function notShippedMessage(specifier: string): string {
  const what = NODE_BUILTINS.test(specifier)
    ? `"${specifier}" is part of Node.js, which does not run in the browser.`
    : `"${specifier}" is not shipped with the course's pages.`;
  return (
    `${what} In the browser a cell can import "../dist" (the course's engine, dl) and "mathjs" only; ` +
    `run the notebook in Jupyter to use other modules.`
  );
}
