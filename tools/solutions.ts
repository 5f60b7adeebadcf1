/**
 * `npm run solutions`: writes notebooks/solutions/NN-topic.ipynb for every lesson with exercises
 * (see tools/solutions/generate.ts). `npm run solutions -- --check` writes nothing and exits with
 * status 1 when a committed solution notebook differs from what the generator makes.
 * Run from the repository root.
 */
import fs from "node:fs";
import path from "node:path";
import { generateSolutions } from "./solutions/generate";

function main(): number {
  const root = process.cwd();
  const checkOnly = process.argv.includes("--check");
  let stale = 0;
  for (const file of generateSolutions(root)) {
    const name = path.relative(root, file.path);
    const current = fs.existsSync(file.path) ? fs.readFileSync(file.path, "utf8") : null;
    if (current === file.text) {
      console.log(`up to date: ${name}`);
    } else if (checkOnly) {
      console.log(`OUT OF DATE: ${name} (run npm run solutions)`);
      stale++;
    } else {
      fs.mkdirSync(path.dirname(file.path), { recursive: true });
      fs.writeFileSync(file.path, file.text);
      console.log(`wrote ${name}`);
    }
  }
  return stale === 0 ? 0 : 1;
}

process.exitCode = main();
