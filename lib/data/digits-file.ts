/**
 * The text of datasets/digits.csv.gz, read and gunzipped in Node. The browser kernel's bundle has
 * the text inside it instead (./digits-file.browser.ts).
 * Example: digitsCsv().split("\n")[0]   // "0,0,5,13,9,1,…,0"  (64 intensities, then the label)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

export function digitsCsv(): string {
  // From lib/data (vitest) and from dist/data (compiled) alike, the datasets folder is two up.
  const file = join(__dirname, "..", "..", "datasets", "digits.csv.gz");
  return gunzipSync(readFileSync(file)).toString("utf8");
}
