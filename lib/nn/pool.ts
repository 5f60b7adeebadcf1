import { kernels } from "../kernels/active";
import { pool2dDims } from "../kernels/dims";
import { attach, gradOf } from "../tensor/record";
import { Tensor } from "../tensor/tensor";
import { expectOptions, expectTensor } from "../tensor/check";
import { Module } from "./module";

/** Options of the pooling ops: a square window of `size`, moved by `stride` (default size). */
export interface PoolOptions {
  size: number;
  stride?: number;
}

/**
 * 2-d max pooling as an autograd op: each output is the largest value of its window, and the
 * gradient flows back to that winner only. A window holding a NaN gives NaN (as in PyTorch).
 *   out[n, c, i, j] = max_{u, v < size} x[n, c, i·s + u, j·s + v]
 * Shapes: x [N, C, H, W] → [N, C, OH, OW], OH = ⌊(H − size) / s⌋ + 1. Lesson 7.
 * Example: the lecture's 4x4 [[4,1,5,0],[7,8,9,8],[3,5,6,5],[2,4,1,0]], size 2 → [[8,9],[5,6]].
 */
export function maxPool2d(x: Tensor, options: PoolOptions): Tensor {
  expectTensor("maxPool2d", "x", x);
  const d = pool2dDims(x.shape, expectOptions("maxPool2d", options));
  const { out, argmax } = kernels.maxPool2dForward(x.values, d);
  const y = new Tensor(out, [d.n, d.c, d.oh, d.ow]);
  return attach(y, "maxPool2d", [x], (g) => kernels.maxPool2dBackward(g, argmax, gradOf(x)));
}

/**
 * 2-d average pooling as an autograd op: each output is the mean of its window; the gradient is
 * shared equally. Shapes as `maxPool2d`. Lesson 7. Example: dl.nn.avgPool2d(x, { size: 2 })
 */
export function avgPool2d(x: Tensor, options: PoolOptions): Tensor {
  expectTensor("avgPool2d", "x", x);
  const d = pool2dDims(x.shape, expectOptions("avgPool2d", options));
  const y = new Tensor(kernels.avgPool2dForward(x.values, d), [d.n, d.c, d.oh, d.ow]);
  return attach(y, "avgPool2d", [x], (g) => kernels.avgPool2dBackward(g, d, gradOf(x)));
}

/** Max pooling layer (no parameters). Example: new dl.nn.MaxPool2d({ size: 2 }). Lesson 7. */
export class MaxPool2d extends Module {
  constructor(readonly options: PoolOptions) {
    super();
    expectOptions("MaxPool2d", options);
  }

  override describe(): string {
    return `MaxPool2d(${this.options.size}x${this.options.size}, stride ${this.options.stride ?? this.options.size})`;
  }

  forward(x: Tensor): Tensor {
    return maxPool2d(x, this.options);
  }
}

/** Average pooling layer (no parameters). Example: new dl.nn.AvgPool2d({ size: 2 }). Lesson 7. */
export class AvgPool2d extends Module {
  constructor(readonly options: PoolOptions) {
    super();
    expectOptions("AvgPool2d", options);
  }

  override describe(): string {
    return `AvgPool2d(${this.options.size}x${this.options.size}, stride ${this.options.stride ?? this.options.size})`;
  }

  forward(x: Tensor): Tensor {
    return avgPool2d(x, this.options);
  }
}
