import { Tensor } from "../tensor/tensor";
import type { Dataset } from "../tensor/dataset";

/** The four inputs of a two-input logic gate, in truth-table order: 00, 01, 10, 11. */
const GATE_INPUTS = [0, 0, 0, 1, 1, 0, 1, 1];

function gate(outputs: number[]): Dataset {
  return {
    x: new Tensor(Float64Array.from(GATE_INPUTS), [4, 2]),
    y: new Tensor(Float64Array.from(outputs), [4, 1]),
  };
}

/**
 * The AND gate's truth table: x [4, 2] = 00, 01, 10, 11; y [4, 1] = 0, 0, 0, 1.
 * Linearly separable: a McCulloch–Pitts neuron computes it (lessons 1, 2).
 * Example: const { x, y } = dl.data.andGate();
 */
export function andGate(): Dataset {
  return gate([0, 0, 0, 1]);
}

/** The OR gate: y = 0, 1, 1, 1 for inputs 00, 01, 10, 11 (lessons 1, 2). Example: dl.data.orGate() */
export function orGate(): Dataset {
  return gate([0, 1, 1, 1]);
}

/**
 * The XOR gate: y = 0, 1, 1, 0 for inputs 00, 01, 10, 11. Not linearly separable: the
 * perceptron fails on it (Minsky–Papert 1969), an MLP with one hidden layer solves it (lesson 3).
 * Example: dl.data.xorGate()
 */
export function xorGate(): Dataset {
  return gate([0, 1, 1, 0]);
}
