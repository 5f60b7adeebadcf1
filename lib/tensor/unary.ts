import { Tensor } from "./tensor";
import { unary } from "./unary-op";

/**
 * Elementwise math of one tensor, each formula beside its derivative.
 * Example: dl.exp(dl.tensor([0, 1])) is [1, 2.71828…]. Lessons 1 and 4.
 */

/** −x. d/dx = −1. */
export function neg(x: Tensor): Tensor {
  return unary(
    "neg",
    x,
    (v) => -v,
    () => -1,
  );
}

/** eˣ. d/dx = eˣ. */
export function exp(x: Tensor): Tensor {
  return unary("exp", x, Math.exp, (_, y) => y);
}

/** ln x (natural log). d/dx = 1/x. */
export function log(x: Tensor): Tensor {
  return unary("log", x, Math.log, (v) => 1 / v);
}

/** √x. d/dx = 1/(2√x). */
export function sqrt(x: Tensor): Tensor {
  return unary("sqrt", x, Math.sqrt, (_, y) => 0.5 / y);
}

/** |x|. d/dx = sign(x) (0 at 0). Used by the L1 penalty (lesson 8). */
export function abs(x: Tensor): Tensor {
  return unary("abs", x, Math.abs, Math.sign);
}

/** x². d/dx = 2x. Used by the MSE loss and the L2 penalty. */
export function square(x: Tensor): Tensor {
  return unary(
    "square",
    x,
    (v) => v * v,
    (v) => 2 * v,
  );
}
