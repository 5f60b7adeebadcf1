// Lessons 4–6's checks beyond the catalog's common tests: the scalar-op check runs the student's op
// forward and backward (and sees = instead of +=), the hand-written epoch must not change its inputs,
// and the verdicts name the failing case.
import { beforeEach, describe, expect, it } from "vitest";
import { Value } from "../../lib/autograd/value";
import { tanhOp, gradW5 } from "../../lib/exercises/lessons/lesson-05";
import { sgdEpoch } from "../../lib/exercises/lessons/lesson-06";
import { aliceOutput } from "../../lib/exercises/lessons/lesson-04";
import { predictedSmoothest } from "../../lib/exercises/lessons/lesson-06";
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
    expect(v.message).toMatch(/tanhOp\(0\.5\)|x = 0\.5/);
  });

  it("an op returning a plain number (not a Value) is invalid, not an exception", () => {
    expect(attempt(tanhOp, (x: Value) => Math.tanh(x.data)).status).toBe("invalid");
  });

  it("the library's own Value.tanh passes (same forward and backward)", () => {
    expect(attempt(tanhOp, (x: Value) => x.tanh()).status).toBe("passed");
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

  it("gradW5's message shows the Alice case with its expected value", () => {
    const v = attempt(gradW5, () => 0);
    expect(v.status).toBe("failed");
    expect(v.message).toMatch(/gradW5\(\[-2, -1\], 1/);
  });

  it("predictedSmoothest compares the recorded prediction with the lesson's result", () => {
    recordPrediction("06-predict-smoothest", 64);
    expect(predictedSmoothest.judge(64).status).toBe("passed");
    recordPrediction("06-predict-smoothest", 1);
    expect(predictedSmoothest.judge(64).mistake).toMatch(/noisiest/);
  });
});
