/**
 * Wrong versions of lesson 8's pad-and-crop augmentation (lessons/lesson-08.ts, `08-pad-crop`),
 * each the reference with one slip: the window moved the other way, rows and columns swapped, the
 * image wrapped around instead of padded with zeros, no crop, or the offset counted in the image
 * instead of in the padded image. `padCrop(image, padding, top, left)` cuts the H×W window whose
 * top-left corner is at (top, left) of the image padded with `padding` zeros on every side.
 */

type PadCrop = (image: number[][], padding: number, top: number, left: number) => number[][];

/** The H×W window of out[i][j] = at(i + dy, j + dx), where `at` reads the image (0 outside). */
function window(image: number[][], dy: number, dx: number, at = zeroOutside): number[][] {
  return image.map((row, i) => row.map((_, j) => at(image, i + dy, j + dx)));
}
function zeroOutside(image: number[][], i: number, j: number): number {
  return i >= 0 && i < image.length && j >= 0 && j < image[0].length ? image[i][j] : 0;
}
function wrapAround(image: number[][], i: number, j: number): number {
  const h = image.length;
  const w = image[0].length;
  return image[((i % h) + h) % h][((j % w) + w) % w];
}

/** The slips, by name; each is a complete (wrong) padCrop. */
export const PAD_CROP_SLIPS: Record<
  "reversed" | "swapped" | "wrapped" | "uncropped" | "unshifted",
  PadCrop
> = {
  reversed: (x, p, top, left) => window(x, p - top, p - left),
  swapped: (x, p, top, left) => window(x, left - p, top - p),
  wrapped: (x, p, top, left) => window(x, top - p, left - p, wrapAround),
  uncropped: (x, p) =>
    Array.from({ length: x.length + 2 * p }, (_, i) =>
      Array.from({ length: x[0].length + 2 * p }, (_, j) => zeroOutside(x, i - p, j - p)),
    ),
  unshifted: (x, p, top, left) => window(x, top, left),
};
