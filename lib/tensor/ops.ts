// The op functions that Tensor's chainable methods call (tensor.ts imports this module).
export * from "./index";
export { backward, zeroGrad, detach } from "../autograd/backward";
