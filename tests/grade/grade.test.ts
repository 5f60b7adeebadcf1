/**
 * `course grade` on a fixture class (tests/grade/fixture-class.ts): honest, wrong, crashing,
 * hanging and tampering submissions, graded with a rubric that adds points and a hidden case; the
 * gradebook is checked cell by cell, and the feedback pages for escaping. Slow: every submission
 * runs in a real tslab kernel (`npm run build` first: the kernel loads build/tools/grade).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeClass } from "./fixture-class";

const root = resolve(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "grade-test-"));
let run: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  writeClass(join(dir, "class"));
  writeFileSync(
    join(dir, "rubric.json"),
    JSON.stringify({
      exercises: {
        "00-average": { points: 2, hidden: [{ name: "six values", args: [[1, 2, 3, 4, 5, 6]] }] },
        "00-first-tensor": { points: 3 },
      },
    }),
  );
  const cls = join(dir, "class");
  // mallory first, so that everyone after her is graded after her tampering.
  const args = [
    join(cls, "mallory"),
    cls,
    "--out",
    join(dir, "out"),
    "--rubric",
    join(dir, "rubric.json"),
  ];
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["build/tools/course.js", "grade", ...args, "--jobs", "2", "--timeout", "40"],
      { cwd: root, maxBuffer: 1 << 24 },
    );
    run = { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    run = { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}, 900_000);

afterAll(() =>
  process.env.KEEP_GRADE ? undefined : rmSync(dir, { recursive: true, force: true }),
);

// student, lesson, exercise, status, points — every row of grades.csv, in order.
const EXPECTED = `student,lesson,exercise,status,points
mallory,00-welcome,00-average,failed,0
mallory,00-welcome,00-broadcast-shape,missing,0
mallory,00-welcome,00-first-tensor,invalid,0
mallory,00-welcome,00-predict-sum,failed,0
alice,00-welcome,00-average,passed,2
alice,00-welcome,00-broadcast-shape,passed,1
alice,00-welcome,00-first-tensor,passed,3
alice,00-welcome,00-predict-sum,passed,1
alice,notes,-,error,0
bob,00-welcome,00-average,failed,0
bob,00-welcome,00-broadcast-shape,not-attempted,0
bob,00-welcome,00-first-tensor,failed,0
bob,00-welcome,00-predict-sum,failed,0
bob,01-neuron,01-nand,error,0
bob,01-neuron,01-neuron-output,error,0
bob,01-neuron,01-predict-zeros,error,0
bob,01-neuron,01-sigmoid,error,0
bob,01-neuron,01-sigmoid-derivative,error,0
carol,00-welcome,00-average,missing,0
carol,00-welcome,00-broadcast-shape,passed,1
carol,00-welcome,00-first-tensor,missing,0
carol,00-welcome,00-predict-sum,passed,1
dave,00-welcome,00-average,invalid,0
dave,00-welcome,00-broadcast-shape,passed,1
dave,00-welcome,00-first-tensor,passed,3
dave,00-welcome,00-predict-sum,passed,1
erin,05-backprop,05-grad-b3,missing,0
erin,05-backprop,05-grad-w5,missing,0
erin,05-backprop,05-predict-accumulate,missing,0
erin,05-backprop,05-tanh-backward,passed,1
frank,00-welcome,00-average,failed,0
frank,00-welcome,00-broadcast-shape,passed,1
frank,00-welcome,00-first-tensor,passed,3
frank,00-welcome,00-predict-sum,passed,1
`;

describe("course grade on a fixture class", () => {
  it("writes the gradebook cell by cell as expected", () => {
    const got = readFileSync(join(dir, "out", "grades.csv"), "utf8").split("\n");
    const want = EXPECTED.split("\n");
    expect(got.length, run.stdout + run.stderr).toBe(want.length);
    for (let row = 0; row < want.length; row++) {
      const cells = got[row].split(",");
      want[row].split(",").forEach((cell, column) => {
        expect(cells[column], `row ${row + 1} (${want[row]}), column ${column + 1}`).toBe(cell);
      });
    }
  });

  it("exits 1 because two files could not be graded, and says so per notebook", () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("alice 00-welcome: 7/7 points");
    expect(run.stdout).toContain("bob 01-neuron: 0/5 points, 5 not graded");
  });

  it("gives each student a feedback page with the targeted messages, escaped", () => {
    const pages = readdirSync(join(dir, "out", "feedback")).sort();
    expect(pages).toEqual([
      "alice.html",
      "bob.html",
      "carol.html",
      "dave.html",
      "erin.html",
      "frank.html",
      "mallory.html",
    ]);
    const page = (name: string): string =>
      readFileSync(join(dir, "out", "feedback", `${name}.html`), "utf8");
    expect(page("mallory")).toContain(
      "could not be read: &#60;script&#62;alert(1)&#60;/script&#62;",
    );
    expect(page("mallory")).not.toContain("<script>");
    expect(page("mallory")).toContain("average([5]) gave 2, expected 5.");
    expect(page("bob")).toContain("Off by one: divide by xs.length, not xs.length - 1.");
    expect(page("bob")).toContain("That is the sum before doubling (1 + 2 + 3 + 4).");
    expect(page("bob")).toContain("not valid JSON");
    expect(page("carol")).toContain("the kernel died while running this cell");
    expect(page("carol")).toContain("answers defined before it were lost");
    expect(page("dave")).toContain("did not return within 1000 ms (an endless loop?)");
    expect(page("dave")).toContain("timed out after 40 s");
    // frank's answer fails only the rubric's hidden case: its expected value is not shown.
    expect(page("frank")).toContain("average([1, 2, 3, 4, 5, 6]) gave 2.5 (a hidden case");
    expect(page("alice")).toContain("<strong>7 / 7</strong>");
  });
});
