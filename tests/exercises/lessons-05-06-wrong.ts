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

/** ∂L/∂w5 or ∂L/∂b3 (last = "w5" | "b3" | "h2") with optional slips: half, flipped sign, no f′. */
function gradOf(last: "w5" | "b3" | "h2", slip: "none" | "half" | "sign" | "noFPrime" = "none") {
  return (x: number[], y: number, w: number[], b: number[]): number => {
    const h1 = f(w[0] * x[0] + w[1] * x[1] + b[0]);
    const h2 = f(w[2] * x[0] + w[3] * x[1] + b[1]);
    const yPred = f(w[4] * h1 + w[5] * h2 + b[2]);
    const dL = { none: -2, half: -1, sign: 2, noFPrime: -2 }[slip] * (y - yPred);
    const fp = slip === "noFPrime" ? 1 : yPred * (1 - yPred);
    return dL * fp * { w5: h1, b3: 1, h2 }[last];
  };
}

/** A scalar tanh op whose backward uses `local(t, x)` and optionally forgets out.grad or assigns. */
function tanhWith(
  local: (t: number, x: number) => number,
  opts: { noUpstream?: boolean; assign?: boolean } = {},
) {
  return (x: Value): Value => {
    const t = Math.tanh(x.data);
    const out = new Value(t, "", "tanh", [x]);
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
    { answer: gradOf("h2"), mistake: /w5 multiplies h1/ },
    { answer: gradOf("b3"), mistake: /That is ∂L\/∂b3/ },
  ],
  gradB3: [
    { answer: gradOf("b3", "half"), mistake: /dropped the 2/ },
    { answer: gradOf("b3", "sign"), mistake: /sign is flipped/ },
    { answer: gradOf("b3", "noFPrime"), mistake: /left out f′/ },
    { answer: gradOf("w5"), mistake: /That is ∂L\/∂w5/ },
  ],
  tanhOp: [
    { answer: tanhWith((t, x) => 1 - x * x), mistake: /uses the output/ },
    { answer: tanhWith((t) => 1 - t), mistake: /forgot the square/ },
    { answer: tanhWith((t) => 1 - t * t, { noUpstream: true }), mistake: /out\.grad/ },
    { answer: (x: Value) => new Value(Math.tanh(x.data), "", "tanh", [x]), mistake: /backwardFn/ },
    { answer: tanhWith((t) => 1 - t * t, { assign: true }), mistake: /x\.grad \+=/ },
  ],
  predictedGradTwice: [
    { answer: 6, mistake: /accumulate/ },
    { answer: 9, mistake: /c = a·a itself/ },
  ],
};

type Params = { w: Tensor; b: Tensor };
type Data = { x: Tensor; y: Tensor };

/** A hand-written epoch with one slip, written the way a student might (not the check's variant code). */
function studentEpoch(slip: "fullBatch" | "ascent" | "firstOnly" | "noZeroGrad") {
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
      for (const p of [w, b])
        p.data.forEach((v, i) => (p.data[i] = v - sign * options.lr * p.grad!.data[i]));
    }
    return { w, b };
  };
}

export const WRONG_06 = {
  sgdEpoch: [
    { answer: studentEpoch("fullBatch"), mistake: /batch gradient descent/ },
    { answer: studentEpoch("ascent"), mistake: /uphill/ },
    { answer: studentEpoch("firstOnly"), mistake: /first batch/ },
    { answer: studentEpoch("noZeroGrad"), mistake: /zeroGrad/ },
  ],
  predictedSmoothest: [
    { answer: 1, mistake: /noisiest/ },
    { answer: 8, mistake: /full batch/ },
  ],
};
