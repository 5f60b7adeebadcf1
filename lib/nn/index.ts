/** lib/nn: modules, layers, activations, losses and initialisers (lessons 1–8). */
export { Module } from "./module";
export { Linear, linear } from "./linear";
export { Conv2d, conv2d } from "./conv";
export type { Conv2dOptions } from "./conv";
export { MaxPool2d, AvgPool2d, maxPool2d, avgPool2d } from "./pool";
export type { PoolOptions } from "./pool";
export { Flatten, Dropout, Sequential, dropout } from "./layers";
export { Sigmoid, Tanh, ReLU, LeakyReLU, ELU, Step, Softmax, Maxout } from "./activations";
export {
  mse,
  mae,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  softmaxCrossEntropy,
} from "./losses";
export type { Loss } from "./losses";
export { glorotUniform, glorotNormal, heUniform, heNormal, fans } from "./init";
export type { Initializer, InitOptions } from "./init";
export { mcCullochPitts, truthTable, MP_GATES } from "./mcculloch-pitts";
export type { ThresholdUnit, Gate } from "./mcculloch-pitts";
export { Perceptron } from "./perceptron";
export type { PerceptronFitOptions, PerceptronHistory } from "./perceptron";
export { saveWeights, loadWeights, architecture } from "./weights";
