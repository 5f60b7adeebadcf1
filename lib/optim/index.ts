/** lib/optim: optimizers, weight penalties and learning-rate schedules (lessons 6, 8). */
export { Optimizer } from "./optimizer";
export { SGD } from "./sgd";
export type { SGDOptions } from "./sgd";
export { Adam } from "./adam";
export type { AdamOptions } from "./adam";
export { l1Penalty, l2Penalty } from "./penalties";
export { stepDecay, exponentialDecay } from "./schedules";
export type { Schedule } from "./schedules";
