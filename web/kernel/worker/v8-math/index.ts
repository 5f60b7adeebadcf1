/**
 * Node's Math in the browser. Browsers compute Math.exp, Math.log, Math.pow, Math.sin… with
 * their own libraries, and Chromium's results differ from Node 20's in the last bit for about one
 * argument in ten (measured). One ulp in a sigmoid becomes a different loss after a few hundred
 * training steps, so a lesson would print other numbers than the tslab kernel. The worker
 * therefore replaces these functions, before any cell or the engine runs, with the algorithms
 * V8 11 (Node 20) uses: fdlibm's, ported here step for step; tests/web/v8-math.test.ts checks them
 * against Node's own Math bit for bit on millions of arguments. Math.sqrt, Math.hypot and the
 * rest are exact or equal already. `x ** y` with y = 2 or 0.5 (what lessons write) equals
 * Math.pow everywhere; other exponents use the browser's own power.
 *
 * Example: installNodeMath(Math); Math.exp(1) === 2.718281828459045
 */
import { exp, expm1, log, log10, log1p, log2 } from "./exp-log";
import { acosh, asinh, atanh, cosh, sinh, tanh } from "./hyperbolic";
import { acos, asin, atan, atan2 } from "./inverse-trig";
import { cbrt, pow } from "./pow";
import { cos, sin, tan } from "./trig";

/** The replaced functions, by Math's names. */
export const NODE_MATH = {
  exp,
  expm1,
  log,
  log1p,
  log2,
  log10,
  sin,
  cos,
  tan,
  asin,
  acos,
  atan,
  atan2,
  sinh,
  cosh,
  tanh,
  asinh,
  acosh,
  atanh,
  pow,
  cbrt,
};

/** Puts them on `math` (the worker's global Math); each keeps Math's argument coercion. */
export function installNodeMath(math: Math): void {
  for (const [name, fn] of Object.entries(NODE_MATH)) {
    const wrapped =
      fn.length === 2
        ? {
            [name]: (a: unknown, b: unknown) =>
              (fn as (x: number, y: number) => number)(+(a as number), +(b as number)),
          }[name]
        : { [name]: (a: unknown) => (fn as (x: number) => number)(+(a as number)) }[name];
    Object.defineProperty(math, name, { value: wrapped, writable: true, configurable: true });
  }
}
