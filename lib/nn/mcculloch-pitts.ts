/**
 * The McCulloch–Pitts neuron (1943): binary inputs, fixed weights, a threshold, binary output
 *   y = 1 if Σ_i w_i·x_i ≥ θ, else 0.
 * Nothing is learned: the weights and the threshold are chosen by hand, and with the right choice
 * one neuron computes AND, OR or NOT (lesson 1). Rosenblatt's perceptron (lib/nn/perceptron.ts)
 * learns the same kind of unit from examples.
 *
 * Example:
 *   const and = dl.nn.mcCullochPitts({ weights: [1, 1], threshold: 2 });
 *   and([1, 1]); // 1
 *   dl.show.table(dl.nn.truthTable(and, 2));
 */
import { ArgumentError, ShapeError, expectFunction, expectOptions } from "../errors";
import { describeValue } from "../format-value";

/** A McCulloch–Pitts unit: one weight per input and the threshold θ the weighted sum must reach. */
export interface ThresholdUnit {
  readonly weights: readonly number[];
  readonly threshold: number;
}

/** A logic gate: binary inputs in, 0 or 1 out. */
export type Gate = (x: readonly number[]) => number;

/**
 * The unit as a function: x ↦ 1 if w·x ≥ θ else 0. Shapes: x [inputs] → 0 | 1.
 * Throws ShapeError when x has a different length than `weights`. Lesson 1.
 * Example: dl.nn.mcCullochPitts({ weights: [-1], threshold: 0 })([1]) // NOT 1 = 0
 */
export function mcCullochPitts(unit: ThresholdUnit): Gate {
  expectOptions("mcCullochPitts", unit, "unit ({ weights, threshold })");
  if (!Array.isArray(unit.weights as unknown)) {
    throw new ArgumentError(
      `mcCullochPitts: weights must be an array of numbers, got ${describeValue(unit.weights)}`,
    );
  }
  const weights = [...unit.weights];
  const { threshold } = unit;
  if (weights.length === 0 || !weights.every(Number.isFinite) || !Number.isFinite(threshold)) {
    throw new ArgumentError(
      `mcCullochPitts: weights must be a non-empty list of finite numbers and threshold finite, got weights [${weights.join(", ")}], threshold ${threshold}`,
    );
  }
  return (x: readonly number[]): number => {
    if (x.length !== weights.length) {
      throw new ShapeError(
        `mcCullochPitts: expected ${weights.length} inputs, got ${x.length} ([${x.join(", ")}])`,
      );
    }
    let z = 0;
    for (let i = 0; i < weights.length; i++) z += weights[i] * x[i];
    return Number.isNaN(z) ? NaN : +(z >= threshold); // NaN in, NaN out
  };
}

/** The lecture's gates as McCulloch–Pitts units (AND, OR on two inputs; NOT on one). Lesson 1. */
export const MP_GATES: Readonly<Record<"and" | "or" | "not", ThresholdUnit>> = Object.freeze({
  and: { weights: [1, 1], threshold: 2 },
  or: { weights: [1, 1], threshold: 1 },
  not: { weights: [-1], threshold: 0 },
});

/**
 * The truth table of a gate with `inputs` binary inputs, in counting order (00, 01, 10, 11 for
 * two), one row per input combination: `{ x1, x2, …, y }`, ready for `dl.show.table`. Lesson 1.
 * Example: dl.nn.truthTable(([a, b]) => a & b, 2) // [{x1:0,x2:0,y:0}, …, {x1:1,x2:1,y:1}]
 */
export function truthTable(gate: Gate, inputs = 2): Record<string, number>[] {
  expectFunction("truthTable", "gate", gate);
  if (!Number.isInteger(inputs) || inputs < 1 || inputs > 10) {
    throw new ArgumentError(
      `truthTable: inputs must be an integer from 1 to 10, got ${describeValue(inputs)}`,
    );
  }
  const rows: Record<string, number>[] = [];
  for (let k = 0; k < 2 ** inputs; k++) {
    const x = Array.from({ length: inputs }, (_, i) => (k >> (inputs - 1 - i)) & 1);
    const row: Record<string, number> = {};
    x.forEach((v, i) => (row[`x${i + 1}`] = v));
    row.y = gate(x);
    rows.push(row);
  }
  return rows;
}
