/**
 * The numeric kernels under the tensor ops and layers, on raw row-major Float64Arrays.
 * Each fast kernel has a plain-loop reference beside it (`*Reference`), the version lesson 7
 * reads and times: `dl.kernels.conv2dReference` against `dl.kernels.conv2dForward`.
 */
export { matmulInto, matmulBackend, setMatmulBackend } from "./matmul";
export type { MatmulBackend } from "./matmul";
export type { MatmulDims } from "./matmul";
export { matmulReference } from "./matmul-reference";
export { conv2dDims, conv2dForward, conv2dBackward } from "./conv2d";
export type { Conv2dDims } from "./conv2d";
export { conv2dReference, conv2dBackwardReference } from "./conv2d-reference";
export {
  pool2dDims,
  maxPool2dForward,
  maxPool2dBackward,
  avgPool2dForward,
  avgPool2dBackward,
} from "./pool2d";
export type { Pool2dDims } from "./pool2d";
export { maxPool2dReference, avgPool2dReference } from "./pool2d-reference";
