// Lessons 4–6's checks beyond the catalog's common tests: the scalar-op check runs the student's op
// forward and backward (and sees = instead of +=), the hand-written epoch must not change its inputs,
// and the verdicts name the failing case.
import { beforeEach, describe, expect, it } from "vitest";
import { Value, value } from "../../lib/autograd/value";
import { tanhOp, gradW5, gradB3 } from "../../lib/exercises/lessons/lesson-05";
import {
  GRAPH,
  probe,
  reportOf,
  type ProbeReport,
} from "../../lib/exercises/lessons/lesson-05-probe";
import * as solutions05 from "../../lib/exercises/solutions/lesson-05";
import { WRONG_05 } from "./lessons-05-06-wrong";
import { sgdEpoch } from "../../lib/exercises/lessons/lesson-06";
import { aliceOutput } from "../../lib/exercises/lessons/lesson-04";
import { adamStep, predictedSmoothOrder } from "../../lib/exercises/lessons/lesson-06";
import { Adam } from "../../lib/optim/adam";
import { tensor } from "../../lib/tensor/creation";
import * as solutions06 from "../../lib/exercises/solutions/lesson-06";
import { clearPredictions, recordPrediction } from "../../lib/exercises/predictions";
import { attempt } from "./helpers";

beforeEach(() => clearPredictions());

describe("dl.check.tanhOp (05-tanh-backward)", () => {
  it("an op that assigns x.grad = … instead of += loses the other path's gradient and fails", () => {
    const assigning = (x: Value): Value => {
      const out = new Value(Math.tanh(x.data), "", "tanh", [x]);
      out.backwardFn = () => {
        x.grad = (1 - out.data ** 2) * out.grad;
      };
      return out;
    };
    const v = attempt(tanhOp, assigning);
    expect(v.status).toBe("failed");
    expect(v.message).toMatch(/tanhOp\(u\) with u = 3x, x = 0\.5/);
    expect(v.case?.input).toMatch(/u = 3x, x = 0\.5/);
  });

  it("an op returning a plain number (not a Value) is invalid, not an exception", () => {
    expect(attempt(tanhOp, (x: Value) => Math.tanh(x.data)).status).toBe("invalid");
  });

  it("the probe runs the op on a computed value: an op that forgets its parent is caught there", () => {
    // On a leaf input (the old probe) this op passed: its backwardFn reaches x through the closure.
    const orphan = (x: Value): Value => {
      const t = Math.tanh(x.data);
      const out = new Value(t, "", "tanh", []);
      out.backwardFn = () => {
        x.grad += (1 - t * t) * out.grad;
      };
      return out;
    };
    const leaf = value(0.5);
    orphan(leaf).backward();
    expect(leaf.grad).toBeCloseTo(1 - Math.tanh(0.5) ** 2, 12);
    expect(probe(orphan)).not.toBe(orphan);
    const report = (probe(orphan) as (x: number) => ProbeReport)(0.5);
    expect(report).toEqual(reportOf(0.5, { unlinked: true, graph: GRAPH.orphan }));
    expect(attempt(tanhOp, orphan).mistake).toMatch(/no parents/);
  });

  it("the library's own u.tanh() gives the right numbers but is named as the library's op", () => {
    const report = (probe((x: Value) => x.tanh()) as (x: number) => ProbeReport)(-0.4);
    expect(report["∂L/∂x"]).toBeCloseTo(reportOf(-0.4)["∂L/∂x"], 12);
    expect(report.graph).toBe(GRAPH.library);
    expect(attempt(tanhOp, (x: Value) => x.tanh()).status).toBe("failed");
  });

  it("tanh written from the library's other ops (2σ(2x) − 1) is built from other nodes: not [u]", () => {
    const composed = (x: Value): Value => x.mul(2).sigmoid().mul(2).sub(1);
    const v = attempt(tanhOp, composed);
    expect(v.status).toBe("failed");
    expect(v.mistake).toMatch(/built from other nodes/);
  });

  it.each([0.5, -0.4, 0.2, -0.7])(
    "the reference's report at x = %d is the hand-computed one (probe and reportOf agree)",
    (x) => {
      const report = (probe(solutions05.tanhOp) as (x: number) => ProbeReport)(x);
      const exact = reportOf(x);
      expect(report.graph).toBe(GRAPH.linked);
      expect(report["tanh(u)"]).toBe(exact["tanh(u)"]);
      expect(report["∂L/∂x"]).toBeCloseTo(exact["∂L/∂x"], 12);
    },
  );
});

describe("dl.check.gradW5 / gradB3 (05-grad-w5, 05-grad-b3): no degenerate case", () => {
  it("on every public case, every wrong answer differs from the reference and from every other", () => {
    for (const [exercise, wrongs] of [
      [gradW5, WRONG_05.gradW5],
      [gradB3, WRONG_05.gradB3],
    ] as const) {
      const alice: Parameters<typeof solutions05.gradW5> = [
        [-2, -1],
        1,
        [0.5, -0.3, 0.8, 0.2, 1.2, -0.7],
        [0.1, -0.2, 0.3],
      ];
      const reference = exercise.reference as typeof solutions05.gradW5;
      const values = [reference, ...wrongs.map((w) => w.answer)].map((g) => g(...alice));
      for (let i = 0; i < values.length; i++)
        for (let j = 0; j < i; j++)
          expect(Math.abs(values[i] - values[j]), `${exercise.id} ${i} vs ${j}`).toBeGreaterThan(
            1e-4 * Math.abs(values[j]),
          );
      // and each is recognised on that first case already
      for (const w of wrongs) expect(attempt(exercise, w.answer).case?.name).toBe("Alice");
    }
  });
});

describe("dl.check.sgdEpoch (06-sgd-epoch)", () => {
  it("updating params.w in place (instead of copies) is reported as changing the arguments", () => {
    const inPlace: typeof solutions06.sgdEpoch = (params, data, options) => {
      const out = solutions06.sgdEpoch(params, data, options);
      params.w.data.set(out.w.data);
      return out;
    };
    const v = attempt(sgdEpoch, inPlace);
    expect(v.status).toBe("invalid");
    expect(v.message).toMatch(/changed its argument/);
  });

  it("a first failing case is named in the message", () => {
    const v = attempt(sgdEpoch, () => ({ w: solutions06.sgdEpoch.length, b: 0 }));
    expect(v.status).not.toBe("passed");
    expect(v.message).toMatch(/sgdEpoch/);
  });
});

describe("value and prediction checks of lessons 4 and 6", () => {
  it("aliceOutput accepts the answer to 1e-6 and rejects 0.358 (rounded to 3 digits)", () => {
    expect(attempt(aliceOutput, 0.3578802).status).toBe("passed");
    expect(attempt(aliceOutput, 0.358).status).toBe("failed");
  });

  it("gradW5's message shows the Alice case", () => {
    const v = attempt(gradW5, () => 0);
    expect(v.status).toBe("failed");
    expect(v.message).toMatch(/gradW5\(\[-2, -1\], 1/);
  });

  it("predictedSmoothOrder compares the recorded order with the lesson's result", () => {
    recordPrediction("06-predict-smooth-order", [64, 8, 1]);
    expect(predictedSmoothOrder.judge([64, 8, 1]).status).toBe("passed");
    recordPrediction("06-predict-smooth-order", [1, 8, 64]);
    expect(predictedSmoothOrder.judge([64, 8, 1]).mistake).toMatch(/noisiest to smoothest/);
  });
});

describe("dl.check.adamStep (06-adam-step)", () => {
  it("three steps of the reference equal three steps of dl.optim.Adam on the same gradients", () => {
    const grads = [
      [0.3, -0.05, 1.5],
      [-0.2, 0.01, 1.1],
      [0.6, -0.4, -0.3],
    ];
    for (const lr of [0.01, 0.1]) {
      const p = tensor([0.5, -1.2, 2], { requiresGrad: true });
      const adam = new Adam([p], { lr });
      let mine = { w: [0.5, -1.2, 2], m: [0, 0, 0], v: [0, 0, 0], t: 0 };
      for (const g of grads) {
        p.grad = tensor(g);
        adam.step();
        mine = solutions06.adamStep(mine.w, g, mine, lr);
        mine.w.forEach((wi, i) => expect(wi).toBeCloseTo(p.data[i], 14));
      }
      expect(mine.t).toBe(3);
    }
  });

  it("every case is judged: the reference passes and a step of plain SGD fails on the first", () => {
    expect(adamStep.cases.length).toBeGreaterThanOrEqual(3);
    const sgd = (
      w: number[],
      g: number[],
      s: { m: number[]; v: number[]; t: number },
      lr: number,
    ) => ({
      ...s,
      w: w.map((wi, i) => wi - lr * g[i]),
    });
    expect(attempt(adamStep, sgd).case?.name).toBe(adamStep.cases[0].name);
  });

  it("the first step moves every weight by about η, whatever the size of its gradient", () => {
    const zero = { m: [0, 0], v: [0, 0], t: 0 };
    const { w } = solutions06.adamStep([0, 0], [0.002, 50], zero, 0.01);
    expect(w.map((wi) => -wi)).toEqual([expect.closeTo(0.01, 6), expect.closeTo(0.01, 10)]);
    expect(solutions06.predictedAdamFirstStep).toEqual([0.01, 0.01]);
  });
});
