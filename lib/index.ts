/**
 * The course's engine: one import for every lesson.
 *
 *   import * as dl from "../dist";
 *   const x = dl.tensor([[1, 2], [3, 4]]);
 *
 * Every name reads `dl.something`; sub-libraries are namespaces (`dl.nn`, `dl.optim`, `dl.train`,
 * `dl.data`, `dl.plot`, `dl.show`, `dl.check`).
 */
export {
  ShapeError,
  ArgumentError,
  NonFiniteError,
  ReleasedTensorError,
  FormatError,
  KernelThreadError,
} from "./errors";
export { Tensor } from "./tensor/tensor";
export type { NestedArray } from "./tensor/tensor";
export type { Shape } from "./tensor/shape";
export * from "./tensor/index";
export * from "./autograd/index";
export { Rng, rng } from "./rng";
export * as kernels from "./kernels/index";
export * as nn from "./nn/index";
export * as optim from "./optim/index";
export * as train from "./train-api";
export * as data from "./data/index";
export { check, hint, predict, todo } from "./exercises/index";
export type { Verdict, VerdictStatus } from "./exercises/index";
export * as plot from "./plot/index";
export * as show from "./show/index";
