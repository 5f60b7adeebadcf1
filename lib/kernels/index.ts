/**
 * `dl.kernels`: the numeric kernels under the tensor ops and layers, on raw row-major
 * Float64Arrays, behind one interface (`Kernels`, ./kernels.ts) with two implementations:
 * `reference`, the plain loops lesson 7 reads, and `fast`, the default. `use` switches.
 * Example: dl.kernels.use("reference"); dl.kernels.reference.conv2dForward(x.data, w.data, null, d)
 */
export { use, current } from "./active";
export { reference } from "./reference";
export { fast } from "./fast";
export type { FastOptions, MicroKernel } from "./fast";
export { conv2dDims, pool2dDims } from "./dims";
export type { Conv2dDims, Pool2dDims } from "./dims";
export type { Kernels, KernelName, MatmulDims, Conv2dGrads } from "./kernels";
