/**
 * `require` for cells: the shipped modules (./shipped.ts), bundled into the worker; anything else
 * throws Node's "Cannot find module" with what can be imported here.
 *
 * Example:
 *   cellRequire("../dist").tensor([1, 2]);
 *   cellRequire("fs");   // Error: Cannot find module 'fs'. "fs" is part of Node.js, …
 */
import * as engine from "../../../lib/index";
import { notShippedMessage, shippedName } from "./shipped";

/** `import * as dl from "../dist"` compiles to `__importStar(require("../dist"))`: mark it ESM-made. */
const engineExports: Record<string, unknown> = { ...engine };
Object.defineProperty(engineExports, "__esModule", { value: true });

const LOADERS = {
  engine: () => engineExports,
  // Evaluated on the first import only (esbuild keeps a required CommonJS module lazy).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  mathjs: () => require("mathjs") as unknown,
};

export function cellRequire(id: string): unknown {
  const name = shippedName(String(id));
  if (name !== null) return LOADERS[name]();
  const error = new Error(`Cannot find module '${id}'. ${notShippedMessage(String(id))}`);
  (error as { code?: string }).code = "MODULE_NOT_FOUND";
  Error.captureStackTrace?.(error, cellRequire); // the stack starts in the cell
  throw error;
}
