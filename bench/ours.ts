/** W1–W4 on our engine (lib/), exactly as bench/README.md describes them. */
import { dl, kernels, type DL } from "./engine";
import { cnnData, convData, digitsData, matmulData } from "./data";
import { convFlop, type Result, type Sizes, type Workload } from "./protocol";
import { relativeError, timeOp, timeRuns } from "./timing";

type Partial = Omit<Result, "engine" | "workload">;

function w1(s: number, sz: Sizes): Partial {
  const { a, b, want } = matmulData(s);
  let out: Float64Array = new Float64Array(0);
  const seconds = timeOp(() => {
    out = new Float64Array(s * s); // outputs are allocated by the op, as for the peers
    kernels.matmul(a, b, out, { m: s, k: s, n: s });
  }, sz.op);
  const err = relativeError(out, want);
  return {
    unit: "GFLOP/s",
    value: (2 * s ** 3) / seconds / 1e9,
    seconds,
    check: verdict(err < 1e-5, `rel. error ${err.toExponential(1)}`),
  };
}

function w4(sz: Sizes): Partial {
  const c = sz.conv;
  const { x, w } = convData(c);
  const d = kernels.conv2dDims([c.n, c.c, c.h, c.w], [c.f, c.c, 3, 3], {
    stride: 1,
    padding: 1,
  });
  let out: Float64Array = new Float64Array(0);
  const seconds = timeOp(() => (out = kernels.conv2dForward(x, w, null, d)), sz.op);
  const err = relativeError(out, kernels.conv2dReference(x, w, null, d));
  return {
    unit: "GFLOP/s",
    value: convFlop(c) / seconds / 1e9,
    seconds,
    check: verdict(err < 1e-5, `rel. error vs plain loops ${err.toExponential(1)}`),
  };
}

/**
 * Trains through the course's one training loop, `dl.train.fit`, as a lesson does: shuffled
 * mini-batches of 32 (a reshuffle each epoch, the batch gathered by index), softmax
 * cross-entropy, SGD, the loss read back every step, the step's memory released for the next.
 * `steps` stops early (warm-up); returns the losses of the steps taken.
 */
function train(
  model: DL.nn.Module,
  opt: DL.optim.SGD,
  data: DL.data.Dataset,
  rng: DL.Rng,
  options: { epochs: number; steps?: number },
): number[] {
  const losses: number[] = [];
  const steps = options.steps ?? Infinity;
  dl.train.fit(model, data, {
    epochs: options.epochs,
    batchSize: 32,
    rng,
    loss: dl.nn.softmaxCrossEntropy,
    optimizer: opt,
    display: "none",
    callbacks: {
      onStepEnd: ({ loss }) => (losses.push(loss) >= steps ? "stop" : undefined),
    },
  });
  return losses;
}

/** Labels as the [N] tensor of class indices that fit's loss takes. */
function labelTensor(labels: Int32Array): DL.Tensor {
  return new dl.Tensor(Float64Array.from(labels), [labels.length]);
}

function w2(sz: Sizes): Partial {
  const { x, labels, n } = digitsData(sz.mlp.limit);
  const rng = new dl.Rng(2);
  const model = new dl.nn.Sequential([
    new dl.nn.Linear(64, 128, { rng }),
    new dl.nn.ReLU(),
    new dl.nn.Linear(128, 128, { rng }),
    new dl.nn.ReLU(),
    new dl.nn.Linear(128, 10, { rng }),
  ]);
  const opt = new dl.optim.SGD(model.parameters(), { lr: 0.1 });
  const data = { x: new dl.Tensor(x, [n, 64]), y: labelTensor(labels) };
  for (let e = 0; e < sz.mlp.warmupEpochs; e++) train(model, opt, data, rng, { epochs: 1 });
  const seconds = timeRuns(() => train(model, opt, data, rng, { epochs: 1 }), sz.mlp.epochs);
  const logits = model.forward(data.x).data;
  let right = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < 10; j++) if (logits[i * 10 + j] > logits[i * 10 + best]) best = j;
    if (best === labels[i]) right++;
  }
  return {
    unit: "samples/s",
    value: n / seconds,
    seconds,
    check: verdict(right / n >= sz.mlp.minAccuracy, `train accuracy ${(right / n).toFixed(3)}`),
  };
}

function w3(sz: Sizes): Partial {
  const { images, warmupSteps, runs, epochsPerRun } = sz.cnn;
  const { x, labels } = cnnData(images);
  const rng = new dl.Rng(3);
  const model = new dl.nn.Sequential([
    new dl.nn.Conv2d(1, 8, { kernelSize: 3, padding: 1, rng }),
    new dl.nn.ReLU(),
    new dl.nn.MaxPool2d({ size: 2 }),
    new dl.nn.Conv2d(8, 16, { kernelSize: 3, padding: 1, rng }),
    new dl.nn.ReLU(),
    new dl.nn.MaxPool2d({ size: 2 }),
    new dl.nn.Flatten(),
    new dl.nn.Linear(784, 10, { rng }),
  ]);
  const opt = new dl.optim.SGD(model.parameters(), { lr: 0.01 });
  const data = { x: new dl.Tensor(x, [images, 1, 28, 28]), y: labelTensor(labels) };
  const [first] = train(model, opt, data, rng, { epochs: 1, steps: 1 });
  train(model, opt, data, rng, { epochs: 1, steps: warmupSteps });
  const seconds = timeRuns(() => train(model, opt, data, rng, { epochs: epochsPerRun }), runs);
  const ok = Number.isFinite(first) && Math.abs(first - Math.LN10) < 1;
  return {
    unit: "samples/s",
    value: (images * epochsPerRun) / seconds,
    seconds,
    check: verdict(ok, `first loss ${first.toFixed(3)}`),
  };
}

function verdict(ok: boolean, detail: string): string {
  return `${ok ? "ok" : "FAILED"}: ${detail}`;
}

/** Runs one workload on our engine. */
export function runOurs(workload: Workload, sz: Sizes): Partial {
  if (workload === "W1-256" || workload === "W1-1024") return w1(sz.matmul[workload], sz);
  if (workload === "W2") return w2(sz);
  if (workload === "W3") return w3(sz);
  return w4(sz);
}
