// Plausible wrong answers of lessons 0–4's checks and the targeted message each must get
// (spread into WRONG in wrong.ts; tests/exercises/lesson-0N.test.ts use them too). Each is written
// the way a student might write it, not copied from the check's own variants.
import { mcCullochPitts } from "../../lib/nn/mcculloch-pitts";
import { tensor } from "../../lib/tensor/creation";

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const f = sigmoid;
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const table = (ys: number[]) => (x1: number, x2: number) => ys[2 * x1 + x2];

/** A student's perceptron step with one slip. */
function studentRule(
  slip: "sign" | "noBiasUpdate" | "noLr" | "noX" | "byY" | "noBiasInOutput" | "strict",
) {
  return (w: number[], b: number, x: number[], y: number, lr: number) => {
    let z = slip === "noBiasInOutput" ? 0 : b;
    for (let i = 0; i < w.length; i++) z += w[i] * x[i];
    const yHat = (slip === "strict" ? z > 0 : z >= 0) ? 1 : 0;
    const err = slip === "sign" ? yHat - y : slip === "byY" ? y : y - yHat;
    const step = slip === "noLr" ? err : lr * err;
    return {
      w: w.map((wi, i) => wi + step * (slip === "noX" ? 1 : x[i])),
      b: slip === "noBiasUpdate" ? b : b + step,
    };
  };
}

/** The lecture's 2-2-1 network for Alice (x = [−2, −1]) with exercise 04-alice-output's weights. */
function alice(slip: "none" | "biasOutside" | "z" | "noBias" | "raw" | "w2w3" | "swapX") {
  const [x1, x2] = slip === "raw" ? [133, 65] : slip === "swapX" ? [-1, -2] : [-2, -1];
  const [w2, w3] = slip === "w2w3" ? [-0.5, -1] : [-1, -0.5];
  const [b1, b2, b3] = slip === "noBias" ? [0, 0, 0] : [0, 0.5, -0.5];
  if (slip === "biasOutside") {
    const h1 = f(1 * x1 + w2 * x2) + b1;
    const h2 = f(w3 * x1 + 1 * x2) + b2;
    return f(2 * h1 - 1 * h2) + b3;
  }
  const h1 = f(1 * x1 + w2 * x2 + b1);
  const h2 = f(w3 * x1 + 1 * x2 + b2);
  const z = 2 * h1 - 1 * h2 + b3;
  return slip === "z" ? z : f(z);
}

type Params = { w: number[]; b: number[] };
/** A student's gradient descent step with one slip, written out with loops. */
function studentStep(slip: "ascent" | "noLr" | "frozenBias" | "stepOnly" | "divided") {
  return (params: Params, grads: Params, lr: number): Params => {
    const w: number[] = [];
    for (let i = 0; i < params.w.length; i++) {
      if (slip === "ascent") w.push(params.w[i] + lr * grads.w[i]);
      else if (slip === "noLr") w.push(params.w[i] - grads.w[i]);
      else if (slip === "stepOnly") w.push(-lr * grads.w[i]);
      else if (slip === "divided") w.push(params.w[i] - grads.w[i] / lr);
      else w.push(params.w[i] - lr * grads.w[i]);
    }
    const b =
      slip === "frozenBias"
        ? params.b.slice()
        : params.b.map((bi, i) =>
            slip === "ascent"
              ? bi + lr * grads.b[i]
              : slip === "noLr"
                ? bi - grads.b[i]
                : slip === "stepOnly"
                  ? -lr * grads.b[i]
                  : slip === "divided"
                    ? bi - grads.b[i] / lr
                    : bi - lr * grads.b[i],
          );
    return { w, b };
  };
}

export const WRONG_00 = {
  firstTensor: [
    {
      answer: tensor([
        [1, 2],
        [3, 4],
      ]),
      mistake: /did not double/,
    },
    {
      answer: tensor([
        [1, 4],
        [9, 16],
      ]),
      mistake: /squared/,
    },
    {
      answer: tensor([
        [3, 4],
        [5, 6],
      ]),
      mistake: /added 2/,
    },
    {
      answer: tensor([
        [2, 6],
        [4, 8],
      ]),
      mistake: /Rows and columns are swapped/,
    },
  ],
  average: [
    { answer: sum, mistake: /forgot to average/ },
    { answer: (xs: number[]) => sum(xs) / (xs.length - 1), mistake: /length - 1/ },
    { answer: (xs: number[]) => sum(xs) / (xs.length + 1), mistake: /length \+ 1/ },
    { answer: (xs: number[]) => (xs[0] + xs[xs.length - 1]) / 2, mistake: /midpoint/ },
    { answer: (xs: number[]) => Math.round(sum(xs) / xs.length), mistake: /fraction was cut/ },
    { answer: (xs: number[]) => Math.trunc(sum(xs) / xs.length), mistake: /fraction was cut/ },
  ],
  broadcastShape: [
    {
      answer: (a: number[], b: number[]) => {
        const out: number[] = [];
        for (let i = 1; i <= Math.max(a.length, b.length); i++) {
          const [x, y] = [a[a.length - i], b[b.length - i]];
          if (x !== undefined && y !== undefined && x !== y) return null;
          out.unshift(x ?? y);
        }
        return out;
      },
      mistake: /An axis of size 1 stretches/,
    },
    {
      answer: (a: number[], b: number[]) => {
        const n = Math.max(a.length, b.length);
        const out: number[] = [];
        for (let i = 0; i < n; i++) {
          const x = a[i] ?? 1;
          const y = b[i] ?? 1;
          if (x !== y && x !== 1 && y !== 1) return null;
          out.push(Math.max(x, y));
        }
        return out;
      },
      mistake: /aligned on the right/,
    },
    {
      answer: (a: number[], b: number[]) => {
        const out: number[] = [];
        for (let i = 1; i <= Math.max(a.length, b.length); i++)
          out.unshift(Math.max(a[a.length - i] ?? 1, b[b.length - i] ?? 1));
        return out;
      },
      mistake: /Return null then/,
    },
    {
      answer: (a: number[], b: number[]) => {
        const out: number[] = [];
        for (let i = 1; i <= Math.min(a.length, b.length); i++) {
          const [x, y] = [a[a.length - i], b[b.length - i]];
          if (x !== y && x !== 1 && y !== 1) return null;
          out.unshift(Math.max(x, y));
        }
        return out;
      },
      mistake: /as many axes as the longer shape/,
    },
    { answer: (a: number[]) => a.slice(), mistake: /not always the first shape/ },
  ],
  predictedSum: [
    { answer: 10, mistake: /before doubling/ },
    { answer: 4, mistake: /number of entries/ },
    { answer: 8, mistake: /largest entry/ },
    { answer: 18, mistake: /adds 2 to each/ },
    { answer: 30, mistake: /squares each/ },
  ],
};

export const WRONG_01 = {
  predictedZeroFraction: [
    { answer: 0, mistake: /about half/ },
    { answer: 0.02, mistake: /about half/ },
    { answer: 1, mistake: /only the units with a negative sum/ },
    { answer: 0.25, mistake: /one coin flip per output/ },
    { answer: 50, mistake: /50 % is 0\.5/ },
    { answer: 65536, mistake: /count of outputs/ },
  ],
  sigmoid: [
    { answer: (z: number) => 1 / (1 + Math.exp(z)), mistake: /sign of the exponent/ },
    { answer: (z: number) => Math.exp(-z) / (1 + Math.exp(-z)), mistake: /sign of the exponent/ },
    { answer: Math.tanh, mistake: /tanh/ },
    { answer: (z: number) => Math.exp(z), mistake: /Missing the 1 \+/ },
    { answer: (z: number) => 1 / (1 - Math.exp(-z)), mistake: /with a plus/ },
  ],
  sigmoidDerivative: [
    { answer: sigmoid, mistake: /σ\(z\) itself/ },
    { answer: (z: number) => z * (1 - z), mistake: /not to z/ },
    { answer: (z: number) => 1 - Math.tanh(z) ** 2, mistake: /derivative of tanh/ },
    { answer: (z: number) => 1 / (1 + Math.exp(z)), mistake: /That is 1 − σ\(z\)/ },
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
    {
      answer: (x: number[], w: number[], b: number) => sigmoid(x[0] * w[0] + b),
      mistake: /Only the first input/,
    },
  ],
  nand: [
    { answer: mcCullochPitts({ weights: [1, 1], threshold: 2 }), mistake: /NAND\(0, 0\) = 1/ },
    {
      answer: mcCullochPitts({ weights: [1, 1], threshold: 1 }),
      mistake: /AND and OR give 0 here/,
    },
    { answer: mcCullochPitts({ weights: [-1, -1], threshold: 0 }), mistake: /NOR gives 0 here/ },
    {
      answer: mcCullochPitts({ weights: [-2, -1], threshold: -1.5 }),
      mistake: /give w1 the same weight as w2/,
    },
    { answer: () => 1, mistake: /must stay below the threshold/ },
  ],
};

export const WRONG_02 = {
  perceptronUpdate: [
    { answer: studentRule("sign"), mistake: /sign is flipped/ },
    { answer: studentRule("noBiasUpdate"), mistake: /bias learns too/ },
    { answer: studentRule("noLr"), mistake: /learning rate η is missing/ },
    { answer: studentRule("noX"), mistake: /its own input/ },
    { answer: studentRule("byY"), mistake: /not by y/ },
    { answer: studentRule("noBiasInOutput"), mistake: /ŷ uses the bias too/ },
    { answer: studentRule("strict"), mistake: /z = w·x \+ b = 0 exactly/ },
  ],
  predictedEpochs: [
    { answer: 1, mistake: /One pass is not enough/ },
    { answer: 3, mistake: /After epoch 3/ },
    { answer: 4, mistake: /Four points do not make four epochs/ },
    { answer: 6, mistake: /counts until an epoch makes no update/ },
    { answer: 100, mistake: /linearly separable/ },
  ],
  boundaryX2: [
    { answer: (w: number[], b: number, x1: number) => (w[0] * x1 + b) / w[1], mistake: /The sign/ },
    { answer: (w: number[], b: number, x1: number) => (-w[0] * x1) / w[1], mistake: /bias shifts/ },
    {
      answer: (w: number[], b: number, x1: number) => -(w[1] * x1 + b) / w[0],
      mistake: /w1 goes with x1/,
    },
    {
      answer: (w: number[], b: number, x1: number) => (b - w[0] * x1) / w[1],
      mistake: /whole sum/,
    },
    {
      answer: (w: number[], b: number, x1: number) => -(w[0] * x1 + b) * w[1],
      mistake: /not multiply/,
    },
  ],
  predictedEpochsHalfLr: [
    { answer: 10, mistake: /twice as many/ },
    { answer: 2, mistake: /not faster either/ },
    { answer: 6, mistake: /counts until an epoch makes no update/ },
    { answer: 100, mistake: /every η > 0/ },
  ],
};

export const WRONG_03 = {
  xorNet: [
    { answer: table([0, 1, 1, 1]), mistake: /as OR does/ },
    { answer: table([0, 0, 0, 1]), mistake: /AND and XNOR give 0 here/ },
    { answer: table([1, 0, 0, 1]), mistake: /0 XOR 0 is 0/ },
    { answer: table([1, 1, 1, 0]), mistake: /XNOR and NAND give 1 here/ },
    { answer: table([0, 1, 0, 0]), mistake: /XOR treats x1 and x2 alike/ },
  ],
  predictedXorErrors: [
    { answer: 0, mistake: /none does/ },
    { answer: 1, mistake: /never settles/ },
    { answer: 3, mistake: /constant answer/ },
    { answer: 4, mistake: /opposite rule/ },
  ],
  predictedSeparable: [
    { answer: 16, mistake: /XOR is one of the 16/ },
    { answer: 15, mistake: /XNOR/ },
    { answer: 8, mistake: /More than half/ },
    { answer: 4, mistake: /the two constants/ },
    { answer: 2, mistake: /Not only AND and OR/ },
  ],
  hiddenPoints: [
    {
      answer: [
        [0, 0],
        [0, 1],
        [0, 1],
        [1, 1],
      ],
      mistake: /comes first/,
    },
    { answer: [0, 1, 1, 0], mistake: /network's output y/ },
    {
      answer: [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ],
      mistake: /x itself/,
    },
    {
      answer: [
        [0, 0],
        [1, 1],
        [1, 1],
        [1, 1],
      ],
      mistake: /only when both inputs are 1/,
    },
  ],
};

export const WRONG_04 = {
  aliceOutput: [
    { answer: alice("z"), mistake: /weighted sum z/ },
    { answer: alice("noBias"), mistake: /left out the biases/ },
    { answer: alice("biasOutside"), mistake: /added each bias after f/ },
    { answer: alice("raw"), mistake: /centred inputs/ },
    { answer: alice("w2w3"), mistake: /w2 multiplies x2/ },
    { answer: alice("swapX"), mistake: /Swapped inputs/ },
  ],
  hiddenUnits: [
    { answer: 1, mistake: /N = 1/ },
    { answer: 2, mistake: /N = 2/ },
    { answer: 8, mistake: /smallest/ },
    { answer: 16, mistake: /not the smallest/ },
  ],
  predictedConstantMse: [
    { answer: 0.5, mistake: /squares it/ },
    { answer: 1, mistake: /sum of the squared errors/ },
    { answer: 0, mistake: /cancel only before squaring/ },
    { answer: 0.125, mistake: /no extra ½/ },
  ],
  gdStep: [
    { answer: studentStep("ascent"), mistake: /climbs the loss/ },
    { answer: studentStep("noLr"), mistake: /learning rate η is missing/ },
    { answer: studentStep("frozenBias"), mistake: /biases learn too/ },
    { answer: studentStep("stepOnly"), mistake: /step −η·∂L\/∂w alone/ },
    { answer: studentStep("divided"), mistake: /do not divide/ },
  ],
};
