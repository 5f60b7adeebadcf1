// Saving and loading a model's weights as JSON, with the architecture checked on load (lesson 9).
import { describe, expect, it } from "vitest";
import { ArgumentError, FormatError, NonFiniteError, ShapeError, rng, tensor } from "../../lib";
import { ReLU, Sigmoid } from "../../lib/nn/activations";
import { Dropout, Sequential } from "../../lib/nn/layers";
import { Linear } from "../../lib/nn/linear";
import { architecture, loadWeights, saveWeights } from "../../lib/nn/weights";

const net = (seed: number, hidden = 4, inputs = 3) =>
  new Sequential([
    new Linear(inputs, hidden, { rng: rng(seed) }),
    new ReLU(),
    new Dropout(0.2, { seed }),
    new Linear(hidden, 1, { rng: rng(seed + 1) }),
    new Sigmoid(),
  ]);

describe("saveWeights / loadWeights", () => {
  it("architecture lists every module by its path", () => {
    expect(architecture(net(0))).toEqual([
      "(model): Sequential",
      "0: Linear(3 → 4)",
      "1: ReLU",
      "2: Dropout(p = 0.2)",
      "3: Linear(4 → 1)",
      "4: Sigmoid",
    ]);
  });

  it("round-trips: a fresh net with the loaded weights predicts bit for bit what the saved one did", () => {
    const trained = net(1);
    trained.parameters()[0].data[0] = 0.1 + 0.2; // a number with no short decimal form
    const text = saveWeights(trained);
    const fresh = net(99).eval();
    trained.eval(); // dropout off: the outputs depend on the weights alone
    const x = tensor([
      [0.5, -1, 2],
      [3, 0.25, -0.75],
    ]);
    expect(Array.from(fresh.forward(x).data)).not.toEqual(Array.from(trained.forward(x).data));
    expect(loadWeights(fresh, text)).toBe(fresh);
    expect(Array.from(fresh.forward(x).data)).toEqual(Array.from(trained.forward(x).data));
    fresh.parameters().forEach((p, i) => {
      expect(Array.from(p.data)).toEqual(Array.from(trained.parameters()[i].data));
    });
  });

  it("the file is JSON with format, version, architecture and named parameters", () => {
    const file = JSON.parse(saveWeights(net(2)));
    expect(file.format).toBe("dl-weights");
    expect(file.version).toBe(1);
    expect(file.architecture).toEqual(architecture(net(2)));
    expect(
      file.parameters.map((p: { name: string; shape: number[] }) => [p.name, p.shape]),
    ).toEqual([
      ["0.weight", [3, 4]],
      ["0.bias", [4]],
      ["3.weight", [4, 1]],
      ["3.bias", [1]],
    ]);
  });

  it("a different architecture is a ShapeError naming the first difference; the model is untouched", () => {
    const text = saveWeights(net(3));
    const cases: [Sequential, RegExp][] = [
      [net(4, 5), /module 1: the file has 0: Linear\(3 → 4\), the model has 0: Linear\(3 → 5\)/],
      [net(4, 4, 2), /the model has 0: Linear\(2 → 4\)/],
      [
        new Sequential([new Linear(3, 4, { rng: rng(0) }), new ReLU()]),
        /module 3: the file has 2: Dropout/,
      ],
      [
        new Sequential([...net(4).layers, new ReLU()]),
        /module 6: the file has nothing, the model has 5: ReLU/,
      ],
    ];
    for (const [model, message] of cases) {
      const before = model.parameters().map((p) => Array.from(p.data));
      expect(() => loadWeights(model, text)).toThrow(ShapeError);
      expect(() => loadWeights(model, text)).toThrow(message);
      expect(model.parameters().map((p) => Array.from(p.data))).toEqual(before);
    }
  });

  it("parameters that do not match a matching architecture are a ShapeError (edited file)", () => {
    const file = JSON.parse(saveWeights(net(5)));
    file.parameters[1] = { name: "0.bias", shape: [5], data: [0, 0, 0, 0, 0] };
    expect(() => loadWeights(net(6), JSON.stringify(file))).toThrow(
      /parameter 1 is 0.bias \[4\] in the model, 0.bias \[5\] in the file/,
    );
    file.parameters.push(file.parameters[0]);
    file.parameters[1] = { name: "0.bias", shape: [4], data: [0, 0, 0, 0] };
    expect(() => loadWeights(net(6), JSON.stringify(file))).toThrow(
      /the file has 5 parameters, the model 4/,
    );
  });

  const valid = JSON.parse(saveWeights(net(7)));
  const edited = (change: (f: typeof valid) => void) => {
    const f = JSON.parse(JSON.stringify(valid));
    change(f);
    return JSON.stringify(f);
  };
  it.each([
    ["text that is not JSON", "{ not json", /the text is not JSON/],
    ["JSON that is not a weights file", "[1, 2]", /not a weights file/],
    ["another format", edited((f) => (f.format = "keras")), /not a weights file/],
    ["an unknown version", edited((f) => (f.version = 2)), /version 2 is not supported/],
    [
      "an architecture that is not a list",
      edited((f) => (f.architecture = "mlp")),
      /architecture must be a list of strings/,
    ],
    [
      "parameters that are not a list",
      edited((f) => (f.parameters = {})),
      /parameters must be a list/,
    ],
    [
      "a parameter without a shape",
      edited((f) => delete f.parameters[0].shape),
      /parameter 0 needs a name, a shape and data/,
    ],
    ["data shorter than the shape", edited((f) => f.parameters[2].data.pop()), /parameter 2 needs/],
    ["a null parameter", edited((f) => (f.parameters[1] = null)), /parameter 1 needs/],
    [
      "a string among the numbers",
      edited((f) => (f.parameters[3].data[0] = "0.5")),
      /parameter 3.bias holds "0.5" at index 0/,
    ],
    [
      "a null (what JSON makes of NaN)",
      edited((f) => (f.parameters[0].data[5] = null)),
      /parameter 0.weight holds null at index 5/,
    ],
  ])("malformed: %s is a FormatError, the model untouched", (_, text, message) => {
    const model = net(8);
    const before = model.parameters().map((p) => Array.from(p.data));
    expect(() => loadWeights(model, text)).toThrow(FormatError);
    expect(() => loadWeights(model, text)).toThrow(message);
    expect(model.parameters().map((p) => Array.from(p.data))).toEqual(before);
  });

  it("bad arguments: ArgumentError; a NaN weight cannot be saved (NonFiniteError)", () => {
    expect(() => saveWeights({} as never)).toThrow(ArgumentError);
    expect(() => loadWeights(null as never, saveWeights(net(0)))).toThrow(/model must be a Module/);
    expect(() => loadWeights(net(0), { weights: 1 } as never)).toThrow(ArgumentError);
    const broken = net(9);
    broken.parameters()[2].data[1] = NaN;
    expect(() => saveWeights(broken)).toThrow(NonFiniteError);
    expect(() => saveWeights(broken)).toThrow(/parameter 3.weight holds NaN at index 1/);
  });
});
