// fit drives the live training display: its final state is the finished run (full bar, last step).
import { afterEach, describe, expect, it } from "vitest";
import * as dl from "../../lib/index";
import { recordDisplays } from "../show/recorder";

describe("fit(model, data, { display: 'auto' }) in a kernel", () => {
  let restore = (): void => {};
  afterEach(() => restore());

  it("ends with the last step of the last epoch, not step 0", () => {
    const recorder = recordDisplays();
    restore = recorder.restore;
    const { x, y } = dl.data.xorGate();
    const model = new dl.nn.Sequential([new dl.nn.Linear(2, 3, { seed: 1 }), new dl.nn.Sigmoid()]);
    const head = new dl.nn.Sequential([model, new dl.nn.Linear(3, 1, { seed: 2 })]);
    dl.train.fit(
      head,
      { x: x, y: y },
      {
        epochs: 3,
        batchSize: 2,
        rng: dl.rng(0),
        loss: dl.nn.binaryCrossEntropyWithLogits,
        optimizer: new dl.optim.SGD(head.parameters(), { lr: 0.1 }),
        title: "xor",
      },
    );
    const last = recorder.sent[recorder.sent.length - 1];
    expect(last.update).toBe(true);
    expect(String(last.data["text/plain"])).toMatch(/epoch 3\/3 · step 2\/2/);
  });
});
