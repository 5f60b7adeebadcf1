// The exercise framework on fixture exercises: every kind of answer a student can give gets the
// right verdict, and nothing throws or hangs.
import { afterEach, describe, expect, it, vi } from "vitest";
import { defineExercise } from "../../lib/exercises/define";
import { findExercise } from "../../lib/exercises/catalog";
import { advanceHint } from "../../lib/exercises/hint-progress";
import { hint, resetHints } from "../../lib/exercises/hints";
import { predict, recordPredictionOf } from "../../lib/exercises/predict";
import { clearPredictions, recordPrediction } from "../../lib/exercises/predictions";
import { verdictBundle, verdictText } from "../../lib/exercises/render";
import { containsTodo, todo } from "../../lib/exercises/todo";
import { tensor } from "../../lib/tensor/creation";
import { Tensor } from "../../lib/tensor/tensor";

/** A perceptron-style update returning an object: w ← w + lr·(y − ŷ)·x, b ← b + lr·(y − ŷ). */
type Update = (w: number[], b: number, x: number[], err: number) => { w: number[]; b: number };
const update: Update = (w, b, x, err) => ({
  w: w.map((wi, i) => wi + 0.5 * err * x[i]),
  b: b + 0.5 * err,
});

const perceptronUpdate = defineExercise({
  id: "99-update",
  title: "A perceptron update",
  kind: "function",
  answer: "update",
  reference: update,
  cases: [
    { name: "one step", args: [[1, 2], 0.5, [1, -1], 1] },
    { name: "secret", args: [[0, 0], 0, [2, 3], -1], hidden: true },
  ],
  mistakes: [
    { message: "Sign error in the update.", variant: (w, b, x, err) => update(w, b, x, -err) },
    {
      message: "You forgot the bias.",
      variant: (w, b, x, err) => ({ ...update(w, b, x, err), b }),
    },
    {
      message: "Off by one in output size.",
      variant: (w, b, x, err) => ({ ...update(w, b, x, err), w: [...update(w, b, x, err).w, 0] }),
    },
  ],
  hints: ["first", "last"],
  timeoutMs: 100,
});

const scale = defineExercise({
  id: "99-scale",
  title: "Scale a tensor",
  kind: "function",
  answer: "scale",
  reference: (x: Tensor) =>
    new Tensor(
      x.data.map((v) => 2 * v),
      x.shape,
    ),
  cases: [{ name: "a row", args: [tensor([1, 2, 3])] }],
  hints: ["only"],
});

const converges = defineExercise({
  id: "99-converges",
  title: "Will it converge?",
  kind: "prediction",
  answer: "converges",
  reference: false,
  hints: ["only"],
});

const roughLoss = defineExercise({
  id: "99-loss",
  title: "Guess the loss",
  kind: "prediction",
  answer: "loss",
  reference: 0.7,
  tolerance: { rtol: 0.2 },
  hints: ["only"],
});

const doubled = defineExercise({
  id: "99-doubled",
  title: "Double a number",
  kind: "value",
  answer: "doubled",
  reference: 0.6114,
  mistakes: [{ message: "That is the number itself, not doubled.", variant: () => 0.3057 }],
  hints: ["multiply by 2", "0.3057 · 2"],
});

afterEach(() => {
  clearPredictions();
  resetHints();
});

describe("value checks: the expected value is the answer, so it is shown only after the last hint", () => {
  it("a wrong value before any hint: failed, no expected value, and how to see it", () => {
    const verdict = doubled.judge(0.7);
    expect(verdict).toMatchObject({ status: "failed", case: { name: "value", got: "0.7" } });
    expect(verdict.case?.expected).toBeUndefined();
    expect(verdict.message).toMatch(/shown after the last hint: run dl\.hint\("99-doubled"\)/);
    expect(verdictText(verdict)).not.toMatch(/0\.6114/);
    expect(verdictBundle(verdict)["text/html"]).not.toMatch(/0\.6114/);
  });

  it("after one of two hints still hidden; after the last hint shown", () => {
    advanceHint("99-doubled", 2);
    expect(doubled.judge(0.7).case?.expected).toBeUndefined();
    advanceHint("99-doubled", 2);
    expect(doubled.judge(0.7)).toMatchObject({ status: "failed", case: { expected: "0.6114" } });
    expect(verdictText(doubled.judge(0.7))).toMatch(/expected 0\.6114, got 0\.7/);
  });

  it("dl.hint says so on a value exercise's last hint, and only there", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const total = findExercise("04-alice-output")!.hints.length;
    for (let i = 0; i < total; i++) hint("04-alice-output");
    hint("00-average");
    const shown = log.mock.calls.map((c) => String(c[0]));
    log.mockRestore();
    expect(shown.filter((t) => /Run the check again/.test(t))).toEqual([
      expect.stringMatching(
        new RegExp(`^💡 Hint ${total} of ${total} for 04-alice-output \\(the last hint\\)`),
      ),
    ]);
  });

  it("a known mistake is named whatever the hints; a right value passes", () => {
    expect(doubled.judge(0.3057)).toMatchObject({ status: "failed", mistake: /itself/ });
    expect(doubled.judge(0.6114).status).toBe("passed");
  });

  it("judgeMistake gives the verdict of a student who makes that mistake", () => {
    expect(doubled.judgeMistake(doubled.mistakes[0]).mistake).toBe(
      "That is the number itself, not doubled.",
    );
    expect(perceptronUpdate.judgeMistake(perceptronUpdate.mistakes[1]).mistake).toBe(
      "You forgot the bias.",
    );
  });
});

describe("function checks", () => {
  it.each([
    { why: "the reference", answer: update, status: "passed", message: /right on all 2 cases/ },
    {
      why: "a sign error",
      answer: (w: number[], b: number, x: number[], e: number) => update(w, b, x, -e),
      status: "failed",
      message: /Sign error/,
    },
    {
      why: "no bias",
      answer: (w: number[], b: number, x: number[], e: number) => ({ ...update(w, b, x, e), b }),
      status: "failed",
      message: /forgot the bias/,
    },
    {
      why: "an extra weight (a wrong shape that is a known mistake)",
      answer: (w: number[], b: number, x: number[], e: number) => ({
        ...update(w, b, x, e),
        w: [...update(w, b, x, e).w, 0],
      }),
      status: "failed",
      message: /Off by one/,
    },
    {
      why: "a missing field",
      answer: (w: number[]) => ({ w }),
      status: "invalid",
      message: /no field "b"/,
    },
    {
      why: "a wrong shape",
      answer: () => ({ w: [1], b: 0 }),
      status: "invalid",
      message: /in w: expected shape \[2\], got shape \[1\]/,
    },
    { why: "NaN", answer: () => ({ w: [NaN, 1], b: 0 }), status: "invalid", message: /NaN/ },
    { why: "no return", answer: () => undefined, status: "invalid", message: /forget to `return`/ },
    {
      why: "an async function",
      answer: async () => update([1, 2], 0.5, [1, -1], 1),
      status: "invalid",
      message: /Promise/,
    },
    {
      why: "a throwing function",
      answer: () => {
        throw new RangeError("bad");
      },
      status: "invalid",
      message: /threw RangeError: bad/,
    },
    {
      why: "a mutating function",
      answer: (w: number[], b: number, x: number[], e: number) => {
        const r = update(w, b, x, e);
        w[0] = 99;
        return r;
      },
      status: "invalid",
      message: /changed its argument 1/,
    },
    {
      why: "a number",
      answer: 3,
      status: "invalid",
      message: /Expected a function `update`, got 3/,
    },
    { why: "a stub", answer: () => todo(), status: "not-attempted", message: /dl\.todo\(\)/ },
    {
      why: "a partial stub",
      answer: (w: number[]) => ({ w, b: todo() }),
      status: "not-attempted",
      message: /dl\.todo\(\)/,
    },
  ])("$why → $status", ({ answer, status, message }) => {
    const verdict = perceptronUpdate.judge(answer);
    expect(verdict.status).toBe(status);
    expect(verdict.message).toMatch(message);
  });

  it("a public failing case shows the expected value and the call", () => {
    const verdict = perceptronUpdate.judge(() => ({ w: [0, 0], b: 0 }));
    expect(verdict.case).toEqual({
      name: "one step",
      input: "update([1, 2], 0.5, [1, -1], 1)",
      expected: "{ w: [1.5, 1.5], b: 1 }",
      got: "{ w: [0, 0], b: 0 }",
    });
  });

  it("a hidden failing case does not show the expected value", () => {
    const onlyFirst = (w: number[], b: number, x: number[], e: number) =>
      w[0] === 1 ? update(w, b, x, e) : { w: [0, 0], b: 0 };
    const verdict = perceptronUpdate.judge(onlyFirst);
    expect(verdict).toMatchObject({ status: "failed", case: { name: "secret" } });
    expect(verdict.case?.expected).toBeUndefined();
    expect(verdict.message).toMatch(/hidden case/);
  });

  it("an endless loop is stopped after timeoutMs", () => {
    const start = Date.now();
    const verdict = perceptronUpdate.judge(() => {
      for (;;) {
        // spin
      }
    });
    expect(verdict.message).toMatch(/did not return within 100 ms/);
    expect(Date.now() - start).toBeLessThan(1000);
  });

  it("a function that changes its tensor input is invalid, and the case table is untouched", () => {
    const verdict = scale.judge((x: Tensor) => {
      x.data[0] = 42;
      return new Tensor(
        x.data.map((v) => 2 * v),
        x.shape,
      );
    });
    expect(verdict).toMatchObject({
      status: "invalid",
      message: expect.stringMatching(/changed its argument 1/),
    });
    expect(
      scale.judge(
        (x: Tensor) =>
          new Tensor(
            x.data.map((v) => 2 * v),
            x.shape,
          ),
      ).status,
    ).toBe("passed");
  });

  it("an array where a tensor is expected is invalid and says so", () => {
    expect(scale.judge(() => [2, 4, 6]).message).toMatch(
      /expected a tensor of shape \[3\], got \[2, 4, 6\]/,
    );
  });
});

describe("prediction checks", () => {
  it.each([
    { prediction: false, status: "passed" },
    { prediction: true, status: "failed" },
    { prediction: "no", status: "invalid" },
    { prediction: todo(), status: "not-attempted" },
  ])("predicting $prediction for a boolean → $status", ({ prediction, status }) => {
    recordPrediction("99-converges", prediction);
    expect(converges.judge(false).status).toBe(status);
  });

  it("no prediction recorded → not attempted", () => {
    expect(converges.judge(false).status).toBe("not-attempted");
  });

  it.each([
    { prediction: 0.6, status: "passed" },
    { prediction: 0.5, status: "failed" },
  ])("a tolerance of 20% accepts $prediction for 0.69 → $status", ({ prediction, status }) => {
    recordPrediction("99-loss", prediction);
    expect(roughLoss.judge(0.69).status).toBe(status);
  });

  it("dl.predict records for a catalog exercise and refuses an unknown id", () => {
    expect(recordPredictionOf("00-predict-sum", 20)).toMatchObject({
      recorded: true,
      message: expect.stringMatching(/you predicted 20/),
    });
    expect(recordPredictionOf("00-predict-sum", todo())).toMatchObject({
      recorded: false,
      message: expect.stringMatching(/no prediction yet/),
    });
    expect(recordPredictionOf("nope", 1)).toMatchObject({
      recorded: false,
      message: expect.stringMatching(/not a prediction exercise.*00-predict-sum/),
    });
  });
});

describe("display and stubs", () => {
  it("check displays the verdict's text outside a kernel and returns it", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const verdict = perceptronUpdate.check(update);
    expect(verdict.status).toBe("passed");
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/^✓ 99-update \(A perceptron update\): passed/),
    );
    log.mockRestore();
  });

  it.each([
    { status: "passed", mark: "✓" },
    { status: "failed", mark: "✗" },
    { status: "not-attempted", mark: "○" },
    { status: "invalid", mark: "!" },
  ] as const)("a $status verdict renders a $mark box, HTML-escaped", ({ status, mark }) => {
    const bundle = verdictBundle({ exercise: "99-x", title: "<T>", status, message: "a < b" });
    expect(bundle["text/html"]).toContain(`dl-verdict-${status}`);
    expect(bundle["text/html"]).toContain(mark);
    expect(bundle["text/html"]).toContain("&lt;T&gt;");
    expect(bundle["text/html"]).not.toContain("<T>");
    expect(bundle["text/plain"]).toMatch(new RegExp(`^${mark} 99-x`));
    // The runnable site pages read the progress from this entry (web/page/progress.ts).
    expect(bundle["application/vnd.course.verdict+json"]).toEqual({ exercise: "99-x", status });
  });

  it("containsTodo finds the stub in arrays and objects", () => {
    expect(
      [todo(), [1, todo()], { a: { b: todo() } }, 1, null, tensor([1])].map((v) => containsTodo(v)),
    ).toEqual([true, true, true, false, false, false]);
  });

  it("defineExercise rejects an id that is not NN-slug, and an exercise without hints", () => {
    const base = { title: "t", kind: "value", answer: "a", reference: 1 } as const;
    expect(() => defineExercise({ ...base, id: "sigmoid", hints: ["h"] })).toThrow(
      /id must look like "01-sigmoid", got "sigmoid"/,
    );
    expect(() => defineExercise({ ...base, id: "01-a", hints: [] })).toThrow(
      /01-a needs at least one hint/,
    );
  });
});

describe("dl.hint and dl.predict in a notebook", () => {
  it("show their message and return nothing (a cell ending with them prints no extra line)", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    expect(hint("00-average")).toBeUndefined();
    expect(hint("00-nope")).toBeUndefined();
    expect(predict("00-predict-sum", 20)).toBeUndefined();
    expect(log.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/^💡 Hint 1 of 3 for 00-average:/),
      expect.stringMatching(
        /no exercise "00-nope". Exercises: 00-average, 00-broadcast-shape, 00-first-tensor, 00-predict-sum/,
      ),
      expect.stringMatching(/you predicted 20/),
    ]);
    log.mockRestore();
  });
});
