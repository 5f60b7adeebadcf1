import { ArgumentError, ShapeError, formatShape } from "../errors";
import { Tensor } from "../tensor/tensor";
import { Rng } from "../rng";
import { describeValue } from "../format-value";
import { expectOptions, expectRng, expectTensor } from "../tensor/check";

/** Checks that `x` is a batch of images [N, C, H, W] and returns its sizes. */
function imageDims(op: string, x: Tensor): { n: number; c: number; h: number; w: number } {
  if (x.rank !== 4) {
    throw new ShapeError(`${op}: expected images [N, C, H, W], got ${formatShape(x.shape)}`);
  }
  const [n, c, h, w] = x.shape;
  return { n, c, h, w };
}

/** Applies `transform(src, dst, i)` per image i ∈ [0, N) (each image C×H×W) into a new tensor. */
function perImage(
  x: Tensor,
  op: string,
  transform: (src: Float64Array, dst: Float64Array, i: number) => void,
): Tensor {
  const { n } = imageDims(op, x);
  const size = x.size / Math.max(n, 1);
  const xd = x.values;
  const out = new Float64Array(x.size);
  for (let i = 0; i < n; i++) {
    transform(xd.subarray(i * size, (i + 1) * size), out.subarray(i * size, (i + 1) * size), i);
  }
  return new Tensor(out, x.shape);
}

/**
 * Mirrors each image left–right with probability `p` (default 0.5; p = 1 flips all):
 * out[n, c, i, j] = x[n, c, i, W−1−j]. Data augmentation, lesson 8.
 * Example: dl.data.randomFlip(images, { rng })
 */
export function randomFlip(x: Tensor, options: { rng: Rng; p?: number }): Tensor {
  expectTensor("randomFlip", "x", x);
  expectOptions("randomFlip", options);
  expectRng("randomFlip", options.rng);
  const { rng, p = 0.5 } = options;
  const { c, h, w } = imageDims("randomFlip", x);
  return perImage(x, "randomFlip", (src, dst) => {
    if (rng.uniform() >= p) return dst.set(src);
    for (let r = 0; r < c * h; r++)
      for (let j = 0; j < w; j++) dst[r * w + j] = src[r * w + (w - 1 - j)];
  });
}

/**
 * Pads each image with `padding` zeros on every side (default 1), then crops an H×W window at a
 * random offset: a random shift of up to ±padding pixels. Lesson 8.
 * Example: dl.data.randomCrop(images, { padding: 1, rng })
 */
export function randomCrop(x: Tensor, options: { rng: Rng; padding?: number }): Tensor {
  expectTensor("randomCrop", "x", x);
  expectOptions("randomCrop", options);
  expectRng("randomCrop", options.rng);
  const { rng, padding = 1 } = options;
  if (!Number.isInteger(padding) || padding < 0) {
    throw new ArgumentError(
      `randomCrop: padding must be an integer ≥ 0, got ${describeValue(padding)}`,
    );
  }
  const { c, h, w } = imageDims("randomCrop", x);
  return perImage(x, "randomCrop", (src, dst) => {
    const dy = rng.int(-padding, padding + 1);
    const dx = rng.int(-padding, padding + 1);
    for (let ch = 0; ch < c; ch++)
      for (let i = 0; i < h; i++)
        for (let j = 0; j < w; j++) {
          const si = i + dy;
          const sj = j + dx;
          const inside = si >= 0 && si < h && sj >= 0 && sj < w;
          dst[(ch * h + i) * w + j] = inside ? src[(ch * h + si) * w + sj] : 0;
        }
  });
}

/**
 * Rotates each image by `degrees` (counter-clockwise) about its centre, bilinear interpolation,
 * zeros outside. With `degrees` a function, it is called per image (for random angles).
 * Example: dl.data.rotate(images, 15)
 */
export function rotate(x: Tensor, degrees: number | ((i: number) => number)): Tensor {
  expectTensor("rotate", "x", x);
  if (typeof degrees !== "number" && typeof degrees !== "function") {
    throw new ArgumentError(
      `rotate: degrees must be a number or a function of the image index, got ${describeValue(degrees)}`,
    );
  }
  const { c, h, w } = imageDims("rotate", x);
  const cy = (h - 1) / 2;
  const cx = (w - 1) / 2;
  return perImage(x, "rotate", (src, dst, n) => {
    const a = ((typeof degrees === "number" ? degrees : degrees(n)) * Math.PI) / 180;
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    for (let i = 0; i < h; i++)
      for (let j = 0; j < w; j++) {
        // Inverse map: where in the source does destination pixel (i, j) come from?
        const sx = cos * (j - cx) - sin * (i - cy) + cx;
        const sy = sin * (j - cx) + cos * (i - cy) + cy;
        for (let ch = 0; ch < c; ch++) dst[(ch * h + i) * w + j] = bilinear(src, ch, h, w, sy, sx);
      }
  });
}

function bilinear(src: Float64Array, ch: number, h: number, w: number, y: number, x: number) {
  const y0 = Math.floor(y);
  const x0 = Math.floor(x);
  let v = 0;
  for (const [yy, wy] of [
    [y0, 1 - (y - y0)],
    [y0 + 1, y - y0],
  ])
    for (const [xx, wx] of [
      [x0, 1 - (x - x0)],
      [x0 + 1, x - x0],
    ])
      if (yy >= 0 && yy < h && xx >= 0 && xx < w && wy * wx > 0)
        v += wy * wx * src[(ch * h + yy) * w + xx];
  return v;
}

/**
 * Rotates each image by a random angle uniform in [−maxDegrees, maxDegrees] (default 10). Lesson 8.
 * Example: dl.data.randomRotate(images, { maxDegrees: 10, rng })
 */
export function randomRotate(x: Tensor, options: { rng: Rng; maxDegrees?: number }): Tensor {
  expectTensor("randomRotate", "x", x);
  expectOptions("randomRotate", options);
  expectRng("randomRotate", options.rng);
  const { rng, maxDegrees = 10 } = options;
  return rotate(x, () => rng.uniform(-maxDegrees, maxDegrees));
}
