/**
 * The part of the public API (lib/index.ts) that reference answers use, re-exported under the same
 * names so a solution reads `dl.tensor(…)` exactly as in a notebook, and its text can be copied into
 * the solution notebooks. Importing lib/index.ts itself would make a cycle (index → exercises →
 * solutions → index). Add what a lesson's solutions need, with the name lib/index.ts gives it.
 */
export { Tensor } from "../../tensor/tensor";
export { tensor } from "../../tensor/creation";
export { mul } from "../../tensor/elementwise";
export * as nn from "../../nn/index";
export { Value } from "../../autograd/value";
export { matmul } from "../../tensor/matmul";
export { backward, zeroGrad } from "../../autograd/backward";
export * as data from "../../data/index";
export { Rng, rng } from "../../rng";
