// Plausible wrong answers of lessons 1–3's checks and the targeted message each must get
// (spread into WRONG in catalog.test.ts; tests/exercises/lesson-0N.test.ts use them too).
import { mcCullochPitts } from "../../lib/nn/mcculloch-pitts";

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const table = (ys: number[]) => (x1: number, x2: number) => ys[2 * x1 + x2];
const rule =
  (sign: number, bias = true) =>
  (w: number[], b: number, x: number[], y: number, lr: number) => {
    const yHat = w.reduce((z, wi, i) => z + wi * x[i], b) >= 0 ? 1 : 0;
    const d = sign * lr * (y - yHat);
    return { w: w.map((wi, i) => wi + d * x[i]), b: bias ? b + d : b };
  };

export const WRONG_01 = {
  predictedZeroFraction: [
    { answer: 0, mistake: /about half/ },
    { answer: 1, mistake: /only the units with a negative sum/ },
  ],
  sigmoid: [
    { answer: (z: number) => 1 / (1 + Math.exp(z)), mistake: /sign of the exponent/ },
    { answer: (z: number) => Math.exp(-z) / (1 + Math.exp(-z)), mistake: /sign of the exponent/ },
    { answer: Math.tanh, mistake: /tanh/ },
  ],
  sigmoidDerivative: [
    { answer: sigmoid, mistake: /σ\(z\) itself/ },
    { answer: (z: number) => z * (1 - z), mistake: /not to z/ },
    { answer: (z: number) => 1 - Math.tanh(z) ** 2, mistake: /derivative of tanh/ },
  ],
  neuronOutput: [
    {
      answer: (x: number[], w: number[]) => sigmoid(x[0] * w[0] + x[1] * w[1]),
      mistake: /forgot the bias/,
    },
    {
      answer: (x: number[], w: number[], b: number) => x.reduce((z, xi, i) => z + xi * w[i], b),
      mistake: /through the activation/,
    },
    {
      answer: (x: number[], w: number[], b: number) => sigmoid(x[0] * w[0] + x[1] * w[1] - b),
      mistake: /not subtracted/,
    },
  ],
  nand: [
    { answer: mcCullochPitts({ weights: [1, 1], threshold: 2 }), mistake: /NAND\(0, 0\) = 1/ },
    {
      answer: mcCullochPitts({ weights: [1, 1], threshold: 1 }),
      mistake: /AND and OR give 0 here/,
    },
    { answer: mcCullochPitts({ weights: [-1, -1], threshold: 0 }), mistake: /NOR gives 0 here/ },
    { answer: () => 1, mistake: /must stay below the threshold/ },
  ],
};

export const WRONG_02 = {
  perceptronUpdate: [
    { answer: rule(-1), mistake: /sign is flipped/ },
    { answer: rule(1, false), mistake: /bias learns too/ },
    {
      answer: (w: number[], b: number, x: number[], y: number) => rule(1)(w, b, x, y, 1),
      mistake: /learning rate η is missing/,
    },
  ],
  predictedEpochs: [
    { answer: 1, mistake: /One pass is not enough/ },
    { answer: 100, mistake: /linearly separable/ },
  ],
};

export const WRONG_03 = {
  xorNet: [
    { answer: table([0, 1, 1, 1]), mistake: /as OR does/ },
    { answer: table([0, 0, 0, 1]), mistake: /AND and XNOR give 0 here/ },
    { answer: table([1, 0, 0, 1]), mistake: /0 XOR 0 is 0/ },
    { answer: table([1, 1, 1, 0]), mistake: /XNOR and NAND give 1 here/ },
  ],
  predictedConverges: [
    { answer: true, mistake: /no line separates/ },
    { answer: true, mistake: /boundary is a line/ },
  ],
};
