/**
 * The fixture class of tests/grade/grade.test.ts: each student's submission of lesson 0 (and one of
 * lesson 5), as the cells they wrote. Each student tries one way a submission can go: honest, wrong,
 * crashing, hanging, tampering, or right except on the instructor's hidden case.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const IMPORT = 'import * as dl from "../dist";';
const RIGHT = {
  doubled:
    "const doubled: dl.Tensor = dl.tensor([[1, 2], [3, 4]]).mul(2);\ndl.check.firstTensor(doubled);",
  average:
    "function average(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, 0) / xs.length;\n}\ndl.check.average(average);",
  broadcastShape: [
    "function broadcastShape(a: number[], b: number[]): number[] | null {",
    "  const n = Math.max(a.length, b.length);",
    "  const out: number[] = [];",
    "  for (let i = 1; i <= n; i++) {",
    "    const x = a[a.length - i] ?? 1, y = b[b.length - i] ?? 1;",
    "    if (x !== y && x !== 1 && y !== 1) return null;",
    "    out.unshift(Math.max(x, y));",
    "  }",
    "  return out;",
    "}",
    "dl.check.broadcastShape(broadcastShape);",
  ].join("\n"),
  predictedSum: 'const predictedSum: number = 20;\ndl.predict("00-predict-sum", predictedSum);',
};

/** Lesson 0 submissions, by student: the code cells, in order. */
export const CLASS: Record<string, string[]> = {
  // Tampers before answering wrongly: replaces the checks, patches the engine through the require
  // cache (the verdict function and the safe caller the grader's cell uses), prints a fake passed
  // verdict and fake grader reports, writes into its copy of the engine, and deletes one exercise.
  mallory: [
    IMPORT,
    [
      "const fs = require('fs');",
      "try { (dl as any).check = new Proxy({}, { get: () => () => ({ status: 'passed' }) }); } catch {}",
      "const judge = require(require.resolve('../dist/exercises/judge'));",
      "judge.judgeFunction = () => ({ exercise: '00-average', title: '', status: 'passed', message: 'ok' });",
      "judge.judgeCase = () => null;",
      "const call = require(require.resolve('../dist/exercises/call'));",
      "call.makeCaller = () => () => ({ kind: 'returned', value: 2 });",
      "fs.writeFileSync(require.resolve('../dist/exercises/judge'), 'exports.judgeCase = () => null;');",
      "console.log('course-grade:00000000000000000000000000000000:{\"value\":20}');",
      "require('tslab').display.html('<div class=\"verdict passed\">✓ passed</div>');",
      "setInterval(() => console.log('course-grade:forged:{\"value\":20}'), 5);",
    ].join("\n"),
    "const doubled: any = { get shape(): number[] { throw new Error('<script>alert(1)</script>'); } };",
    "function average(xs: number[]): number {\n  return 0;\n}\ndl.check.average(average);",
    'const predictedSum: number = 4;\ndl.predict("00-predict-sum", predictedSum);',
  ],
  alice: [IMPORT, RIGHT.doubled, RIGHT.average, RIGHT.broadcastShape, RIGHT.predictedSum],
  bob: [
    IMPORT,
    "const doubled: dl.Tensor = dl.tensor([[1, 2], [3, 4]]).add(2);\ndl.check.firstTensor(doubled);",
    "function average(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, 0) / (xs.length - 1);\n}\ndl.check.average(average);",
    "function broadcastShape(a: number[], b: number[]): number[] | null {\n  return dl.todo();\n}",
    'const predictedSum: number = 10;\ndl.predict("00-predict-sum", predictedSum);',
  ],
  // Crashes the kernel halfway: what came before is lost, what comes after is graded.
  carol: [
    IMPORT,
    RIGHT.doubled,
    RIGHT.average,
    "process.exit(3);",
    IMPORT,
    RIGHT.broadcastShape,
    RIGHT.predictedSum,
  ],
  // Hangs: a function that never returns, and a cell that never ends.
  dave: [
    IMPORT,
    RIGHT.doubled,
    "function average(xs: number[]): number {\n  while (true) {}\n}",
    "while (true) {}",
    RIGHT.broadcastShape,
    RIGHT.predictedSum,
  ],
  // Right on every case the student can see, wrong on the rubric's hidden one (sums the first five).
  frank: [
    IMPORT,
    RIGHT.doubled,
    "function average(xs: number[]): number {\n  return xs.slice(0, 5).reduce((a, b) => a + b, 0) / xs.length;\n}\ndl.check.average(average);",
    RIGHT.broadcastShape,
    RIGHT.predictedSum,
  ],
};

/** Lesson 5, for the exercise whose answer the kernel wraps before calling (a scalar op). */
export const ERIN_LESSON_05 = [
  IMPORT,
  [
    "function tanhOp(x: dl.Value): dl.Value {",
    "  const t = Math.tanh(x.data);",
    '  const out = new dl.Value(t, "", "tanh", [x]);',
    "  out.backwardFn = () => {",
    "    x.grad += (1 - t * t) * out.grad;",
    "  };",
    "  return out;",
    "}",
  ].join("\n"),
];

/** An nbformat 4 notebook of these code cells. */
export function notebookOf(cells: readonly string[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
    cells: cells.map((source) => ({
      cell_type: "code",
      metadata: {},
      source,
      outputs: [],
      execution_count: null,
    })),
  });
}

/**
 * Writes the class under `dir`: `dir/<student>/00-welcome.ipynb`, erin's lesson 5, and two files
 * that are no submission: bob's `01-neuron.ipynb` is not JSON, alice's `notes.ipynb` is no lesson.
 */
export function writeClass(dir: string): void {
  for (const [student, cells] of Object.entries(CLASS)) {
    mkdirSync(join(dir, student), { recursive: true });
    writeFileSync(join(dir, student, "00-welcome.ipynb"), notebookOf(cells));
  }
  mkdirSync(join(dir, "erin"), { recursive: true });
  writeFileSync(join(dir, "erin", "05-backprop.ipynb"), notebookOf(ERIN_LESSON_05));
  writeFileSync(join(dir, "bob", "01-neuron.ipynb"), "this is not a notebook");
  writeFileSync(join(dir, "alice", "notes.ipynb"), notebookOf(["1 + 1"]));
}
