import { ShapeError, formatShape } from "../errors";
import { kernels } from "../kernels/active";
import { conv2dDims } from "../kernels/dims";
import { attach, gradOf } from "../tensor/record";
import { Tensor } from "../tensor/tensor";
import { expectInteger, expectOptions, expectTensor } from "../tensor/check";
import { checkSize } from "../limits";
import { InitOptions, glorotUniform, layerRng } from "./init";
import { Module } from "./module";

/**
 * 2-d convolution as an autograd op (cross-correlation, the kernel is not flipped, as in the
 * lecture), on the kernels' forward and backward (lib/kernels):
 *   out[n, f, i, j] = b[f] + Σ_c Σ_u Σ_v x[n, c, i·s + u − p, j·s + v − p] · w[f, c, u, v]
 * Shapes: x [N, C, H, W], w [F, C, KH, KW], b [F] or null → [N, F, OH, OW],
 * OH = ⌊(H + 2p − KH) / s⌋ + 1. Lesson 7.
 * Example: dl.nn.conv2d(x, w, null, { stride: 1, padding: 0 })  // the lecture's 8x8 ⋆ 3x3 → 6x6
 */
export function conv2d(
  x: Tensor,
  w: Tensor,
  b: Tensor | null,
  options: { stride?: number; padding?: number } = {},
): Tensor {
  expectTensor("conv2d", "x", x);
  expectTensor("conv2d", "w", w);
  if (b !== null && b !== undefined) expectTensor("conv2d", "b (a Tensor or null)", b);
  const d = conv2dDims(x.shape, w.shape, expectOptions("conv2d", options));
  // the output, and the kernel's per-image buffers: a zero-bordered copy and the im2col columns
  checkSize("conv2d", [d.n, d.f, d.oh, d.ow], "output");
  checkSize("conv2d", [d.c, d.h + 2 * d.padding, d.w + 2 * d.padding], "padded image");
  checkSize("conv2d", [d.c * d.kh * d.kw, d.oh * d.ow], "im2col columns");
  if (b && b.size !== d.f) {
    throw new ShapeError(`conv2d: bias must have ${d.f} values, got ${formatShape(b.shape)}`);
  }
  const [xd, wd] = [x.values, w.values];
  const out = new Tensor(kernels.conv2dForward(xd, wd, b ? b.values : null, d), [
    d.n,
    d.f,
    d.oh,
    d.ow,
  ]);
  return attach(out, "conv2d", b ? [x, w, b] : [x, w], (g) => {
    // an input that needs no gradient is skipped (a first layer's images: no dx at all)
    const grad = (t: Tensor | null) => (t !== null && t.requiresGrad ? gradOf(t) : null);
    kernels.conv2dBackward(xd, wd, g, d, { dx: grad(x), dw: grad(w), db: grad(b) });
  });
}

/** Options of `Conv2d`: kernel size (square), stride (default 1), padding (default 0), bias (default true). */
export interface Conv2dOptions extends InitOptions {
  kernelSize: number;
  stride?: number;
  padding?: number;
  bias?: boolean;
}

/**
 * A convolutional layer with `outChannels` filters of size C×K×K (NCHW images). Each filter
 * slides over the input and gives one feature map. Weights [F, C, K, K] from `init` (default Glorot
 * uniform), bias [F] zero. Shapes: x [N, C, H, W] → [N, F, OH, OW]. Lesson 7.
 * Example: new dl.nn.Conv2d(1, 8, { kernelSize: 3, padding: 1, rng })  // [N,1,8,8] → [N,8,8,8]
 */
export class Conv2d extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor | null;
  readonly stride: number;
  readonly padding: number;

  constructor(
    readonly inChannels: number,
    readonly outChannels: number,
    options: Conv2dOptions,
  ) {
    super();
    const { kernelSize: k, stride = 1, padding = 0 } = expectOptions("Conv2d", options);
    expectInteger("Conv2d", "inChannels", inChannels, 1);
    expectInteger("Conv2d", "outChannels", outChannels, 1);
    expectInteger("Conv2d", "kernelSize", k, 1);
    expectInteger("Conv2d", "stride", stride, 1);
    expectInteger("Conv2d", "padding", padding, 0);
    checkSize("Conv2d", [outChannels, inChannels, k, k], "weight");
    const init = options.init ?? glorotUniform;
    this.weight = this.addParameter(
      "weight",
      init([outChannels, inChannels, k, k], layerRng("Conv2d", options)),
    );
    this.bias =
      options.bias === false
        ? null
        : this.addParameter("bias", new Tensor(new Float64Array(outChannels), [outChannels]));
    this.stride = stride;
    this.padding = padding;
  }

  override describe(): string {
    const k = this.weight.shape[2];
    return `Conv2d(${this.inChannels} → ${this.outChannels}, ${k}x${k}, stride ${this.stride}, padding ${this.padding})`;
  }

  forward(x: Tensor): Tensor {
    expectTensor(this.describe(), "x", x);
    if (x.rank !== 4 || x.shape[1] !== this.inChannels) {
      throw new ShapeError(
        `${this.describe()}: expected input [N, ${this.inChannels}, H, W], got ${formatShape(x.shape)}`,
      );
    }
    return conv2d(x, this.weight, this.bias, { stride: this.stride, padding: this.padding });
  }
}
