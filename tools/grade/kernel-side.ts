/**
 * The only grader code that runs inside a student's kernel. Each grading cell the grader appends to
 * a submission calls `reportAnswer` once, with the student's answer (the name the exercise cell
 * declares): it prints one line, `<marker><JSON>`, saying what the answer is — the value itself, or
 * for a function what it did on each case's inputs (called as the checks call it: on copies, with a
 * time limit). No verdict is computed here, and no expected value ever enters the kernel: the grader
 * judges the report in its own process (tools/grade/judge.ts).
 *
 * It uses the notebook's own engine (`distDir`), so tensors it builds are the student's kind.
 */
import { decode, encode, type Encoded, type Realm } from "./encode";

/** What a grading cell asks: the kind of exercise, and for a function the cases' encoded inputs. */
export interface AnswerRequest {
  kind: "function" | "value" | "prediction";
  /** Encoded argument lists, one per case (function exercises). */
  cases?: Encoded[][];
  /** Time limit of one call, in ms. */
  callMs?: number;
  /** Wrap the answer before calling it: "probe-05" runs a scalar op forward and backward (lesson 5). */
  adapter?: "probe-05";
}

/** What one call of the student's function did, as data. */
export type CallReport =
  | { kind: "returned"; value: Encoded }
  | { kind: "threw"; name: string; message: string; todo: boolean }
  | { kind: "timeout"; ms: number }
  | { kind: "promise" }
  | { kind: "mutated"; argument: number }
  | { kind: "unreadable"; message: string };

/** The report of one grading cell. */
export type AnswerReport = { value: Encoded } | { calls: CallReport[] } | { unreadable: string };

const TODO_MARK = Symbol.for("dl.todo");

/** The realm of the engine at `distDir` (the notebook's `dist/`). */
export function distRealm(distDir: string): Realm {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Tensor } = require(`${distDir}/tensor/tensor`) as {
    Tensor: new (data: Float64Array, shape: number[]) => object;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { todo } = require(`${distDir}/exercises/todo`) as { todo: () => unknown };
  return {
    isTensor: (v): v is { shape: number[]; data: Float64Array } => v instanceof Tensor,
    makeTensor: (data, shape) => new Tensor(data, shape),
    isTodo: (v) =>
      typeof v === "object" && v !== null && (v as Record<symbol, unknown>)[TODO_MARK] === true,
    todo,
  };
}

function errorParts(error: unknown): { name: string; message: string } {
  try {
    if (error instanceof Error) return { name: String(error.name), message: String(error.message) };
    return { name: "", message: `${String(error)} (thrown)` };
  } catch {
    return { name: "", message: "an unreadable value (thrown)" };
  }
}

/** Calls the answer on every case as `dl.check` would, and reports each outcome as data. */
function reportCalls(
  answer: unknown,
  request: AnswerRequest,
  distDir: string,
  realm: Realm,
): AnswerReport {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { makeCaller } = require(`${distDir}/exercises/call`) as {
    makeCaller: (
      ms: number,
    ) => (fn: unknown, args: readonly unknown[]) => { kind: string; [k: string]: unknown };
  };
  let fn = answer;
  if (request.adapter === "probe-05") {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { probe } = require(`${distDir}/exercises/lessons/lesson-05-probe`) as {
      probe: (op: unknown) => unknown;
    };
    fn = probe(answer);
  }
  const call = makeCaller(request.callMs ?? 5000);
  const calls: CallReport[] = (request.cases ?? []).map((encodedArgs): CallReport => {
    const args = decode(encodedArgs, realm) as unknown[];
    const outcome = call(fn, args);
    try {
      switch (outcome.kind) {
        case "returned":
          return { kind: "returned", value: encode(outcome.value, realm) };
        case "threw":
          return { kind: "threw", ...errorParts(outcome.error), todo: realm.isTodo(outcome.error) };
        case "timeout":
          return { kind: "timeout", ms: Number(outcome.ms) };
        case "mutated":
          return { kind: "mutated", argument: Number(outcome.argument) };
        default:
          return { kind: "promise" };
      }
    } catch (error) {
      return { kind: "unreadable", message: errorParts(error).message };
    }
  });
  return { calls };
}

/** Prints `<marker><JSON report>` for the answer; the grading cell's only output. */
export function reportAnswer(
  marker: string,
  distDir: string,
  request: AnswerRequest,
  answer: unknown,
): void {
  const realm = distRealm(distDir);
  let report: AnswerReport;
  try {
    report =
      request.kind === "function" && typeof answer === "function"
        ? reportCalls(answer, request, distDir, realm)
        : { value: encode(answer, realm) };
  } catch (error) {
    report = { unreadable: errorParts(error).message };
  }
  console.log(marker + JSON.stringify(report));
}
