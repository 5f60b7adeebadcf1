/**
 * The grader's pieces that need no kernel: the answers' encoding, judging a kernel's report (also a
 * forged or malformed one), the rubric's checks, and the escaping of the gradebook and pages.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as dl from "../../lib";
import { exercises } from "../../lib/exercises/catalog";
import { decode, encode, EncodingError, MAX_NUMBERS } from "../../tools/grade/encode";
import { graderRealm, judgeReport } from "../../tools/grade/judge";
import type { AnswerReport } from "../../tools/grade/kernel-side";
import { readRubric, RubricError } from "../../tools/grade/rubric";
import { csvField, feedbackPage, gradesCsv } from "../../tools/grade/report";

const roundTrip = (value: unknown): unknown =>
  decode(JSON.parse(JSON.stringify(encode(value, graderRealm))), graderRealm);

describe("answers as data", () => {
  it("round-trips numbers (NaN, ±Infinity, -0), tensors, arrays, objects, dl.todo()", () => {
    const got = roundTrip({
      a: [NaN, Infinity, -Infinity, -0, 1.5],
      t: dl.tensor([
        [1, 2],
        [3, 4],
      ]),
      s: "x",
      b: true,
      n: null,
      u: undefined,
    }) as Record<string, unknown>;
    expect(got.a).toEqual([NaN, Infinity, -Infinity, -0, 1.5]);
    expect(Object.is((got.a as number[])[3], -0)).toBe(true);
    expect(got.t).toBeInstanceOf(dl.Tensor);
    expect((got.t as dl.Tensor).toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect([got.s, got.b, got.n, "u" in got, got.u]).toEqual(["x", true, null, true, undefined]);
    expect(roundTrip(dl.todo())).toBe(dl.todo());
    expect(roundTrip(new Float32Array([1, 2]))).toEqual(new Float64Array([1, 2]));
  });

  it("names what it does not rebuild (a class instance, a function) instead of failing", () => {
    expect(String(Object.getPrototypeOf(roundTrip(dl.value(2))).constructor.name)).toBe("Value");
    expect(typeof roundTrip(function answer() {})).toBe("function");
    expect(encode(Symbol("s"), graderRealm)).toEqual({ $other: "a symbol" });
  });

  it("refuses answers too large or too deep, and malformed encodings, with named errors", () => {
    expect(() => encode(new Array(MAX_NUMBERS + 1).fill(0), graderRealm)).toThrow(RangeError);
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(() => encode(deep, graderRealm)).toThrow(/nests deeper/);
    for (const bad of [
      { $tensor: { shape: [2], data: [1] } },
      { $nope: 1 },
      { $object: 1 },
      { a: 1, b: 2 },
      { $num: "7" },
    ])
      expect(() => decode(bad, graderRealm)).toThrow(EncodingError);
  });
});

describe("judging a kernel's report in the grader", () => {
  const average = exercises.average;
  const right = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const calls = (values: unknown[]): AnswerReport => ({
    calls: values.map((v) => ({ kind: "returned" as const, value: encode(v, graderRealm) })),
  });
  const answers = average.cases.map((c) => right(...(c.args as [number[]])));

  it("passes what the student's function returned when it is right, fails it when not", () => {
    expect(judgeReport(average, calls(answers), []).status).toBe("passed");
    expect(judgeReport(average, calls(answers.map((a) => a + 1)), []).status).toBe("failed");
  });

  it("runs the hidden cases after the public ones, without showing their expected value", () => {
    const hidden = [{ name: "six", args: [[1, 2, 3, 4, 5, 6]] }];
    const verdict = judgeReport(average, calls([...answers, 99]), hidden);
    expect(verdict.status).toBe("failed");
    expect(verdict.message).toBe(
      "average([1, 2, 3, 4, 5, 6]) gave 99 (a hidden case: its expected value is not shown).",
    );
  });

  it("replays a loop, a throw, a Promise, a changed input and dl.todo() as the checks report them", () => {
    const one = (call: unknown): AnswerReport => ({ calls: [call] }) as AnswerReport;
    expect(judgeReport(average, one({ kind: "timeout", ms: 5000 }), []).message).toMatch(
      /did not return within 1000 ms/,
    );
    expect(
      judgeReport(
        average,
        one({ kind: "threw", name: "TypeError", message: "boom", todo: false }),
        [],
      ).message,
    ).toMatch(/threw TypeError: boom/);
    expect(
      judgeReport(average, one({ kind: "threw", name: "", message: "x", todo: true }), []).status,
    ).toBe("not-attempted");
    expect(judgeReport(average, one({ kind: "promise" }), []).message).toMatch(
      /returned a Promise/,
    );
    expect(judgeReport(average, one({ kind: "mutated", argument: 0 }), []).message).toMatch(
      /changed its argument 1/,
    );
  });

  it("never passes, and never throws on, a forged or malformed report", () => {
    const forged: unknown[] = [
      { calls: [] },
      { calls: "all passed" },
      { calls: [{ kind: "passed" }] },
      { calls: [{ kind: "returned", value: { $tensor: { shape: [1], data: [] } } }] },
      { value: { $object: { status: "passed" } } },
      { unreadable: "<b>" },
      { status: "passed" },
    ];
    for (const report of forged) {
      const verdict = judgeReport(average, report as AnswerReport, []);
      expect(verdict.status, JSON.stringify(report)).not.toBe("passed");
    }
  });

  it("judges a prediction's value against the lesson's, and a value exercise as its check does", () => {
    expect(judgeReport(exercises.predictedSum, { value: 20 }, []).status).toBe("passed");
    expect(judgeReport(exercises.predictedSum, { value: 10 }, []).message).toContain(
      "That is the sum before doubling",
    );
    const doubled = encode(
      dl.tensor([
        [2, 4],
        [6, 8],
      ]),
      graderRealm,
    );
    expect(judgeReport(exercises.firstTensor, { value: doubled }, []).status).toBe("passed");
    expect(judgeReport(exercises.firstTensor, { value: { $todo: true } }, []).status).toBe(
      "not-attempted",
    );
  });
});

describe("the rubric", () => {
  const dir = mkdtempSync(join(tmpdir(), "rubric-"));
  let files = 0;
  const rubricOf = (json: unknown): string => {
    const path = join(dir, `${files++}.json`);
    writeFileSync(path, typeof json === "string" ? json : JSON.stringify(json));
    return path;
  };

  it("gives every exercise 1 point by default, and reads points and hidden cases", () => {
    expect(readRubric(null).get("01-sigmoid")).toEqual({ points: 1, hidden: [] });
    const rubric = readRubric(
      rubricOf({
        exercises: { "00-average": { points: 2, hidden: [{ name: "h", args: [[2, 4]] }] } },
      }),
    );
    expect(rubric.get("00-average")).toEqual({
      points: 2,
      hidden: [{ name: "h", args: [[2, 4]], hidden: true }],
    });
  });

  it("reads the course's own rubric, grading/rubric.json (its hidden cases pass the reference)", () => {
    const rubric = readRubric(join(__dirname, "..", "..", "grading", "rubric.json"));
    expect(rubric.get("07-output-size")?.points).toBe(2);
    expect(rubric.get("00-average")?.hidden).toHaveLength(1);
  });

  it("refuses a rubric it cannot use, saying where", () => {
    const bad: [unknown, RegExp][] = [
      ["{", /rubric-.*json/],
      [{ exercises: { "99-nothing": {} } }, /no exercise "99-nothing"/],
      [{ exercises: { "00-average": { points: -1 } } }, /points must be a number ≥ 0/],
      [
        { exercises: { "00-first-tensor": { hidden: [{ args: [] }] } } },
        /only functions take hidden cases/,
      ],
      [
        { exercises: { "00-average": { hidden: [{ args: 3 }] } } },
        /hidden\[0\]\.args must be a list/,
      ],
      [
        { exercises: { "00-average": { hidden: [{ name: "not a list", args: [3] }] } } },
        /reference answer fails hidden case "not a list"/,
      ],
    ];
    for (const [json, message] of bad) {
      const path = rubricOf(json);
      expect(() => readRubric(path)).toThrow(RubricError);
      expect(() => readRubric(path)).toThrow(message);
    }
  });
});

describe("the gradebook and the feedback pages", () => {
  it("quotes CSV fields and keeps a student's name from starting a spreadsheet formula", () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("-")).toBe("-");
    expect(csvField(-2)).toBe("-2");
    const line = {
      student: "@x",
      lesson: "00-welcome",
      exercise: "00-average",
      title: "",
      status: "passed" as const,
      points: 1,
      maxPoints: 1,
      message: "",
    };
    expect(gradesCsv([line])).toBe(
      "student,lesson,exercise,status,points\n'@x,00-welcome,00-average,passed,1\n",
    );
  });

  it("escapes everything that came from a submission", () => {
    const line = {
      student: "<img src=x onerror=alert(1)>",
      lesson: "00-<b>",
      exercise: "00-average",
      title: "t",
      status: "failed" as const,
      points: 0,
      maxPoints: 1,
      message: '<script>alert("x")</script>',
    };
    const page = feedbackPage(line.student, [
      { student: line.student, lesson: line.lesson, lines: [line], problems: ["cell 2: <iframe>"] },
    ]);
    for (const raw of ["<img", "<script", "<b>", "<iframe"]) expect(page).not.toContain(raw);
    expect(page).toContain("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;");
  });
});
