// Prints the line counts of lib/ and fails when a file passes the hard limit or a part of lib
// passes its budget. Three budgets:
//   - what a student reads: the engine's teaching layers (tensor, autograd, nn, optim, train,
//     data), lib/'s root files (errors, rng, the text table, the public wiring) and the kernels
//     they call, the interface and the `reference` implementation (lib/kernels minus fast/);
//   - `fast`: lib/kernels/fast, its hand-written WebAssembly (.wat) included;
//   - everything in lib/ (plots, displays and every lesson's exercises included).
const fs = require("node:fs");
const path = require("node:path");

const FILE_LIMIT = 300;
const STUDENT = ["tensor", "autograd", "nn", "optim", "train", "data", "kernels"];
const FAST = "lib/kernels/fast";
// The engine's budget was 6200, fast kernels included; 6600 since issue 21's argument checks
// (~490 lines, most of them one line at the top of a function). The kernel seam (issue 18) moved
// the fast kernels out, to their own budget, without raising this one: what a student reads came
// to 5598 lines before those checks, 6223 with them; ~6400 with issue 21's later checks (methods of
// Rng, Module, Perceptron). 7700 since lesson 9 (issue 20) added ~1,180 lines to lib/data, nn and
// train: the collider event generator (lib/data/collider, ~660), the CSV reader (~235), ROC/AUC
// (~135) and saving/loading weights (~155). A budget, not a target: keep files small and plain.
const STUDENT_BUDGET = 7700;
// fast: 1200 until issue 19's worker threads (thread-pool, its browser stand-in, the worker, the
// job types: ~480 lines, and the split entry points of matmul and conv2d: ~110) and its fused
// passes (matmul-sums, conv2d-sums: products written straight from the micro-kernel's sums, ~150).
const FAST_BUDGET = 1900;
// 13000 until issue 17's exercises; 13400 for issue 21's checks in plots and displays (~280
// lines); 14000 since issue 18: lib now holds two complete kernel implementations (the fast ones,
// 1055 lines, beside the reference loops a student reads) and the interface between them; 16300
// since lesson 9 (issue 20: ~1,180 engine lines above, its plot and its exercises, ~1,720 in all).
// 17000 since issue 19 added the fast kernels' worker threads and fused passes (~760 lines, above).
const TOTAL_BUDGET = 17000;

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return entry.name.endsWith(".ts") || entry.name.endsWith(".wat") ? [full] : [];
  });
}

const root = path.join(__dirname, "..");
const files = walk(path.join(root, "lib")).sort();
const lines = new Map(files.map((f) => [f, fs.readFileSync(f, "utf8").split("\n").length - 1]));
const rel = (file) => path.relative(root, file).split(path.sep).join("/");
const tooLong = files
  .filter((f) => f.endsWith(".ts") && lines.get(f) > FILE_LIMIT)
  .map((f) => `${rel(f)} (${lines.get(f)})`);

const byFolder = new Map();
for (const file of files) {
  const folder = rel(path.dirname(file));
  byFolder.set(folder, (byFolder.get(folder) ?? 0) + lines.get(file));
}
const sum = (test) => files.filter((f) => test(rel(f))).reduce((s, f) => s + lines.get(f), 0);
const inFast = (f) => f.startsWith(`${FAST}/`);
const inStudent = (f) =>
  !inFast(f) && (f.split("/").length === 2 || STUDENT.some((name) => f.startsWith(`lib/${name}/`)));
const student = sum(inStudent);
const fast = sum(inFast);
const total = sum(() => true);

const row = (name, n, note = "") =>
  console.log(`  ${name.padEnd(26)} ${String(n).padStart(6)}${note ? `  ${note}` : ""}`);
console.log("lib/ line counts:");
for (const [folder, n] of byFolder) row(folder, n);
row(
  "what a student reads",
  student,
  `(budget ${STUDENT_BUDGET}: lib/*.ts, ${STUDENT.join(", ")}; not fast/)`,
);
row("fast kernels", fast, `(budget ${FAST_BUDGET}: ${FAST}, .wat included)`);
row("total", total, `(budget ${TOTAL_BUDGET}, ${files.length} files)`);

const problems = [];
if (tooLong.length > 0) problems.push(`Files over ${FILE_LIMIT} lines: ${tooLong.join(", ")}`);
if (student > STUDENT_BUDGET)
  problems.push(`What a student reads has ${student} lines, over its budget of ${STUDENT_BUDGET}.`);
if (fast > FAST_BUDGET) problems.push(`The fast kernels have ${fast} lines, over ${FAST_BUDGET}.`);
if (total > TOTAL_BUDGET)
  problems.push(`lib/ has ${total} lines, over its budget of ${TOTAL_BUDGET}.`);
for (const p of problems) console.error(p);
if (problems.length > 0) process.exit(1);
