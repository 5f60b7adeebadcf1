import { addGrad, attach } from "../autograd/record";
import { Tensor } from "./tensor";

/**
 * Records a unary elementwise op: `out` holds f(x); in backward, `derivative()` returns f'(x) for
 * every element (computed only when a gradient is needed), and x.grad += gradOut · f'(x).
 */
export function unaryResult(
  op: string,
  x: Tensor,
  o: Float64Array,
  derivative: () => Float64Array,
): Tensor {
  const out = new Tensor(o, x.shape);
  return attach(out, op, [x], () => {
    const g = out.grad!.data;
    const d = derivative();
    for (let i = 0; i < d.length; i++) d[i] *= g[i];
    addGrad(x, d);
  });
}
