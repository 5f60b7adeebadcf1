/**
 * sinh, cosh, tanh, asinh, acosh, atanh as V8 11 (Node 20) computes them (fdlibm, through
 * ./exp-log.ts's exp, expm1, log and log1p). See ./index.ts.
 *
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 */
import { exp, expm1, log, log1p } from "./exp-log";
import { high, low, withHigh } from "./words";

const ln2 = 6.93147180559945286227e-1;
const OVERFLOW = 710.4758600739439;

export function sinh(x: number): number {
  const h = x < 0 ? -0.5 : 0.5;
  const ax = Math.abs(x);
  if (ax < 22) {
    if (ax < 3.725290298461914e-9) return x;
    const t = expm1(ax);
    if (ax < 1) return h * (2 * t - (t * t) / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (ax < 709.7822265625) return h * exp(ax);
  if (ax <= OVERFLOW) {
    const w = exp(0.5 * ax);
    const t = h * w;
    return t * w;
  }
  return x * 1.0e307;
}

export function cosh(x: number): number {
  const ix = high(x) & 0x7fffffff;
  if (ix < 0x3fd62e43) {
    const t = expm1(Math.abs(x));
    const w = 1 + t;
    if (ix < 0x3c800000) return w;
    return 1 + (t * t) / (w + w);
  }
  if (ix < 0x40360000) {
    const t = exp(Math.abs(x));
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) return 0.5 * exp(Math.abs(x));
  if (Math.abs(x) <= OVERFLOW) {
    const w = exp(0.5 * Math.abs(x));
    const t = 0.5 * w;
    return t * w;
  }
  if (ix >= 0x7ff00000) return x * x;
  return 1.0e300 * 1.0e300;
}

export function tanh(x: number): number {
  const jx = high(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) return jx >= 0 ? 1 / x + 1 : 1 / x - 1;
  let z: number;
  if (ix < 0x40360000) {
    if (ix < 0x3e300000 && 1e300 + x > 1) return x;
    if (ix >= 0x3ff00000) {
      const t = expm1(2 * Math.abs(x));
      z = 1 - 2 / (t + 2);
    } else {
      const t = expm1(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else {
    z = 1 - 1.0e-300;
  }
  return jx >= 0 ? z : -z;
}

export function asinh(x: number): number {
  const hx = high(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return x + x;
  if (ix < 0x3e300000 && 1e300 + x > 1) return x;
  let w: number;
  if (ix > 0x41b00000) {
    w = log(Math.abs(x)) + ln2;
  } else if (ix > 0x40000000) {
    const t = Math.abs(x);
    w = log(2.0 * t + 1 / (Math.sqrt(x * x + 1) + t));
  } else {
    const t = x * x;
    w = log1p(Math.abs(x) + t / (1 + Math.sqrt(1 + t)));
  }
  return hx > 0 ? w : -w;
}

export function acosh(x: number): number {
  const hx = high(x);
  if (hx < 0x3ff00000) return NaN;
  if (hx >= 0x41b00000) return hx >= 0x7ff00000 ? x + x : log(x) + ln2;
  if (((hx - 0x3ff00000) | low(x)) === 0) return 0.0;
  if (hx > 0x40000000) {
    const t = x * x;
    return log(2.0 * x - 1 / (x + Math.sqrt(t - 1)));
  }
  const t = x - 1;
  return log1p(t + Math.sqrt(2.0 * t + t * t));
}

export function atanh(x: number): number {
  const hx = high(x);
  const lx = low(x);
  const ix = hx & 0x7fffffff;
  if ((ix | ((lx | -lx) >>> 31)) > 0x3ff00000) return NaN;
  if (ix === 0x3ff00000) return x > 0 ? Infinity : -Infinity;
  if (ix < 0x3e300000 && 1e300 + x > 0) return x;
  x = withHigh(x, ix);
  let t: number;
  if (ix < 0x3fe00000) {
    t = x + x;
    t = 0.5 * log1p(t + (t * x) / (1 - x));
  } else {
    t = 0.5 * log1p((x + x) / (1 - x));
  }
  return hx >= 0 ? t : -t;
}
