// The solution-notebook generator (tools/solutions/generate.ts): reference answers copied from
// lib/exercises/solutions into exercise cells, deterministic output, committed notebooks current.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  generateSolutions,
  readSolutions,
  replaceDeclarations,
  solveNotebook,
} from "../../tools/solutions/generate";

const ROOT = process.cwd();

const code = (source: string, exercise?: string) => ({
  cell_type: "code",
  execution_count: null,
  id: `c${source.length}`,
  metadata: exercise === undefined ? {} : { tags: ["exercise"], course: { exercise } },
  outputs: [],
  source: source.split(/(?<=\n)/),
});

function lessonNotebook() {
  return {
    cells: [
      code('import * as dl from "../dist";'),
      {
        cell_type: "markdown",
        id: "m",
        metadata: { tags: ["exercise"] },
        source: ["Write `average` (see ../README.md)."],
      },
      code(
        "// your answer:\nfunction average(xs: number[]): number {\n  return dl.todo();\n}\ndl.check.average(average);",
        "00-average",
      ),
      code('const data = dl.data.load("../datasets/x.csv");'),
    ],
    metadata: { course: { lesson: 0 } },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

describe("replaceDeclarations", () => {
  const solutions = new Map([
    ["average", "function average(xs: number[]): number {\n  return 2;\n}"],
    ["w", "const w = 3;"],
  ]);

  it.each([
    {
      cell: "function average(xs: number[]): number {\n  return dl.todo();\n}\ndl.check.average(average);",
      expected:
        "function average(xs: number[]): number {\n  return 2;\n}\ndl.check.average(average);",
    },
    {
      cell: '// guess:\nconst w: number = dl.todo();\ndl.predict("00-w", w);',
      expected: '// guess:\nconst w = 3;\ndl.predict("00-w", w);',
    },
    {
      cell: "let w = dl.todo();\nconst average = (xs: number[]) => dl.todo();",
      expected: "const w = 3;\nfunction average(xs: number[]): number {\n  return 2;\n}",
    },
  ])("replaces the declarations of solution names in $cell", ({ cell, expected }) => {
    expect(replaceDeclarations(cell, solutions, "test")).toBe(expected);
  });

  it("throws naming the cell and the solution names when the cell declares none of them", () => {
    expect(() =>
      replaceDeclarations("const x = dl.todo();", solutions, "00-a.ipynb cell 3 (00-a)"),
    ).toThrow(/00-a\.ipynb cell 3 \(00-a\) declares none of the solution names \(average, w\)/);
  });
});

describe("readSolutions", () => {
  it("reads lesson 0's exports as notebook text: no `export`, no doc comment", () => {
    const solutions = readSolutions(ROOT, "00");
    expect([...solutions.keys()].sort()).toEqual([
      "average",
      "broadcastShape",
      "doubled",
      "predictedSum",
    ]);
    expect(solutions.get("doubled")).toBe(
      "const doubled: dl.Tensor = dl.mul(dl.tensor([[1, 2], [3, 4]]), 2);",
    );
    expect(solutions.get("average")).toMatch(/^function average\(xs: number\[\]\): number \{\n/);
  });

  it("throws for a lesson without a solutions file", () => {
    expect(() => readSolutions(ROOT, "97")).toThrow(/lesson-97\.ts does not exist/);
  });
});

describe("solveNotebook", () => {
  const solved = solveNotebook(
    lessonNotebook(),
    (lesson) => readSolutions(ROOT, lesson),
    "00-x.ipynb",
  );
  const text = (i: number) => (solved.cells[i].source as string[]).join("");

  it("puts the reference answer in the exercise cell and keeps the rest of the cell", () => {
    expect(text(2)).toMatch(
      /^\/\/ your answer:\nfunction average\(xs: number\[\]\): number \{\n  let total = 0;/,
    );
    expect(text(2)).toMatch(/\ndl\.check\.average\(average\);$/);
  });

  it("moves relative paths of code cells one folder deeper, and leaves markdown alone", () => {
    expect(text(0)).toBe('import * as dl from "../../dist";');
    expect(text(3)).toBe('const data = dl.data.load("../../datasets/x.csv");');
    expect(solved.cells[1]).toEqual(lessonNotebook().cells[1]);
  });

  it("keeps ids, tags and metadata", () => {
    expect(solved.cells.map((c) => [c.id, c.metadata])).toEqual(
      lessonNotebook().cells.map((c) => [c.id, c.metadata]),
    );
    expect(solved.metadata).toEqual(lessonNotebook().metadata);
  });
});

describe("generateSolutions", () => {
  it("writes a solution only for lessons with exercise cells, the same text every time", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "solutions-"));
    fs.mkdirSync(path.join(root, "notebooks"));
    fs.mkdirSync(path.join(root, "lib", "exercises", "solutions"), { recursive: true });
    fs.copyFileSync(
      path.join(ROOT, "lib/exercises/solutions/lesson-00.ts"),
      path.join(root, "lib/exercises/solutions/lesson-00.ts"),
    );
    fs.writeFileSync(path.join(root, "notebooks", "00-x.ipynb"), JSON.stringify(lessonNotebook()));
    fs.writeFileSync(
      path.join(root, "notebooks", "01-y.ipynb"),
      JSON.stringify({ ...lessonNotebook(), cells: [code("1")] }),
    );
    const first = generateSolutions(root);
    expect(first.map((f) => path.relative(root, f.path))).toEqual([
      path.join("notebooks", "solutions", "00-x.ipynb"),
    ]);
    expect(generateSolutions(root)).toEqual(first);
    expect(first[0].text.endsWith("}\n")).toBe(true);
    fs.rmSync(root, { recursive: true });
  });

  it("the committed solution notebooks are exactly what the generator makes (run npm run solutions)", () => {
    const generated = generateSolutions(ROOT);
    for (const file of generated) {
      expect(fs.existsSync(file.path), `${file.path} is missing`).toBe(true);
      expect(fs.readFileSync(file.path, "utf8"), `${file.path} is out of date`).toBe(file.text);
    }
    const dir = path.join(ROOT, "notebooks", "solutions");
    const committed = fs.existsSync(dir)
      ? fs.readdirSync(dir).filter((f) => f.endsWith(".ipynb"))
      : [];
    expect(committed.sort()).toEqual(generated.map((f) => path.basename(f.path)).sort());
  });
});
