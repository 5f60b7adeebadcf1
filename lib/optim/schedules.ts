import { ArgumentError } from "../errors";
import { checkPositive } from "./optimizer";
import { describeValue, expectOptions } from "../tensor/check";

/** A learning-rate schedule: the rate to use in a given epoch (0-based). */
export type Schedule = (epoch: number) => number;

/**
 * Step decay: η_e = η₀ · factor^⌊e / every⌋ (default factor 0.5): the rate drops by `factor` every
 * `every` epochs. Lesson 6. Example: dl.optim.stepDecay({ initial: 0.1, every: 10 })(25)  // 0.025
 */
export function stepDecay(options: { initial: number; every: number; factor?: number }): Schedule {
  const { initial, every, factor = 0.5 } = expectOptions("stepDecay", options);
  checkPositive("stepDecay", "initial", initial);
  if (!Number.isInteger(every) || every < 1) {
    throw new ArgumentError(`stepDecay: every must be an integer ≥ 1, got ${describeValue(every)}`);
  }
  checkPositive("stepDecay", "factor", factor);
  return (epoch) => initial * factor ** Math.floor(epoch / every);
}

/**
 * Exponential decay: η_e = η₀ · rate^e (0 < rate ≤ 1). Lesson 6.
 * Example: dl.optim.exponentialDecay({ initial: 0.1, rate: 0.9 })(2)  // 0.081
 */
export function exponentialDecay(options: { initial: number; rate: number }): Schedule {
  const { initial, rate } = expectOptions("exponentialDecay", options);
  checkPositive("exponentialDecay", "initial", initial);
  if (!(typeof rate === "number" && rate > 0 && rate <= 1)) {
    throw new ArgumentError(`exponentialDecay: rate must be in (0, 1], got ${describeValue(rate)}`);
  }
  return (epoch) => initial * rate ** epoch;
}
