// Plausible wrong answers of lessons 5–6's checks and the targeted message each must get
// (spread into WRONG in wrong.ts; tests/exercises/lesson-04-06.test.ts use them too).

import { Value } from "../../lib/autograd/value";
import { backward, zeroGrad } from "../../lib/autograd/backward";
import { mse } from "../../lib/nn/losses";
import { tensor } from "../../lib/tensor/creation";
import { matmul } from "../../lib/tensor/matmul";
import { take } from "../../lib/tensor/shape-ops";
import { Tensor } from "../../lib/tensor/tensor";

const f = (z: number): number => 1 / (1 + Math.exp(-z));

type Slip = "none" | "half" | "sign" | "noFPrime" | "fPrimeOfYPred" | "zTimesOneMinusZ";

/** ∂L/∂w5 or ∂L/∂b3 (last = "w5" | "b3" | "h2" | "weight") with one slip, as a student writes it. */
function gradOf(last: "w5" | "b3" | "h2" | "weight", slip: Slip = "none") {
  return (x: number[], y: number, w: number[], b: number[]): number => {
    const h1 = f(w[0] * x[0] + w[1] * x[1] + b[0]);
    const h2 = f(w[2] * x[0] + w[3] * x[1] + b[1]);
    const z3 = w[4] * h1 + w[5] * h2 + b[2];
    const yPred = f(z3);
    const dL = { half: -1, sign: 2 }[slip as "half" | "sign"] ?? -2;
    const fPrime = {
      noFPrime: 1,
      fPrimeOfYPred: f(yPred) * (1 - f(yPred)),
      zTimesOneMinusZ: z3 * (1 - z3),
    }[slip as "noFPrime"];
    const dz3 = { w5: h1, b3: 1, h2, weight: w[4] }[last];
    return dL * (y - yPred) * (fPrime ?? yPred * (1 - yPred)) * dz3;
  };
}

/** A scalar tanh op whose backward uses `local(t, x)` and optionally forgets out.grad or assigns. */
function tanhWith(
  local: (t: number, x: number) => number,
  opts: { noUpstream?: boolean; assign?: boolean; parents?: "none" | "copy" } = {},
) {
  return (x: Value): Value => {
    const t = Math.tanh(x.data);
    const parents = { none: [], copy: [new Value(x.data)] }[opts.parents ?? "none"];
    const out = new Value(t, "", "tanh", opts.parents === undefined ? [x] : parents);
    out.backwardFn = () => {
      const g = local(t, x.data) * (opts.noUpstream ? 1 : out.grad);
      x.grad = opts.assign ? g : x.grad + g;
    };
    return out;
  };
}

export const WRONG_05 = {
  gradW5: [
    { answer: gradOf("w5", "half"), mistake: /dropped the 2/ },
    { answer: gradOf("w5", "sign"), mistake: /sign is flipped/ },
    { answer: gradOf("w5", "noFPrime"), mistake: /left out f′/ },
    { answer: gradOf("w5", "fPrimeOfYPred"), mistake: /applied f′ to y_pred/ },
    { answer: gradOf("w5", "zTimesOneMinusZ"), mistake: /not z\(1 − z\)/ },
    { answer: gradOf("h2"), mistake: /w5 multiplies h1/ },
    { answer: gradOf("b3"), mistake: /That is ∂L\/∂b3/ },
    { answer: gradOf("weight"), mistake: /w5 itself is/ },
  ],
  gradB3: [
    { answer: gradOf("b3", "half"), mistake: /dropped the 2/ },
    { answer: gradOf("b3", "sign"), mistake: /sign is flipped/ },
    { answer: gradOf("b3", "noFPrime"), mistake: /left out f′/ },
    { answer: gradOf("b3", "fPrimeOfYPred"), mistake: /applied f′ to y_pred/ },
    { answer: gradOf("b3", "zTimesOneMinusZ"), mistake: /not z\(1 − z\)/ },
    { answer: gradOf("w5"), mistake: /That is ∂L\/∂w5/ },
  ],
  tanhOp: [
    { answer: (x: Value) => x.tanh(), mistake: /library's own/ },
    { answer: tanhWith((t) => 1 - t * t, { parents: "none" }), mistake: /no parents/ },
    { answer: tanhWith((t) => 1 - t * t, { parents: "copy" }), mistake: /very Value/ },
    {
      answer: (x: Value) => x.mul(2).sigmoid().mul(2).sub(1),
      mistake: /built from other nodes/,
    },
    { answer: tanhWith((t, x) => 1 - x * x), mistake: /uses the output/ },
    { answer: tanhWith((t) => 1 - t), mistake: /forgot the square/ },
    { answer: tanhWith((t) => 1 - t * t, { noUpstream: true }), mistake: /out\.grad/ },
    { answer: (x: Value) => new Value(Math.tanh(x.data), "", "tanh", [x]), mistake: /backwardFn/ },
    { answer: tanhWith((t) => 1 - t * t, { assign: true }), mistake: /x\.grad \+=/ },
  ],
  predictedGradTwice: [
    { answer: 6, mistake: /accumulate/ },
    { answer: 9, mistake: /c = a·a itself/ },
    { answer: 3, mistake: /each backward\(\) gives 3 \+ 3/ },
    { answer: 24, mistake: /not 2a = 6/ },
  ],
};

type Params = { w: Tensor; b: Tensor };
type Data = { x: Tensor; y: Tensor };

/** A hand-written epoch with one slip, written the way a student might (not the check's variant code). */
function studentEpoch(slip: "fullBatch" | "ascent" | "firstOnly" | "noZeroGrad" | "weightsOnly") {
  return (params: Params, data: Data, options: { batchSize: number; lr: number }): Params => {
    const w = tensor(params.w.toArray(), { requiresGrad: true });
    const b = tensor(params.b.toArray(), { requiresGrad: true });
    const n = data.x.shape[0];
    const size = slip === "fullBatch" ? n : options.batchSize;
    const end = slip === "firstOnly" ? size : n;
    for (let start = 0; start < end; start += size) {
      const rows = Array.from({ length: Math.min(size, n - start) }, (_, i) => start + i);
      if (slip !== "noZeroGrad") zeroGrad([w, b]);
      backward(mse(matmul(take(data.x, rows), w).add(b), take(data.y, rows)));
      const sign = slip === "ascent" ? -1 : 1;
      for (const p of slip === "weightsOnly" ? [w] : [w, b])
        p.data.forEach((v, i) => (p.data[i] = v - sign * options.lr * p.grad!.data[i]));
    }
    return { w, b };
  };
}

type Slip6 = "noCorrection" | "vOfG" | "noSqrt" | "oldT" | "ascent" | "momentumM" | "tKept";

/** One Adam step with one slip, written with a loop as a student might (not the check's code). */
function studentAdam(slip: Slip6) {
  return (w: number[], g: number[], state: { m: number[]; v: number[]; t: number }, lr: number) => {
    const t = slip === "tKept" ? state.t : state.t + 1;
    const power = slip === "oldT" ? state.t : state.t + 1;
    const [b1, b2] = [0.9, 0.999];
    const out = { w: [...w], m: [...state.m], v: [...state.v], t };
    for (let i = 0; i < w.length; i++) {
      out.m[i] = b1 * state.m[i] + (slip === "momentumM" ? g[i] : (1 - b1) * g[i]);
      out.v[i] = b2 * state.v[i] + (1 - b2) * (slip === "vOfG" ? g[i] : g[i] ** 2);
      let mHat = out.m[i] / (1 - b1 ** power);
      let vHat = out.v[i] / (1 - b2 ** power);
      if (slip === "noCorrection") [mHat, vHat] = [out.m[i], out.v[i]];
      const step = (lr * mHat) / ((slip === "noSqrt" ? vHat : Math.sqrt(vHat)) + 1e-8);
      out.w[i] = slip === "ascent" ? w[i] + step : w[i] - step;
    }
    return out;
  };
}

export const WRONG_06 = {
  sgdEpoch: [
    { answer: studentEpoch("fullBatch"), mistake: /batch gradient descent/ },
    { answer: studentEpoch("ascent"), mistake: /uphill/ },
    { answer: studentEpoch("firstOnly"), mistake: /first batch/ },
    { answer: studentEpoch("noZeroGrad"), mistake: /zeroGrad/ },
    { answer: studentEpoch("weightsOnly"), mistake: /bias b learns too/ },
  ],
  predictedSmoothOrder: [
    { answer: [1, 8, 64], mistake: /noisiest to smoothest/ },
    { answer: [8, 64, 1], mistake: /smoother than 8/ },
    { answer: [8, 1, 64], mistake: /not the noisiest/ },
    { answer: [64, 1, 8], mistake: /smoother than 1/ },
    { answer: [1, 64, 8], mistake: /not the smoothest/ },
  ],
  adamStep: [
    { answer: studentAdam("noCorrection"), mistake: /bias correction is missing/ },
    { answer: studentAdam("vOfG"), mistake: /squared gradient/ },
    { answer: studentAdam("noSqrt"), mistake: /square root/ },
    { answer: studentAdam("oldT"), mistake: /Count this step first/ },
    { answer: studentAdam("ascent"), mistake: /uphill/ },
    { answer: studentAdam("momentumM"), mistake: /running average/ },
    { answer: studentAdam("tKept"), mistake: /new step count/ },
  ],
  predictedAdamFirstStep: [
    { answer: [0.00002, 0.5], mistake: /plain SGD's step/ },
    { answer: [0.0316, 0.0316], mistake: /forgets the bias correction/ },
    { answer: [0.001, 0.001], mistake: /m must be corrected too/ },
    { answer: [0.316, 0.316], mistake: /v must be corrected too/ },
    { answer: [0, 0], mistake: /first step is not 0/ },
  ],
};
