import { afterEach, describe, expect, it, vi } from "vitest";
import { liveTrainingDisplay, type TrainingProgress } from "../../lib/show/live-training";
import { recordDisplays } from "./recorder";

let restore = (): void => {};
afterEach(() => {
  restore();
  vi.restoreAllMocks();
});

/** The progress of a run of `epochs` × `steps`, at epoch e (1-based) after s steps. */
function progress(e: number, s: number, epochs = 3, steps = 4): TrainingProgress {
  const done = e - 1 + s / steps;
  const finished = Array.from({ length: s === steps ? e : e - 1 }, (_, i) => 1 / (i + 1));
  return {
    epoch: e,
    epochs,
    step: s,
    stepsPerEpoch: steps,
    loss: 1 / (1 + done),
    metrics: { accuracy: done / epochs },
    history: { loss: finished, valLoss: finished.map((v) => v * 1.1) },
    elapsedSeconds: done,
  };
}

describe("liveTrainingDisplay", () => {
  it("in a kernel: one display id, first display_data then updates, throttled, finish always sent", () => {
    const rec = recordDisplays();
    restore = rec.restore;
    let t = 0;
    const live = liveTrainingDisplay({ title: "test", now: () => t, minIntervalMs: 150 });
    for (let e = 1; e <= 3; e++) {
      for (let s = 1; s <= 4; s++) {
        live.update(progress(e, s));
        t += 50; // 12 updates, 50 ms apart: at most one in three goes out
      }
    }
    live.finish(progress(3, 4));
    const ids = new Set(rec.sent.map((m) => m.transient.display_id));
    expect(ids.size).toBe(1);
    expect(rec.sent.map((m) => m.update)).toEqual([false, ...rec.sent.slice(1).map(() => true)]);
    expect(rec.sent.length).toBeGreaterThanOrEqual(4);
    expect(rec.sent.length).toBeLessThanOrEqual(6);
    // Every update carries the spec, SVG and text; only the final state adds the PNG copy.
    rec.sent.forEach((m, i) => {
      const last = i === rec.sent.length - 1;
      expect(Object.keys(m.data).sort()).toEqual([
        "application/vnd.vegalite.v5+json",
        ...(last ? ["image/png"] : []),
        "image/svg+xml",
        "text/plain",
      ]);
    });
  });

  it("the final update carries the full curve and says done", () => {
    const rec = recordDisplays();
    restore = rec.restore;
    const live = liveTrainingDisplay({ now: () => 0 });
    live.update(progress(1, 1));
    live.finish(progress(3, 4));
    const last = rec.sent[rec.sent.length - 1].data;
    const values = (
      last["application/vnd.vegalite.v5+json"] as {
        vconcat: { data: { values: { series: string }[] } }[];
      }
    ).vconcat[1].data.values;
    expect(values.filter((v) => v.series === "loss (epoch)")).toHaveLength(3);
    expect(values.filter((v) => v.series === "valLoss (epoch)")).toHaveLength(3);
    expect(last["text/plain"]).toMatch(
      /^epoch 3\/3 · step 4\/4 · loss 0.25 · accuracy 1 · done in 00:03$/,
    );
    expect(last["image/svg+xml"]).toContain("done in 00:03");
  });

  it("outside a kernel: at most one line per epoch, with time left, and never throws", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const live = liveTrainingDisplay();
    for (let e = 1; e <= 3; e++) for (let s = 1; s <= 4; s++) live.update(progress(e, s));
    live.finish(progress(3, 4));
    expect(log.mock.calls.map((c) => c[0])).toEqual([
      "epoch 1/3 · step 4/4 · loss 0.5 · accuracy 0.3333 · 00:01 elapsed, 00:02 left",
      "epoch 2/3 · step 4/4 · loss 0.3333 · accuracy 0.6667 · 00:02 elapsed, 00:01 left",
      "epoch 3/3 · step 4/4 · loss 0.25 · accuracy 1 · 00:03 elapsed, 00:00 left",
    ]);
  });

  it("outside a kernel, a long run prints about 20 lines", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const live = liveTrainingDisplay();
    for (let e = 1; e <= 100; e++) live.update(progress(e, 1, 100, 1));
    live.finish(progress(100, 1, 100, 1));
    expect(log.mock.calls.length).toBe(20);
  });

  it("a non-finite loss does not throw", () => {
    const rec = recordDisplays();
    restore = rec.restore;
    const live = liveTrainingDisplay();
    expect(() => live.finish({ ...progress(1, 1), loss: NaN })).not.toThrow();
    expect(rec.sent).toHaveLength(1);
  });
});

describe("liveTrainingDisplay throttling adapts to drawing time", () => {
  it("waits 4× the last drawing time when that exceeds minIntervalMs", () => {
    const rec = recordDisplays();
    restore = rec.restore;
    let t = 0;
    // Every call to now() advances 50 ms: a send (two calls) looks like it took 50 ms to draw,
    // so the next update waits 200 ms instead of 150.
    const live = liveTrainingDisplay({ now: () => (t += 50), minIntervalMs: 150 });
    for (let s = 1; s <= 12; s++) live.update(progress(1, s % 4 || 4));
    // Sends at updates 1, 5 and 9 (a fixed 150 ms would send at 1, 4, 7 and 10).
    expect(rec.sent).toHaveLength(3);
  });
});

describe("liveTrainingDisplay after Kernel → Interrupt", () => {
  const KEY = Symbol.for("course.kernel.interruptListeners");
  const slot = globalThis as unknown as Record<symbol, Set<() => void> | undefined>;
  afterEach(() => {
    delete slot[KEY];
  });

  it("registers with the kernel while training; its callback shows where training stopped", () => {
    const rec = recordDisplays();
    restore = rec.restore;
    const listeners = new Set<() => void>();
    slot[KEY] = listeners;
    const live = liveTrainingDisplay({ now: () => 0, minIntervalMs: 1e9 });
    live.update(progress(1, 1));
    live.update(progress(2, 3)); // throttled: not sent, but remembered
    expect(listeners.size).toBe(1);
    expect(rec.sent).toHaveLength(1);
    for (const listener of [...listeners]) listener(); // what the kernel does after an interrupt
    expect(listeners.size).toBe(0);
    const last = rec.sent[rec.sent.length - 1];
    expect(last.update).toBe(true);
    expect(last.data["text/plain"]).toBe(
      "interrupted in epoch 2/3 after step 3/4 · loss 0.3636 · accuracy 0.5833 · after 00:02",
    );
    expect(last.data["image/svg+xml"]).toContain("interrupted in epoch 2/3");
    expect(last.data["image/png"]).toBeTypeOf("string");
    const bar = (
      last.data["application/vnd.vegalite.v5+json"] as { vconcat: { mark: { color: string } }[] }
    ).vconcat[0].mark.color;
    expect(bar).toBe("#D55E00"); // not the blue of a running bar nor the green of a finished one
  });

  it("finish unregisters it, so a later interrupt of another cell leaves the display as it is", () => {
    const rec = recordDisplays();
    restore = rec.restore;
    const listeners = new Set<() => void>();
    slot[KEY] = listeners;
    const live = liveTrainingDisplay({ now: () => 0 });
    live.update(progress(1, 1));
    live.finish(progress(3, 4));
    expect(listeners.size).toBe(0);
    expect(rec.sent[rec.sent.length - 1].data["text/plain"]).toMatch(/done in/);
  });

  it("without the course's kernel (no listener set) nothing registers and nothing throws", () => {
    const rec = recordDisplays();
    restore = rec.restore;
    const live = liveTrainingDisplay({ now: () => 0 });
    expect(() => live.update(progress(1, 1))).not.toThrow();
    expect(() => live.finish(progress(1, 2))).not.toThrow();
  });
});
