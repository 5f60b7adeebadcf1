import { ArgumentError, expectOptions } from "../errors";
import { Tensor } from "../tensor/tensor";
import type { Dataset } from "../tensor/dataset";
import { describeValue } from "../format-value";
import { digitsCsv } from "./digits-file";

/** Options of `loadDigits`. */
export interface DigitsOptions {
  /** "images" gives x [N, 1, 8, 8] (NCHW, for CNNs); "flat" gives x [N, 64] (default). */
  layout?: "images" | "flat";
  /** Divide the 0..16 intensities by 16 so pixels lie in [0, 1] (default true). */
  scale?: boolean;
  /** Keep only the first `limit` images (default all 1797). */
  limit?: number;
}

/**
 * Loads the 8x8 handwritten digits (datasets/digits.csv.gz: 1797 images, UCI / Alpaydin & Kaynak
 * 1998, CC BY 4.0). Each image is 64 intensities 0..16, row-major; the label is 0..9.
 * Returns x [N, 64] or [N, 1, 8, 8] and y [N] of labels. Lessons 7 and 8.
 * Example: const { x, y } = dl.data.loadDigits({ layout: "images" });   // x [1797, 1, 8, 8]
 */
export function loadDigits(options: DigitsOptions = {}): Dataset {
  const { layout = "flat", scale = true, limit = Infinity } = expectOptions("loadDigits", options);
  if (!(limit >= 1))
    throw new ArgumentError(`loadDigits: limit must be ≥ 1, got ${describeValue(limit)}`);
  const lines = digitsCsv().trim().split("\n");
  const n = Math.min(lines.length, limit);
  const x = new Float64Array(n * 64);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const values = lines[i].split(",");
    for (let j = 0; j < 64; j++) x[i * 64 + j] = scale ? Number(values[j]) / 16 : Number(values[j]);
    y[i] = Number(values[64]);
  }
  const shape = layout === "images" ? [n, 1, 8, 8] : [n, 64];
  return { x: new Tensor(x, shape), y: new Tensor(y, [n]) };
}
