/** lib/data: toy sets, the digits loader, split/shuffle/batches/standardise/one-hot, augmentation. */
export { Rng, rng } from "../rng";
export type { Dataset } from "../tensor/dataset";
export type { ToyOptions, ToyGenerator } from "./toy";
export { blobs, moons, circles, spirals, linearlySeparable, sampleFunction } from "./toy";
export { andGate, orGate, xorGate } from "./gates";
export { genderTable } from "./gender";
export type { GenderTable, Person } from "./gender";
export { loadDigits } from "./digits";
export type { DigitsOptions } from "./digits";
export { takeRows, trainTestSplit, shuffle, batches, standardize, oneHot } from "./split";
export type { Standardizer } from "./split";
export { randomFlip, randomCrop, rotate, randomRotate } from "./augment";
