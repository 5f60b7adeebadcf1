/**
 * Our engine as the benchmark loads it: the compiled dist/ (what notebooks import with
 * `import * as dl from "../dist"`), required at run time from the project root, typed by lib/.
 */
import { join } from "node:path";
import type * as DL from "../lib/index";

// build/bench/engine.js → the project root is two folders up.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const dl = require(join(__dirname, "..", "..", "dist")) as typeof DL;
export type { DL };
