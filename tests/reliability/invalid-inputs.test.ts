// Every bad input a student is likely to pass, through the public API (as a notebook calls it):
// each throws one of the library's named errors, whose message names the function and the argument.
import { describe, it } from "vitest";
import * as dl from "../../lib/index";
import { expectNamed, type ErrorName } from "./named-errors";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the point is to pass wrong types
type Any = any;
const bad = (value: unknown): Any => value;

const t23 = () => dl.zeros([2, 3]);
const net = () =>
  new dl.nn.Sequential([
    new dl.nn.Linear(2, 3, { seed: 1 }),
    new dl.nn.Tanh(),
    new dl.nn.Linear(3, 1, { seed: 2 }),
    new dl.nn.Sigmoid(),
  ]);
const xor = () => dl.data.xorGate();
const sgd = (model: dl.nn.Module, lr = 0.1) => new dl.optim.SGD(model.parameters(), { lr });
const fitWith = (extra: Record<string, unknown>, data = xor()) => {
  const model = net();
  return dl.train.fit(model, bad(data), {
    epochs: 2,
    loss: dl.nn.binaryCrossEntropy,
    optimizer: sgd(model),
    display: "none",
    ...extra,
  });
};
const image = (h: number, w: number) => dl.zeros([1, 1, h, w]);

/** [what, call, error name, patterns its message must match: the function, then the argument]. */
type Case = [string, () => unknown, ErrorName, RegExp[]];

const creation: Case[] = [
  [
    "tensor of a ragged array",
    () => dl.tensor([[1, 2], [3]]),
    "ArgumentError",
    [/tensor/, /ragged/, /\[1\]/],
  ],
  [
    "tensor with a string inside",
    () => dl.tensor(bad([1, "a"])),
    "ArgumentError",
    [/tensor/, /\[1\]/, /"a"/],
  ],
  ["tensor of a string", () => dl.tensor(bad("abc")), "ArgumentError", [/tensor/, /"abc"/]],
  [
    "tensor of undefined",
    () => dl.tensor(bad(undefined)),
    "ArgumentError",
    [/tensor/, /undefined/],
  ],
  ["tensor of null", () => dl.tensor(bad(null)), "ArgumentError", [/tensor/, /null/]],
  ["tensor of an object", () => dl.tensor(bad({ a: 1 })), "ArgumentError", [/tensor/, /number/]],
  [
    "tensor with a nested too deep",
    () => dl.tensor(bad([[1], [[2]]])),
    "ArgumentError",
    [/tensor/, /\[1\]\[0\]/],
  ],
  ["zeros of a negative shape", () => dl.zeros([-1, 2]), "ShapeError", [/zeros/, /\[-1, 2\]/]],
  ["zeros of a fractional shape", () => dl.zeros([2.5]), "ShapeError", [/zeros/, /2\.5/]],
  ["zeros of a string", () => dl.zeros(bad("3")), "ArgumentError", [/zeros/, /shape/]],
  ["ones of a NaN size", () => dl.ones([NaN]), "ShapeError", [/ones/, /NaN/]],
  ["full with a string value", () => dl.full([2], bad("7")), "ArgumentError", [/full/, /value/]],
  ["arange with step 0", () => dl.arange(0, 5, 0), "ArgumentError", [/arange/, /step/]],
  ["arange to Infinity", () => dl.arange(0, Infinity), "ArgumentError", [/arange/, /stop/]],
  [
    "linspace with a negative count",
    () => dl.linspace(0, 1, -1),
    "ArgumentError",
    [/linspace/, /count/],
  ],
  [
    "linspace with a fractional count",
    () => dl.linspace(0, 1, 2.5),
    "ArgumentError",
    [/linspace/, /count/],
  ],
  ["eye of -1", () => dl.eye(-1), "ArgumentError", [/eye/, /n/]],
  ["randn without an rng", () => dl.randn([2], bad(undefined)), "ArgumentError", [/randn/, /rng/]],
  [
    "rand with low > high",
    () => dl.rand([2], dl.rng(1), { low: 1, high: 0 }),
    "ArgumentError",
    [/rand/, /low/],
  ],
  ["rng of NaN", () => dl.rng(NaN), "ArgumentError", [/rng|Rng/, /seed/]],
  ["rng of a string", () => dl.rng(bad("1")), "ArgumentError", [/rng|Rng/, /seed/]],
];

const ops: Case[] = [
  [
    "add of unbroadcastable shapes",
    () => dl.add(t23(), dl.zeros([4])),
    "ShapeError",
    [/add/, /\[2, 3\]/, /\[4\]/],
  ],
  ["mul with a string", () => dl.mul(t23(), bad("2")), "ArgumentError", [/mul/, /"2"/]],
  ["add of undefined", () => dl.add(bad(undefined), t23()), "ArgumentError", [/add/, /undefined/]],
  [
    "matmul with inner dims differing",
    () => dl.matmul(t23(), dl.zeros([4, 5])),
    "ShapeError",
    [/matmul/, /\[2, 3\]/, /\[4, 5\]/],
  ],
  [
    "matmul of a nested array",
    () => dl.matmul(bad([[1, 2]]), t23()),
    "ArgumentError",
    [/matmul/, /tensor|Tensor/],
  ],
  ["matmul of a string", () => dl.matmul(t23(), bad("w")), "ArgumentError", [/matmul/, /"w"/]],
  ["exp of a string", () => dl.exp(bad("x")), "ArgumentError", [/exp/, /"x"/]],
  [
    "sigmoid of an array",
    () => dl.sigmoid(bad([1, 2])),
    "ArgumentError",
    [/sigmoid/, /tensor|Tensor/],
  ],
  [
    "reshape to the wrong size",
    () => dl.reshape(t23(), [5]),
    "ShapeError",
    [/reshape/, /\[2, 3\]/, /\[5\]/],
  ],
  [
    "transpose with bad axes",
    () => dl.transpose(t23(), [0, 0]),
    "ArgumentError",
    [/transpose/, /axes/],
  ],
  ["sum over an axis out of range", () => dl.sum(t23(), 5), "ArgumentError", [/sum/, /5/]],
  ["mean of a string", () => dl.mean(bad("x")), "ArgumentError", [/mean/, /"x"/]],
  ["max of an empty tensor", () => dl.max(dl.zeros([0])), "ShapeError", [/max/, /empty/]],
  [
    "softmax over an axis out of range",
    () => dl.softmax(t23(), 4),
    "ArgumentError",
    [/softmax/, /4/],
  ],
  ["concat of nothing", () => dl.concat([]), "ArgumentError", [/concat/, /none/]],
  [
    "concat of mismatched shapes",
    () => dl.concat([t23(), dl.zeros([2, 2])], 0),
    "ShapeError",
    [/concat/, /\[2, 2\]/],
  ],
  ["take out of range", () => dl.take(t23(), [2]), "ArgumentError", [/take/, /2/]],
  ["item of a non-scalar", () => t23().item(), "ShapeError", [/item/, /\[2, 3\]/]],
];

const nn: Case[] = [
  [
    "Linear with 0 inputs",
    () => new dl.nn.Linear(0, 3, { seed: 1 }),
    "ArgumentError",
    [/Linear/, /inFeatures/],
  ],
  [
    "Linear with 2.5 outputs",
    () => new dl.nn.Linear(2, 2.5, { seed: 1 }),
    "ArgumentError",
    [/Linear/, /outFeatures/],
  ],
  ["Linear without an rng", () => new dl.nn.Linear(2, 3), "ArgumentError", [/Linear/, /rng/]],
  [
    "Linear fed the wrong width",
    () => new dl.nn.Linear(2, 3, { seed: 1 }).forward(t23()),
    "ShapeError",
    [/Linear/, /\[2, 3\]/],
  ],
  [
    "Linear fed a string",
    () => new dl.nn.Linear(2, 3, { seed: 1 }).forward(bad("x")),
    "ArgumentError",
    [/Linear/, /"x"/],
  ],
  [
    "Sequential of a non-module",
    () => new dl.nn.Sequential(bad([1])),
    "ArgumentError",
    [/Sequential/, /layer/],
  ],
  [
    "Conv2d with kernelSize 0",
    () => new dl.nn.Conv2d(1, 2, { kernelSize: 0, seed: 1 }),
    "ArgumentError",
    [/Conv2d/, /kernelSize/],
  ],
  [
    "Conv2d with stride 0",
    () => new dl.nn.Conv2d(1, 2, { kernelSize: 3, stride: 0, seed: 1 }),
    "ArgumentError",
    [/Conv2d|conv2d/, /stride/],
  ],
  [
    "Conv2d kernel larger than the input",
    () => new dl.nn.Conv2d(1, 2, { kernelSize: 3, seed: 1 }).forward(image(2, 2)),
    "ShapeError",
    [/conv2d/i, /\[1, 1, 2, 2\]/],
  ],
  [
    "Conv2d fed the wrong channels",
    () => new dl.nn.Conv2d(3, 2, { kernelSize: 1, seed: 1 }).forward(image(4, 4)),
    "ShapeError",
    [/Conv2d\(3/, /\[N, 3, H, W\]/, /\[1, 1, 4, 4\]/],
  ],
  [
    "conv2d with stride 0",
    () => dl.nn.conv2d(image(4, 4), dl.zeros([1, 1, 2, 2]), null, { stride: 0 }),
    "ArgumentError",
    [/conv2d/, /stride/],
  ],
  [
    "MaxPool2d with size 0",
    () => new dl.nn.MaxPool2d({ size: 0 }).forward(image(4, 4)),
    "ArgumentError",
    [/pool2d/i, /size/],
  ],
  [
    "maxPool2d with stride 0",
    () => dl.nn.maxPool2d(image(4, 4), { size: 2, stride: 0 }),
    "ArgumentError",
    [/pool2d/i, /stride/],
  ],
  [
    "maxPool2d window larger than input",
    () => dl.nn.maxPool2d(image(1, 1), { size: 2 }),
    "ShapeError",
    [/pool2d/i, /\[1, 1, 1, 1\]/],
  ],
  [
    "maxPool2d of a 2-d tensor",
    () => dl.nn.maxPool2d(t23(), { size: 2 }),
    "ShapeError",
    [/pool2d/i, /\[2, 3\]/],
  ],
  ["Dropout p = 1", () => new dl.nn.Dropout(1, { seed: 1 }), "ArgumentError", [/Dropout/, /p/]],
  ["Dropout p < 0", () => new dl.nn.Dropout(-0.1, { seed: 1 }), "ArgumentError", [/Dropout/, /p/]],
  ["Dropout p NaN", () => new dl.nn.Dropout(NaN, { seed: 1 }), "ArgumentError", [/Dropout/, /p/]],
  [
    "dropout p = 1.5",
    () => dl.nn.dropout(t23(), { p: 1.5, rng: dl.rng(1) }),
    "ArgumentError",
    [/dropout/, /p/],
  ],
  [
    "mse of mismatched shapes",
    () => dl.nn.mse(t23(), dl.zeros([3, 2])),
    "ShapeError",
    [/mse/, /\[2, 3\]/, /\[3, 2\]/],
  ],
  [
    "mse of a string target",
    () => dl.nn.mse(t23(), bad("y")),
    "ArgumentError",
    [/mse/, /targets/, /"y"/],
  ],
  [
    "softmaxCrossEntropy label out of range",
    () => dl.nn.softmaxCrossEntropy(t23(), [0, 3]),
    "ArgumentError",
    [/softmaxCrossEntropy/, /label/, /3/],
  ],
  [
    "softmaxCrossEntropy fractional label",
    () => dl.nn.softmaxCrossEntropy(t23(), [0, 1.5]),
    "ArgumentError",
    [/softmaxCrossEntropy/, /label/, /1\.5/],
  ],
  [
    "softmaxCrossEntropy NaN label",
    () => dl.nn.softmaxCrossEntropy(t23(), [0, NaN]),
    "ArgumentError",
    [/softmaxCrossEntropy/, /label/, /NaN/],
  ],
  [
    "softmaxCrossEntropy too few labels",
    () => dl.nn.softmaxCrossEntropy(t23(), [0]),
    "ShapeError",
    [/softmaxCrossEntropy/, /label/],
  ],
];

const optim: Case[] = [
  ["SGD lr 0", () => sgd(net(), 0), "ArgumentError", [/SGD/, /lr/]],
  ["SGD lr < 0", () => sgd(net(), -0.1), "ArgumentError", [/SGD/, /lr/]],
  ["SGD lr NaN", () => sgd(net(), NaN), "ArgumentError", [/SGD/, /lr/]],
  ["SGD lr Infinity", () => sgd(net(), Infinity), "ArgumentError", [/SGD/, /lr/]],
  ["SGD lr a string", () => sgd(net(), bad("0.1")), "ArgumentError", [/SGD/, /lr/]],
  [
    "SGD without options",
    () => new dl.optim.SGD(net().parameters(), bad(undefined)),
    "ArgumentError",
    [/SGD/, /lr|options/],
  ],
  [
    "SGD of no parameters",
    () => new dl.optim.SGD([], { lr: 0.1 }),
    "ArgumentError",
    [/SGD/, /parameter/],
  ],
  [
    "SGD momentum 1",
    () => new dl.optim.SGD(net().parameters(), { lr: 0.1, momentum: 1 }),
    "ArgumentError",
    [/SGD/, /momentum/],
  ],
  [
    "Adam lr 0",
    () => new dl.optim.Adam(net().parameters(), { lr: 0 }),
    "ArgumentError",
    [/Adam/, /lr/],
  ],
  [
    "Adam beta1 1",
    () => new dl.optim.Adam(net().parameters(), { beta1: 1 }),
    "ArgumentError",
    [/Adam/, /beta1/],
  ],
  [
    "l2Penalty lambda < 0",
    () => dl.optim.l2Penalty(net().parameters(), -1),
    "ArgumentError",
    [/l2Penalty/, /lambda/],
  ],
  [
    "stepDecay every 0",
    () => dl.optim.stepDecay({ initial: 0.1, every: 0 }),
    "ArgumentError",
    [/stepDecay/, /every/],
  ],
];

const fit: Case[] = [
  ["fit epochs 0", () => fitWith({ epochs: 0 }), "ArgumentError", [/fit/, /epochs/]],
  ["fit epochs 1.5", () => fitWith({ epochs: 1.5 }), "ArgumentError", [/fit/, /epochs/]],
  ["fit epochs a string", () => fitWith({ epochs: "3" }), "ArgumentError", [/fit/, /epochs/]],
  ["fit batchSize 0", () => fitWith({ batchSize: 0 }), "ArgumentError", [/fit/, /batchSize/]],
  ["fit batchSize 2.5", () => fitWith({ batchSize: 2.5 }), "ArgumentError", [/fit/, /batchSize/]],
  [
    "fit on an empty dataset",
    () => fitWith({}, { x: dl.zeros([0, 2]), y: dl.zeros([0, 1]) }),
    "ArgumentError",
    [/fit/, /empty/],
  ],
  [
    "fit with x and y rows differing",
    () => fitWith({}, { x: dl.zeros([4, 2]), y: dl.zeros([3, 1]) }),
    "ShapeError",
    [/fit/, /\[4, 2\]/, /\[3, 1\]/],
  ],
  [
    "fit of a model on data of the wrong width",
    () => fitWith({}, { x: dl.zeros([4, 3]), y: dl.zeros([4, 1]) }),
    "ShapeError",
    [/Linear/, /\[4, 3\]/],
  ],
  [
    "fit with NaN in x",
    () =>
      fitWith(
        {},
        {
          x: dl.tensor([
            [0, NaN],
            [1, 1],
          ]),
          y: dl.zeros([2, 1]),
        },
      ),
    "NonFiniteError",
    [/fit/, /x/, /NaN/],
  ],
  [
    "fit with Infinity in y",
    () => fitWith({}, { x: dl.zeros([2, 2]), y: dl.tensor([[0], [Infinity]]) }),
    "NonFiniteError",
    [/fit/, /y/, /Infinity/],
  ],
  ["fit with a string as data", () => fitWith({}, bad("xor")), "ArgumentError", [/fit/, /data/]],
  [
    "fit with a nested array as x",
    () => fitWith({}, bad({ x: [[0, 0]], y: dl.zeros([1, 1]) })),
    "ArgumentError",
    [/fit/, /x/],
  ],
  ["fit without a loss", () => fitWith({ loss: undefined }), "ArgumentError", [/fit/, /loss/]],
  [
    "fit without an optimizer",
    () => fitWith({ optimizer: undefined }),
    "ArgumentError",
    [/fit/, /optimizer/],
  ],
  [
    "fit with a mismatched validation set",
    () => fitWith({ validation: { x: dl.zeros([2, 2]), y: dl.zeros([3, 1]) } }),
    "ShapeError",
    [/fit/, /validation/],
  ],
  [
    "fit with an unknown metric",
    () => fitWith({ metrics: ["accuracy", "f1"] }),
    "ArgumentError",
    [/fit/, /metric/, /f1/],
  ],
  [
    "fit with early stopping patience 0",
    () => fitWith({ validation: xor(), earlyStopping: { patience: 0 } }),
    "ArgumentError",
    [/fit/, /patience/],
  ],
  [
    "evaluate with mismatched data",
    () =>
      dl.train.evaluate(net(), { x: dl.zeros([2, 5]), y: dl.zeros([2, 1]) }, { loss: dl.nn.mse }),
    "ShapeError",
    [/Linear/, /\[2, 5\]/],
  ],
  [
    "predict of a string",
    () => dl.train.predict(net(), bad("x")),
    "ArgumentError",
    [/predict/, /"x"/],
  ],
  [
    "accuracy of mismatched rows",
    () => dl.train.accuracy(dl.zeros([3, 1]), dl.zeros([2, 1])),
    "ShapeError",
    [/accuracy/, /3 targets/, /\[2, 1\]/],
  ],
];

const data: Case[] = [
  ["blobs n 0", () => dl.data.blobs({ n: 0, rng: dl.rng(1) }), "ArgumentError", [/blobs/, /n/]],
  ["blobs n 1.5", () => dl.data.blobs({ n: 1.5, rng: dl.rng(1) }), "ArgumentError", [/blobs/, /n/]],
  [
    "moons noise < 0",
    () => dl.data.moons({ n: 10, noise: -1, rng: dl.rng(1) }),
    "ArgumentError",
    [/moons/, /noise/],
  ],
  [
    "circles without an rng",
    () => dl.data.circles(bad({ n: 10 })),
    "ArgumentError",
    [/circles/, /rng/],
  ],
  [
    "spirals classes 0",
    () => dl.data.spirals({ n: 10, classes: 0, rng: dl.rng(1) }),
    "ArgumentError",
    [/spirals/, /classes/],
  ],
  [
    "trainTestSplit testSize 0",
    () => dl.data.trainTestSplit(xor(), { testSize: 0, rng: dl.rng(1) }),
    "ArgumentError",
    [/trainTestSplit/, /testSize/],
  ],
  [
    "trainTestSplit of an empty set",
    () => dl.data.trainTestSplit({ x: dl.zeros([0, 2]), y: dl.zeros([0]) }, { rng: dl.rng(1) }),
    "ArgumentError",
    [/trainTestSplit/, /empty/],
  ],
  [
    "batches batchSize 0",
    () => dl.data.batches(xor(), { batchSize: 0 }),
    "ArgumentError",
    [/batches/, /batchSize/],
  ],
  [
    "batches batchSize 1.5",
    () => dl.data.batches(xor(), { batchSize: 1.5 }),
    "ArgumentError",
    [/batches/, /batchSize/],
  ],
  [
    "shuffle without an rng",
    () => dl.data.shuffle(xor(), bad(undefined)),
    "ArgumentError",
    [/shuffle/, /rng/],
  ],
  [
    "oneHot label out of range",
    () => dl.data.oneHot([0, 3], 3),
    "ArgumentError",
    [/oneHot/, /label/, /3/],
  ],
  [
    "oneHot negative label",
    () => dl.data.oneHot([-1], 3),
    "ArgumentError",
    [/oneHot/, /label/, /-1/],
  ],
  ["oneHot classes 0", () => dl.data.oneHot([0], 0), "ArgumentError", [/oneHot/, /classes/]],
  [
    "standardize of an empty tensor",
    () => dl.data.standardize(dl.zeros([0, 2])),
    "ArgumentError",
    [/standardize/, /empty/],
  ],
  [
    "standardize of NaN data",
    () => dl.data.standardize(dl.tensor([[1], [NaN]])),
    "NonFiniteError",
    [/standardize/, /NaN/],
  ],
  [
    "randomFlip of a 2-d tensor",
    () => dl.data.randomFlip(t23(), { rng: dl.rng(1) } as Any),
    "ShapeError",
    [/randomFlip/, /\[2, 3\]/],
  ],
];

describe.each([
  ["tensor creation", creation],
  ["tensor ops", ops],
  ["nn layers and losses", nn],
  ["optimizers", optim],
  ["fit, evaluate, metrics", fit],
  ["data helpers", data],
])("%s: bad input gets a named error naming the function and the argument", (_group, cases) => {
  it.each(cases)("%s", (_what, call, name, mentions) => expectNamed(call, name, mentions));
});
