import type { Kernels } from "../kernels";
import { conv2dBackward, conv2dForward } from "./conv2d";
import { matmul } from "./matmul";
import { avgPool2dBackward, avgPool2dForward, maxPool2dBackward, maxPool2dForward } from "./pool2d";
import { reluBackward, reluForward } from "./relu";

/**
 * The reference kernels: each formula as plain loops over `new Float64Array`s, no state, nothing
 * reused. Read these to see what the engine computes; `fast` computes the same numbers quicker.
 * Example: dl.kernels.use("reference") trains any lesson's model on these loops.
 */
export const reference: Kernels = {
  name: "reference",
  allocate: (length) => new Float64Array(length),
  release: () => {}, // nothing is reused: the garbage collector takes released arrays
  keep: () => {},
  matmul,
  conv2dForward,
  conv2dBackward,
  maxPool2dForward,
  maxPool2dBackward,
  avgPool2dForward,
  avgPool2dBackward,
  reluForward,
  reluBackward,
};
