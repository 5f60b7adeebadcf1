// fit draws nothing itself: it calls the display it is given (lib/train/display.ts); dl.train.fit
// gives it the notebook's live display by default (lib/train-api.ts).
import { describe, expect, it, vi } from "vitest";
import * as dl from "../../lib/index";
import { fit } from "../../lib/train/fit";
import type { TrainingProgress } from "../../lib/train/display";

function setup() {
  const model = new dl.nn.Sequential([new dl.nn.Linear(2, 2, { seed: 1 }), new dl.nn.Tanh()]);
  const head = new dl.nn.Sequential([model, new dl.nn.Linear(2, 1, { seed: 2 })]);
  return {
    model: head,
    options: {
      epochs: 2,
      batchSize: 2,
      loss: dl.nn.mse,
      optimizer: new dl.optim.SGD(head.parameters(), { lr: 0.1 }),
    },
  };
}

describe("fit's display option", () => {
  it("calls a display object's update during training and finish once, with the progress", () => {
    const seen: string[] = [];
    let last: TrainingProgress | null = null;
    const { model, options } = setup();
    const h = fit(model, dl.data.xorGate(), {
      ...options,
      display: {
        update: (p) => void seen.push(`update ${p.epoch}.${p.step}`),
        finish: (p) => {
          seen.push("finish");
          last = p;
        },
      },
    });
    expect(seen).toEqual(["update 1.1", "update 1.2", "update 2.1", "update 2.2", "finish"]);
    expect(last!.loss).toBe(h.loss[1]);
    expect(last!.history.loss).toEqual(h.loss);
  });

  it("lib/train's fit alone shows nothing with the default 'auto'; dl.train.fit prints the text display", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const a = setup();
      fit(a.model, dl.data.xorGate(), a.options);
      expect(log).not.toHaveBeenCalled();
      const b = setup();
      dl.train.fit(b.model, dl.data.xorGate(), b.options);
      expect(log).toHaveBeenCalledTimes(2); // one line per epoch outside a kernel
      log.mockClear();
      const c = setup();
      dl.train.fit(c.model, dl.data.xorGate(), { ...c.options, display: "none" });
      expect(log).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });
});
