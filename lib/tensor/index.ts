/**
 * The tensor library's public names, re-exported at the top level of `dl` (lib/index.ts):
 * `dl.tensor`, `dl.add`, `dl.matmul`, `dl.sum`, … See each file for formulas and shapes.
 */
export { tensor, zeros, ones, full, arange, linspace, randn, rand, eye } from "./creation";
export { broadcastShapes } from "./broadcast";
export type { TensorLike } from "./broadcast";
export { add, sub, mul, div, pow, maximum, minimum } from "./elementwise";
export { eq, gt, lt, ge, le } from "./compare";
export { neg, exp, log, sqrt, abs, square } from "./unary";
export { sigmoid, tanh, relu, leakyRelu, elu, softplus } from "./activations";
export { sum, mean, max, min, argmax } from "./reduce";
export type { Axes, ReduceOptions } from "./reduce";
export { matmul } from "./matmul";
export { allClose, assertClose, compareClose } from "./close";
export type { CloseInput, CloseOptions, CloseReport } from "./close";
export { reshape, transpose, flatten, concat, take } from "./shape-ops";
export { softmax, logSoftmax, logSumExp } from "./softmax";
export { formatTensor } from "./print";
