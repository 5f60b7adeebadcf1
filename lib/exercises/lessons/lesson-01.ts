/**
 * The exercises of lesson 1 (The neuron), one export per check: `dl.check.sigmoid(sigmoid)`,
 * `dl.check.sigmoidDerivative(…)`, `dl.check.neuronOutput(…)`, `dl.check.nand(nand)`.
 */
import { defineExercise } from "../define";
import * as dl from "../solutions/dl";
import * as solutions from "../solutions/lesson-01";

const s = solutions.sigmoid;
const zs = (...values: number[]) =>
  values.map((z) => ({ name: `z = ${z}`, args: [z] as [number] }));

/** 01-sigmoid (function): σ(z) = 1 / (1 + e^(−z)). */
export const sigmoid = defineExercise({
  id: "01-sigmoid",
  title: "The sigmoid",
  kind: "function",
  answer: "sigmoid",
  reference: solutions.sigmoid,
  cases: [...zs(2, 0, -3, 10), { name: "z = 0.5", args: [0.5], hidden: true }],
  mistakes: [
    {
      message:
        "The sign of the exponent: 1 / (1 + e^z) is 1 − σ(z); σ(z) = 1 / (1 + e^(−z)), with a minus.",
      variant: (z) => 1 / (1 + Math.exp(z)),
    },
    {
      message: "That is tanh(z), which runs from −1 to 1; σ runs from 0 to 1.",
      variant: (z) => Math.tanh(z),
    },
    {
      message: "Missing the 1 +: σ(z) = 1 / (1 + e^(−z)), not 1 / e^(−z).",
      variant: (z) => 1 / Math.exp(-z),
    },
    {
      message: "The denominator is 1 + e^(−z), with a plus: 1 − e^(−z) can even be negative.",
      variant: (z) => 1 / (1 - Math.exp(-z)),
    },
  ],
  hints: [
    "σ squashes any number into (0, 1): σ(0) = 0.5, large z → 1, very negative z → 0.",
    "Math.exp(x) computes eˣ.",
    "return 1 / (1 + Math.exp(-z));",
  ],
});

/** 01-sigmoid-derivative (function): σ′(z) = σ(z)(1 − σ(z)). */
export const sigmoidDerivative = defineExercise({
  id: "01-sigmoid-derivative",
  title: "The derivative of the sigmoid",
  kind: "function",
  answer: "sigmoidDerivative",
  reference: solutions.sigmoidDerivative,
  cases: [...zs(2, 0, -3), { name: "z = 6", args: [6], hidden: true }],
  mistakes: [
    { message: "That is σ(z) itself; its derivative is σ(z)·(1 − σ(z)).", variant: (z) => s(z) },
    {
      message: "You computed z·(1 − z): apply s·(1 − s) to s = σ(z), not to z.",
      variant: (z) => z * (1 - z),
    },
    { message: "That is 1 − σ(z); multiply it by σ(z).", variant: (z) => 1 - s(z) },
    {
      message: "That is 1 − tanh²(z), the derivative of tanh, not of σ.",
      variant: (z) => 1 - Math.tanh(z) ** 2,
    },
  ],
  hints: [
    "Work out σ(z) first, then use the formula σ′ = σ·(1 − σ): it is largest at z = 0 (0.25).",
    "const s = 1 / (1 + Math.exp(-z));",
    "const s = 1 / (1 + Math.exp(-z)); return s * (1 - s);",
  ],
});

const neuronCase = (name: string, x: number[], w: number[], b: number, hidden = false) => ({
  name,
  args: [x, w, b] as [number[], number[], number],
  hidden,
});

/** 01-neuron-output (function): y = σ(Σ xᵢwᵢ + b). */
export const neuronOutput = defineExercise({
  id: "01-neuron-output",
  title: "A neuron's output",
  kind: "function",
  answer: "neuronOutput",
  reference: solutions.neuronOutput,
  cases: [
    neuronCase("two inputs", [1, 2], [0.5, -1], 0.5),
    neuronCase("the lecture's picture", [2, 3], [0, 1], 4),
    neuronCase("three inputs", [1, -1, 2], [0.2, 0.4, -0.1], -0.3),
    neuronCase("zero weights", [5, 7], [0, 0], 0, true),
  ],
  mistakes: [
    {
      message: "You forgot the bias: z = x1·w1 + x2·w2 + b.",
      variant: (x, w) => solutions.neuronOutput(x, w, 0),
    },
    {
      message: "You returned z = Σ xᵢwᵢ + b itself: pass it through the activation σ.",
      variant: (x, w, b) => x.reduce((z, xi, i) => z + xi * w[i], b),
    },
    {
      message: "The bias is added, not subtracted: z = Σ xᵢwᵢ + b.",
      variant: (x, w, b) => solutions.neuronOutput(x, w, -b),
    },
    {
      message: "Only the first input was used: sum xᵢ·wᵢ over every input.",
      variant: (x, w, b) => solutions.neuronOutput(x.slice(0, 1), w.slice(0, 1), b),
    },
  ],
  hints: [
    "Two steps: the weighted sum z = x1·w1 + x2·w2 + … + b, then y = σ(z).",
    "let z = b; for (let i = 0; i < x.length; i++) z += x[i] * w[i];",
    "let z = b; for (let i = 0; i < x.length; i++) z += x[i] * w[i]; return 1 / (1 + Math.exp(-z));",
  ],
});

const gateCases = [
  { name: "x = [0, 0]", args: [[0, 0]] as [number[]] },
  { name: "x = [0, 1]", args: [[0, 1]] as [number[]] },
  { name: "x = [1, 0]", args: [[1, 0]] as [number[]] },
  { name: "x = [1, 1]", args: [[1, 1]] as [number[]] },
];
/** NAND, wrong exactly at the given inputs. */
const wrongAt =
  (...inputs: number[][]) =>
  (x: readonly number[]): number => {
    const y = dl.nn.mcCullochPitts({ weights: [-1, -1], threshold: -1 })(x);
    return inputs.some((i) => i[0] === x[0] && i[1] === x[1]) ? 1 - y : y;
  };

/** 01-nand (function): NAND from a McCulloch–Pitts unit. */
export const nand = defineExercise({
  id: "01-nand",
  title: "NAND from a McCulloch–Pitts neuron",
  kind: "function",
  answer: "nand",
  reference: solutions.nand,
  cases: gateCases,
  // A binary output can be wrong in only one way on each input, so each message speaks to the
  // first input that came out wrong (AND and OR fail at [0, 0], NOR at [0, 1], unequal weights
  // at [1, 0] only, "always 1" at [1, 1]). The one-input variant comes first: at [1, 0] it and
  // NOR give the same value, and only it is right at [0, 1].
  mistakes: [
    {
      message:
        "NAND(0, 0) = 1: with no input on the sum w·x is 0, and it must still reach the threshold, so θ ≤ 0 (AND and OR give 0 here).",
      variant: wrongAt([0, 0]),
    },
    {
      message:
        "x2 alone fires but x1 alone does not: NAND treats both inputs alike, so give w1 the same weight as w2.",
      variant: wrongAt([1, 0]),
    },
    {
      message:
        "One active input must still fire (NOR gives 0 here): a single weight w_i must reach the threshold θ.",
      variant: wrongAt([0, 1], [1, 0]),
    },
    {
      message:
        "Both inputs on must give 0 (AND and OR fire here): w1 + w2 must stay below the threshold θ.",
      variant: wrongAt([1, 1]),
    },
  ],
  hints: [
    "NAND(x1, x2) = NOT AND: 1, 1, 1, 0 for 00, 01, 10, 11. Start from AND's unit (weights [1, 1], threshold 2) and flip it.",
    "Negative weights: each active input pushes the sum down. With weights [−1, −1] the sums are 0, −1, −1, −2: where must the threshold sit?",
    "dl.nn.mcCullochPitts({ weights: [-1, -1], threshold: -1 })",
  ],
});

/** 01-predict-zeros (prediction): the fraction of zeros in a random ReLU layer (± 0.05). */
export const predictedZeroFraction = defineExercise({
  id: "01-predict-zeros",
  title: "Predict: how many ReLU units are off?",
  kind: "prediction",
  answer: "predictedZeroFraction",
  reference: solutions.predictedZeroFraction,
  tolerance: { atol: 0.05 },
  mistakes: [
    {
      message:
        "ReLU is zero for every negative input, and about half of the weighted sums are negative.",
      variant: () => 0,
    },
    {
      message: "ReLU keeps every positive input: only the units with a negative sum are zero.",
      variant: () => 1,
    },
    {
      message:
        "A unit is off when its whole weighted sum z is negative, one coin flip per output, not when an input and a weight are both negative (½ · ½).",
      variant: () => 0.25,
    },
    {
      message: "Write the fraction as a number between 0 and 1 (50 % is 0.5).",
      variant: () => 50,
    },
    {
      message:
        "That is a count of outputs; the question asks for the fraction of the 131,072 outputs (a number between 0 and 1).",
      variant: () => 65536,
    },
  ],
  hints: [
    "The weights are random and symmetric around 0, so each weighted sum z is as likely to be negative as positive.",
    "ReLU(z) = 0 exactly when z ≤ 0.",
  ],
});
