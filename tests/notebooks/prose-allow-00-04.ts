// Numbers that the prose of lessons 00–04 states and that are no output of the lesson, each with
// its reason (the number-pinning guard, tests/notebooks/prose-numbers.test.ts, accepts these and
// nothing else without an output that shows them). Written as the guard reads them: without
// thousands separators ("131072"), powers of ten as "1e-6".

/** Numbers of a lesson's prose that no output shows, and why that is right. */
export interface NotAnOutput {
  readonly numbers: readonly string[];
  readonly why: string;
}

export const PROSE_ALLOW_00_04: Record<string, readonly NotAnOutput[]> = {
  "01-neuron": [
    {
      numbers: ["1943", "1958", "2013"],
      why: "years of the history (McCulloch–Pitts, Rosenblatt, maxout)",
    },
  ],
  "02-perceptron": [
    { numbers: ["1958", "1962"], why: "years: Rosenblatt's perceptron, Novikoff's proof" },
  ],
  "03-xor": [
    { numbers: ["1969", "1986"], why: "years: Minsky and Papert's Perceptrons, backpropagation" },
    {
      numbers: ["0.3", "0.2", "0.25", "0.05"],
      why: "the shuffled run's settings (initial weights, bias, learning rate), given to the code",
    },
    {
      numbers: ["0.5", "1.5"],
      why: "thresholds of the hand-made units and the MLP's learning rate, given to the code",
    },
  ],
  "04-mlp": [
    {
      numbers: ["1989"],
      why: "the year of the universal approximation theorem (Cybenko; Hornik, Stinchcombe and White)",
    },
    {
      numbers: ["135", "66"],
      why: "the lecture's centring constants (weight − 135 lb, height − 66 in)",
    },
    {
      numbers: ["1.5", "800", "2000"],
      why: "settings: the two-input fit's square and epochs, the symmetry runs' epochs",
    },
  ],
};
