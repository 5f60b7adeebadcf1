// Writes the "How exercises work" section of notebooks/00-welcome.ipynb (owned by the exercises
// framework; the rest of the notebook is the welcome lesson's). It rewrites the text of the
// section's heading cell (keeping its id) and replaces every cell after it, up to the next heading
// of the same or a higher level, with the cells below. Usage: node tools/solutions/welcome-section.cjs [notebook.ipynb]
// Then run `npm run solutions` to regenerate notebooks/solutions/00-welcome.ipynb.
const fs = require("node:fs");

const md = (id, text, tags) => ({
  cell_type: "markdown",
  id,
  metadata: tags ? { tags } : {},
  source: lines(text),
});
const code = (id, text, exercise) => ({
  cell_type: "code",
  execution_count: null,
  id,
  metadata: exercise ? { course: { exercise }, tags: ["exercise"] } : {},
  outputs: [],
  source: lines(text),
});
function lines(text) {
  return text.split(/(?<=\n)/).filter((line) => line !== "");
}

/** The text of the section's heading cell (its id is kept). */
const HEADING =
  "## How exercises work\n\n" +
  "Each lesson has exercises. An exercise cell holds `dl.todo()` where your answer goes; run it as\n" +
  "it is and its check says **○ not attempted yet**, so the lesson still runs top to bottom (later\n" +
  "cells never use your answer: they use the library's version). Replace `dl.todo()`, run the cell\n" +
  "again, and the check answers at once: **✓ passed**, or **✗** with the first case that went wrong\n" +
  "(what you gave, what was expected) and, for the common mistakes, what probably went wrong.\n" +
  'Stuck? `dl.hint("exercise-id")` shows one more hint each time you run it, the last one close to\n' +
  "the answer. When the answer is a single value, the check shows the expected value only after\n" +
  "that last hint: it would be the answer itself. Solved versions of every lesson are in\n" +
  "`notebooks/solutions/`: try first!";

const CELLS = [
  md(
    "exercise-first-tensor",
    "**Exercise `00-first-tensor`.** Create the tensor $\\begin{bmatrix}1 & 2\\\\ 3 & 4\\end{bmatrix}$\n" +
      "with `dl.tensor` and double it with `dl.mul` (which also takes a plain number). Replace\n" +
      "`dl.todo()` with your expression and run the cell.",
    ["exercise"],
  ),
  code(
    "exercise-first-tensor-code",
    "const doubled: dl.Tensor = dl.todo();\ndl.check.firstTensor(doubled);",
    "00-first-tensor",
  ),
  md("hint-demo", "Each run of `dl.hint` shows the next hint of an exercise:"),
  code("hint-demo-code", 'dl.hint("00-first-tensor");'),
  md(
    "exercise-average",
    "**Exercise `00-average`.** Some exercises ask for a function. Write `average(xs)`, the mean of a\n" +
      "list of numbers, without changing the list. The check calls it on several lists (an endless\n" +
      "loop is stopped after a second, so experiment freely).",
    ["exercise"],
  ),
  code(
    "exercise-average-code",
    "function average(xs: number[]): number {\n  return dl.todo();\n}\ndl.check.average(average);",
    "00-average",
  ),
  md(
    "exercise-broadcast-shape",
    "**Exercise `00-broadcast-shape`.** Write the broadcasting rule as a function:\n" +
      "`broadcastShape(a, b)` returns the shape that tensors of shapes `a` and `b` broadcast to,\n" +
      "or `null` when they cannot. Align the shapes on the right; on each axis the two sizes must\n" +
      "be equal or one of them 1 (a missing axis counts as 1), and the result takes the larger.\n" +
      "For example `broadcastShape([2, 3], [3])` is `[2, 3]` and `broadcastShape([2, 3], [2])` is\n" +
      "`null`.",
    ["exercise"],
  ),
  code(
    "exercise-broadcast-shape-code",
    "function broadcastShape(a: number[], b: number[]): number[] | null {\n" +
      "  return dl.todo();\n" +
      "}\n" +
      "dl.check.broadcastShape(broadcastShape);",
    "00-broadcast-shape",
  ),
  md(
    "exercise-predict-sum",
    "**Predict, then run (`00-predict-sum`).** Before computing it: what is the sum of the four\n" +
      "entries of `doubled`? Write your guess in place of `dl.todo()` and run the cell; the next cell\n" +
      "computes the truth and tells you whether you were right.",
    ["exercise"],
  ),
  code(
    "exercise-predict-sum-code",
    'const predictedSum: number = dl.todo();\ndl.predict("00-predict-sum", predictedSum);',
    "00-predict-sum",
  ),
  md("predict-sum-reveal", "The reveal, computed by the library (whatever you wrote above):"),
  code(
    "predict-sum-reveal-code",
    "const total = dl.sum(dl.mul(dl.tensor([[1, 2], [3, 4]]), 2)).item();\n" +
      "console.log(`the sum of the entries is ${total}`);\n" +
      "dl.check.predictedSum(total);",
  ),
];

function headingLevel(cell) {
  if (cell.cell_type !== "markdown") return null;
  const text = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
  const match = /^(#{1,6})\s/.exec(text);
  return match ? match[1].length : null;
}

function main() {
  const file = process.argv[2] ?? "notebooks/00-welcome.ipynb";
  const original = fs.readFileSync(file, "utf8");
  const notebook = JSON.parse(original);
  const start = notebook.cells.findIndex((cell) => {
    const text = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    return cell.cell_type === "markdown" && /^#{1,6}\s+How exercises work/m.test(text);
  });
  if (start < 0) throw new Error(`${file}: no markdown heading "How exercises work"`);
  const level = headingLevel(notebook.cells[start]) ?? 6;
  let end = start + 1;
  while (end < notebook.cells.length) {
    const l = headingLevel(notebook.cells[end]);
    if (l !== null && l <= level) break;
    end++;
  }
  notebook.cells[start] = { ...notebook.cells[start], source: lines(HEADING) };
  notebook.cells.splice(start + 1, end - start - 1, ...CELLS);
  // Keep the file's own indentation and final newline, so only this section's lines change.
  const indent = (/^\{\r?\n( +)"/.exec(original) ?? [, " "])[1].length;
  const newline = original.endsWith("\n") ? "\n" : "";
  fs.writeFileSync(file, JSON.stringify(notebook, null, indent) + newline);
  console.log(
    `${file}: wrote ${CELLS.length} cells after "How exercises work" (replaced ${end - start - 1})`,
  );
}

main();
