// The browser kernel's compiler and executor, run in Node for fast tests: the globals that the
// worker's Blob defines (TypeScript 5.0.4 and the type files) are set from node_modules and dist/.
import { createRequire } from "node:module";
import type * as TS from "typescript-5.0";
import { typeFiles } from "../../web/kernel/build.mjs";

const scope = globalThis as unknown as Record<string, unknown>;
export const typescript = createRequire(import.meta.url)("typescript-5.0") as typeof TS;
scope.__dlTypeScript ??= typescript;
scope.__dlKernelTypes ??= typeFiles(process.cwd());

export { CellCompiler } from "../../web/kernel/worker/compiler";
