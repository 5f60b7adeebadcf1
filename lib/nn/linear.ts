import { ShapeError, formatShape } from "../errors";
import { kernels } from "../kernels/active";
import { attach, gradOf } from "../tensor/record";
import { Tensor } from "../tensor/tensor";
import { expectInteger, expectOptions, expectTensor } from "../tensor/check";
import { checkSize } from "../limits";
import { InitOptions, glorotUniform, layerRng } from "./init";
import { Module } from "./module";

/**
 * The fused affine op `y = x·W + b`, one matmul forward and two backward:
 *   ∂L/∂x = ∂L/∂y · Wᵀ,   ∂L/∂W = xᵀ · ∂L/∂y,   ∂L/∂b = Σ_rows ∂L/∂y.
 * Shapes: x [N, in], w [in, out], b [out] or null → y [N, out]. Lesson 4.
 * Example: dl.nn.linear(x, w, b)
 */
export function linear(x: Tensor, w: Tensor, b: Tensor | null, op = "linear"): Tensor {
  expectTensor(op, "x", x);
  expectTensor(op, "w", w);
  if (b !== null && b !== undefined) expectTensor(op, "b (a Tensor or null)", b);
  const [k, m] = w.shape;
  if (x.rank !== 2 || w.rank !== 2 || x.shape[1] !== k || (b && (b.rank !== 1 || b.size !== m))) {
    throw new ShapeError(
      `${op}: expected input [N, ${k}], got ${formatShape(x.shape)} (weight ${formatShape(w.shape)}, bias ${b ? formatShape(b.shape) : "none"})`,
    );
  }
  const n = x.shape[0];
  const [xd, wd] = [x.values, w.values];
  const out = kernels.allocate(n * m);
  kernels.matmul(xd, wd, out, { m: n, k, n: m });
  if (b) {
    const bd = b.values;
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) out[i * m + j] += bd[j];
  }
  const y = new Tensor(out, [n, m]);
  return attach(y, "linear", b ? [x, w, b] : [x, w], (g) => {
    // g = ∂L/∂y [N, out]; each product adds into the gradient (accumulate)
    if (x.requiresGrad)
      kernels.matmul(g, wd, gradOf(x), { m: n, k: m, n: k, transB: true, accumulate: true });
    if (w.requiresGrad)
      kernels.matmul(xd, g, gradOf(w), { m: k, k: n, n: m, transA: true, accumulate: true });
    if (b && b.requiresGrad) {
      const db = gradOf(b);
      for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) db[j] += g[i * m + j];
    }
  });
}

/**
 * A fully connected layer: `y = x·W + b`, each of the `out` neurons computing
 * f-less `Σ_i x_i·w_i + b` (the lecture's neuron before its activation).
 * We store W as [in, out] (not PyTorch's [out, in]) so the forward is a plain x·W with no transpose;
 * W[i][j] is the weight from input i to neuron j. Weights from `init` (default Glorot uniform),
 * bias zero. Shapes: x [N, in] → y [N, out]. Lesson 3.
 * Example: const layer = new dl.nn.Linear(2, 4, { rng: dl.rng(0) }); layer.forward(x) // [N, 4]
 */
export class Linear extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor | null;

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    options: InitOptions & { bias?: boolean } = {},
  ) {
    super();
    expectInteger("Linear", "inFeatures", inFeatures, 1);
    expectInteger("Linear", "outFeatures", outFeatures, 1);
    checkSize("Linear", [inFeatures, outFeatures], "weight");
    const rng = layerRng("Linear", expectOptions("Linear", options));
    const init = options.init ?? glorotUniform;
    this.weight = this.addParameter("weight", init([inFeatures, outFeatures], rng));
    this.bias =
      options.bias === false
        ? null
        : this.addParameter("bias", new Tensor(new Float64Array(outFeatures), [outFeatures]));
  }

  override describe(): string {
    return `Linear(${this.inFeatures} → ${this.outFeatures})`;
  }

  forward(x: Tensor): Tensor {
    return linear(x, this.weight, this.bias, this.describe());
  }
}
