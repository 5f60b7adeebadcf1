/**
 * Puts Node's Math functions in place (./v8-math) before anything else in the worker runs:
 * web/kernel/build.mjs bundles this file on its own and puts it first in kernel-worker.js, so that
 * the engine, vega and mathjs compute with them too (even esbuild's `var __pow = Math.pow`).
 */
import { installNodeMath } from "./v8-math";

installNodeMath(Math);
