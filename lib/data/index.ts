/** lib/data: toy sets, the digits loader, split/shuffle/batches/standardise/one-hot, augmentation. */
export { Rng, rng } from "./rng";
export type { Dataset, ToyOptions, ToyGenerator } from "./toy";
export { blobs, moons, circles, spirals, linearlySeparable, sampleFunction } from "./toy";
export { andGate, orGate, xorGate } from "./gates";
export { genderTable } from "./gender";
export type { GenderTable, Person } from "./gender";
export { loadDigits } from "./digits";
export type { DigitsOptions } from "./digits";
export { takeRows, trainTestSplit, shuffle, batches, standardize, oneHot } from "./split";
export type { Standardizer } from "./split";
export { randomFlip, randomCrop, rotate, randomRotate } from "./augment";
export { collider } from "./collider/collider";
export type { ColliderOptions, ColliderData } from "./collider/collider";
export { DETECTOR } from "./collider/detector";
export type { Detector } from "./collider/detector";
export { MASSES, WIDTHS } from "./collider/processes";
export { FEATURES, LOW_LEVEL_FEATURES, HIGH_LEVEL_FEATURES } from "./collider/features";
