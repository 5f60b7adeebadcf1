/**
 * The browser kernel's datasets/digits.csv.gz: gunzipped into the bundle when web/kernel/build.mjs
 * builds it (a worker started from a file:// page cannot read files).
 */
import csv from "../../datasets/digits.csv.gz";

export function digitsCsv(): string {
  return csv;
}
