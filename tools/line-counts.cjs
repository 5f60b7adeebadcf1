// Prints the line counts of lib/ (the engine must stay small enough to read in an afternoon)
// and fails when a file passes the hard limit or the engine passes its total budget.
const fs = require("node:fs");
const path = require("node:path");

const FILE_LIMIT = 300;
// The engine proper (what a contributor reads to understand the math) and everything in lib/
// (plots, displays and the exercises of every lesson included) have separate budgets.
const ENGINE = ["tensor", "autograd", "nn", "optim", "train", "data", "kernels"];
// 6000 until the performance work (issue 11) added the WebAssembly matmul backend and the buffer
// pool (~350 lines of kernels beside their plain references); 6200 leaves room for little else.
// 6700 since issue 21: ~570 lines of argument checks (sizes against one limit, named errors for
// every public function and method, loss domains), most of them one line at the top of a function.
const ENGINE_BUDGET = 6700;
// 13500 since issue 21: the engine's checks above and ~300 lines of the same checks in plots and
// displays, beside the lessons' exercises (12490 lines before).
const TOTAL_BUDGET = 13500;

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

const root = path.join(__dirname, "..");
const files = walk(path.join(root, "lib")).sort();
let total = 0;
const tooLong = [];
for (const file of files) {
  const lines = fs.readFileSync(file, "utf8").split("\n").length - 1;
  total += lines;
  if (lines > FILE_LIMIT) tooLong.push(`${path.relative(root, file)} (${lines})`);
}
const byFolder = new Map();
for (const file of files) {
  const folder = path.relative(root, path.dirname(file));
  const lines = fs.readFileSync(file, "utf8").split("\n").length - 1;
  byFolder.set(folder, (byFolder.get(folder) ?? 0) + lines);
}
console.log("lib/ line counts:");
for (const [folder, lines] of byFolder)
  console.log(`  ${folder.padEnd(24)} ${String(lines).padStart(6)}`);
console.log(
  `  ${"total".padEnd(24)} ${String(total).padStart(6)}  (budget ${TOTAL_BUDGET}, ${files.length} files)`,
);
if (tooLong.length > 0) {
  console.error(`Files over ${FILE_LIMIT} lines: ${tooLong.join(", ")}`);
  process.exit(1);
}
let engine = 0;
for (const [folder, lines] of byFolder) {
  if (ENGINE.some((name) => folder === `lib/${name}` || folder.startsWith(`lib/${name}/`)))
    engine += lines;
}
console.log(
  `  ${"engine".padEnd(24)} ${String(engine).padStart(6)}  (budget ${ENGINE_BUDGET}: ${ENGINE.join(", ")})`,
);
if (engine > ENGINE_BUDGET) {
  console.error(`The engine has ${engine} lines, over its budget of ${ENGINE_BUDGET}.`);
  process.exit(1);
}
if (total > TOTAL_BUDGET) {
  console.error(`lib/ has ${total} lines, over its budget of ${TOTAL_BUDGET}.`);
  process.exit(1);
}
