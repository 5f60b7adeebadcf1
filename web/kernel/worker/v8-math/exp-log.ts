/**
 * exp, expm1, log, log1p, log2, log10 as V8 11 (Node 20) computes them: fdlibm's algorithms,
 * step for step (V8's src/base/ieee754.cc), so that a cell's numbers in the browser equal the
 * tslab kernel's to the last bit. See ./index.ts for why.
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
import { fromWords, high, low, withHigh, withLow } from "./words";

const ln2Hi = 6.9314718036912381649e-1; // 0x3FE62E42 FEE00000
const ln2Lo = 1.90821492927058770002e-10; // 0x3DEA39EF 35793C76
const invLn2 = 1.442695040888963387; // 0x3FF71547 652B82FE
const two54 = 1.8014398509481984e16;
const huge = 1e300;

/** e^x: x = k·ln2 + r, e^r by a rational approximation, scaled by 2^k. */
export function exp(x: number): number {
  const P1 = 1.66666666666666019037e-1;
  const P2 = -2.77777777770155933842e-3;
  const P3 = 6.61375632143793436117e-5;
  const P4 = -1.6533902205465251539e-6;
  const P5 = 4.13813679705723846039e-8;
  const twom1000 = 9.3326361850321887899e-302;
  let hx = high(x);
  const xsb = (hx >>> 31) & 1;
  hx &= 0x7fffffff;
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | low(x)) !== 0) return x + x;
      return xsb === 0 ? x : 0;
    }
    if (x > 7.09782712893383973096e2) return huge * huge;
    if (x < -7.4513321910194110842e2) return twom1000 * twom1000;
  }
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      if (x === 1) return 2.718281828459045;
      hi = x - (xsb === 0 ? ln2Hi : -ln2Hi);
      lo = xsb === 0 ? ln2Lo : -ln2Lo;
      k = 1 - xsb - xsb;
    } else {
      k = (invLn2 * x + (xsb === 0 ? 0.5 : -0.5)) | 0;
      hi = x - k * ln2Hi;
      lo = k * ln2Lo;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    if (huge + x > 1) return 1 + x;
  }
  const t = x * x;
  const twopk = fromWords(0x3ff00000 + ((k >= -1021 ? k : k + 1000) << 20), 0);
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) return k === 1024 ? y * 2.0 * 8.988465674311579539e307 : y * twopk;
  return y * twopk * twom1000;
}

/** e^x − 1, accurate near 0. */
export function expm1(x: number): number {
  const Q1 = -3.33333333333331316428e-2;
  const Q2 = 1.58730158725481460165e-3;
  const Q3 = -7.93650757867487942473e-5;
  const Q4 = 4.00821782732936239552e-6;
  const Q5 = -2.01099218183624371326e-7;
  const tiny = 1e-300;
  let hx = high(x);
  const negative = hx < 0;
  hx &= 0x7fffffff;
  if (hx >= 0x4043687a) {
    if (hx >= 0x40862e42) {
      if (hx >= 0x7ff00000) {
        if (((hx & 0xfffff) | low(x)) !== 0) return x + x;
        return negative ? -1.0 : x;
      }
      if (x > 7.09782712893383973096e2) return huge * huge;
    }
    if (negative && x + tiny < 0.0) return tiny - 1;
  }
  let k = 0;
  let c = 0;
  if (hx > 0x3fd62e42) {
    let hi: number;
    let lo: number;
    if (hx < 0x3ff0a2b2) {
      hi = negative ? x + ln2Hi : x - ln2Hi;
      lo = negative ? -ln2Lo : ln2Lo;
      k = negative ? -1 : 1;
    } else {
      k = (invLn2 * x + (negative ? -0.5 : 0.5)) | 0;
      hi = x - k * ln2Hi;
      lo = k * ln2Lo;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (hx < 0x3c900000) {
    const t = huge + x;
    return x - (t - (huge + x));
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  let t = 3.0 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6.0 - x * t));
  if (k === 0) return x - (x * e - hxs);
  const twopk = fromWords(0x3ff00000 + (k << 20), 0);
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) return x < -0.25 ? -2.0 * (e - (x + 0.5)) : 1 + 2.0 * (x - e);
  let y: number;
  if (k <= -2 || k > 56) {
    y = 1 - (e - x);
    y = k === 1024 ? y * 2.0 * 8.98846567431158e307 : y * twopk;
    return y - 1;
  }
  if (k < 20) {
    t = fromWords(0x3ff00000 - (0x200000 >> k), 0);
    y = t - (e - x);
    return y * twopk;
  }
  t = fromWords((0x3ff - k) << 20, 0);
  y = x - (e + t);
  y += 1;
  return y * twopk;
}

const Lg1 = 6.66666666666673513e-1;
const Lg2 = 3.999999999940941908e-1;
const Lg3 = 2.857142874366239149e-1;
const Lg4 = 2.222219843214978396e-1;
const Lg5 = 1.818357216161805012e-1;
const Lg6 = 1.531383769920937332e-1;
const Lg7 = 1.479819860511658591e-1;

/** ln x: x = 2^k·(1+f), log(1+f) from s = f/(2+f) by a polynomial. */
export function log(x: number): number {
  let hx = high(x);
  const lx = low(x);
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= two54;
    hx = high(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  x = withHigh(x, hx | (i ^ 0x3ff00000));
  k += i >> 20;
  const f = x - 1.0;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) return k === 0 ? 0 : dk * ln2Hi + dk * ln2Lo;
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - R : dk * ln2Hi - (R - dk * ln2Lo - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + R));
    return dk * ln2Hi - (hfsq - (s * (hfsq + R) + dk * ln2Lo) - f);
  }
  if (k === 0) return f - s * (f - R);
  return dk * ln2Hi - (s * (f - R) - dk * ln2Lo - f);
}

/** ln(1 + x), accurate near 0. */
export function log1p(x: number): number {
  const hx = high(x);
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let hu = 0;
  let c = 0;
  if (hx < 0x3fda827a) {
    if (ax >= 0x3ff00000) return x === -1.0 ? -Infinity : NaN;
    if (ax < 0x3e200000) {
      if (two54 + x > 0 && ax < 0x3c900000) return x;
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= (0xbfd2bec4 | 0)) {
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1.0 + x;
      hu = high(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);
      c /= u;
    } else {
      u = x;
      hu = high(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      u = withHigh(u, hu | 0x3ff00000);
    } else {
      k += 1;
      u = withHigh(u, hu | 0x3fe00000);
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1.0;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    if (f === 0) {
      if (k === 0) return 0;
      c += k * ln2Lo;
      return k * ln2Hi + c;
    }
    const R = hfsq * (1.0 - 0.66666666666666666 * f);
    return k === 0 ? f - R : k * ln2Hi - (R - (k * ln2Lo + c) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const R = z * (Lg1 + z * (Lg2 + z * (Lg3 + z * (Lg4 + z * (Lg5 + z * (Lg6 + z * Lg7))))));
  if (k === 0) return f - (hfsq - s * (hfsq + R));
  return k * ln2Hi - (hfsq - (s * (hfsq + R) + (k * ln2Lo + c)) - f);
}

/** log(1+f) − f for 1+f in [√2/2, √2] (k_log1p). */
function kLog1p(f: number): number {
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  const R = t2 + t1;
  const hfsq = 0.5 * f * f;
  return s * (hfsq + R);
}

/** x reduced as in log: [k, x normalised]; null when the answer is immediate. */
function reduce(x: number): { k: number; x: number; done?: number } {
  let hx = high(x);
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | low(x)) === 0) return { k, x, done: -Infinity };
    if (hx < 0) return { k, x, done: NaN };
    k -= 54;
    x *= two54;
    hx = high(x);
  }
  if (hx >= 0x7ff00000) return { k, x, done: x + x };
  if (hx === 0x3ff00000 && low(x) === 0) return { k, x, done: 0 };
  return { k, x };
}

/** log₂ x (FreeBSD's e_log2.c, as V8 has it). */
export function log2(input: number): number {
  const r = reduce(input);
  if (r.done !== undefined) return r.done;
  let { k, x } = r;
  let hx = high(x);
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  x = withHigh(x, hx | (i ^ 0x3ff00000));
  k += i >> 20;
  const y = k;
  const f = x - 1.0;
  const hfsq = 0.5 * f * f;
  const rr = kLog1p(f);
  const hi = withLow(f - hfsq, 0);
  const lo = f - hi - hfsq + rr;
  let valHi = hi * 1.44269504072144627571;
  let valLo = (lo + hi) * 1.67517131648865118353e-10 + lo * 1.44269504072144627571;
  const w = y + valHi;
  valLo += y - w + valHi;
  valHi = w;
  return valLo + valHi;
}

/** log₁₀ x. */
export function log10(input: number): number {
  const r = reduce(input);
  if (r.done !== undefined) return r.done;
  let { k, x } = r;
  let hx = high(x);
  const lx = low(x);
  k += (hx >> 20) - 1023;
  const i = k >>> 31;
  hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
  const y = k + i;
  x = fromWords(hx, lx);
  const z = y * 3.69423907715893078616e-13 + 4.34294481903251816668e-1 * log(x);
  return z + y * 3.01029995663611771306e-1;
}
