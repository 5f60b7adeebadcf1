/**
 * Math.pow (and `**` on numbers) and cbrt as V8 11 (Node 20) computes them: V8's "legacy" pow,
 * fdlibm's e_pow.c (log2 of |x| in extra precision, times y, then 2^…) with JavaScript's rules
 * for NaN and (±1)^±∞ and one change of V8's own (below), and FreeBSD's s_cbrt.c. See ./index.ts.
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
import { fromWords, high, low, scalbn, withHigh, withLow } from "./words";

const BP = [1.0, 1.5];
const DP_H = [0.0, 5.84962487220764160156e-1];
const DP_L = [0.0, 1.35003920212974897128e-8];
const huge = 1.0e300;
const tiny = 1.0e-300;

/** log₂|x| as t1 + t2 (t1 with 21 significant bits at most), for pow. */
function log2Split(ax: number, ix: number, hy: number, iy: number): [number, number] {
  if (iy > 0x41e00000) {
    // |y| > 2^31, |1 − x| tiny: log(x) ≈ t − t²/2 + t³/3 − t⁴/4
    const t = ax - 1;
    const w = t * t * (0.5 - t * (3.3333333333333331e-1 - t * 0.25));
    const u = 1.44269502162933349609 * t;
    const v = t * 1.92596299112661746887e-8 - w * 1.442695040888963387;
    const t1 = withLow(u + v, 0);
    return [t1, v - (t1 - u)];
  }
  void hy;
  let n = 0;
  if (ix < 0x00100000) {
    ax *= 9007199254740992.0;
    n -= 53;
    ix = high(ax);
  }
  n += (ix >> 20) - 0x3ff;
  const j = ix & 0x000fffff;
  ix = j | 0x3ff00000;
  let k: number;
  if (j <= 0x3988e) k = 0;
  else if (j < 0xbb67a) k = 1;
  else {
    k = 0;
    n += 1;
    ix -= 0x00100000;
  }
  ax = withHigh(ax, ix);
  let u = ax - BP[k];
  let v = 1 / (ax + BP[k]);
  const ss = u * v;
  const sH = withLow(ss, 0);
  let tH = fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0);
  let tL = ax - (tH - BP[k]);
  const sL = v * (u - sH * tH - sH * tL);
  let s2 = ss * ss;
  const L = [
    5.99999999999994648725e-1, 4.28571428578550184252e-1, 3.33333329818377432918e-1,
    2.72728123808534006489e-1, 2.30660745775561754067e-1, 2.06975017800338417784e-1,
  ];
  let r = s2 * s2 * (L[0] + s2 * (L[1] + s2 * (L[2] + s2 * (L[3] + s2 * (L[4] + s2 * L[5])))));
  r += sL * (sH + ss);
  s2 = sH * sH;
  tH = withLow(3.0 + s2 + r, 0);
  tL = r - (tH - 3.0 - s2);
  u = sH * tH;
  v = sL * tH + tL * ss;
  const pH = withLow(u + v, 0);
  const pL = v - (pH - u);
  const zH = 9.61796700954437255859e-1 * pH;
  const zL = -7.02846165095275826516e-9 * pH + pL * 9.61796693925975554329e-1 + DP_L[k];
  const t = n;
  const t1 = withLow(zH + zL + DP_H[k] + t, 0);
  return [t1, zL - (t1 - t - DP_H[k] - zH)];
}

export function pow(x: number, y: number): number {
  // JavaScript: NaN exponent, or (±1)^±∞, is NaN (Number::exponentiate).
  if (y !== y || ((x === 1 || x === -1) && (y === Infinity || y === -Infinity))) return NaN;
  const hx = high(x);
  const lx = low(x);
  const hy = high(y);
  const ly = low(y);
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;
  if ((iy | ly) === 0) return 1;
  if (ix > 0x7ff00000 || (ix === 0x7ff00000 && lx !== 0)) return x + y;
  // yisint: 0 y is not an integer, 1 an odd integer, 2 an even integer (for x < 0)
  let yisint = 0;
  if (hx < 0) {
    if (iy >= 0x43400000) yisint = 2;
    else if (iy >= 0x3ff00000) {
      const k = (iy >> 20) - 0x3ff;
      if (k > 20) {
        const j = ly >>> (52 - k);
        if ((j << (52 - k)) >>> 0 === ly) yisint = 2 - (j & 1);
      } else if (ly === 0) {
        const j = iy >> (20 - k);
        if (j << (20 - k) === iy) yisint = 2 - (j & 1);
      }
    }
  }
  if (ly === 0) {
    if (iy === 0x7ff00000) {
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0;
      return hy < 0 ? -y : 0;
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x;
    if (hy === 0x40000000) return x * x;
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x);
  }
  const ax = Math.abs(x);
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    let z = hy < 0 ? 1 / ax : ax;
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yisint) === 0) z = (z - z) / (z - z);
      else if (yisint === 1) z = -z;
    }
    return z;
  }
  const n0 = hx < 0 ? 0 : 1;
  if ((n0 | yisint) === 0) return (x - x) / (x - x);
  const s = (n0 | (yisint - 1)) === 0 ? -1 : 1;
  if (iy > 0x41e00000) {
    if (iy > 0x43f00000) {
      if (ix <= 0x3fefffff) return hy < 0 ? huge * huge : tiny * tiny;
      if (ix >= 0x3ff00000) return hy > 0 ? huge * huge : tiny * tiny;
    }
    if (ix < 0x3fefffff) return hy < 0 ? s * huge * huge : s * tiny * tiny;
    if (ix > 0x3ff00000) return hy > 0 ? s * huge * huge : s * tiny * tiny;
  }
  const [t1, t2] = log2Split(ax, ix, hy, iy);
  // (y1 + y2)·(t1 + t2), y1 with its low word cleared
  const y1 = withLow(y, 0);
  const pL0 = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL0 + pH;
  const j = high(z);
  const i = low(z);
  if (j >= 0x40900000) {
    if (((j - 0x40900000) | i) !== 0) return s * huge * huge;
    if (pL0 + 8.0085662595372944372e-17 > z - pH) return s * huge * huge;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    if (((j - (0xc090cc00 | 0)) | i) !== 0) return s * tiny * tiny;
    if (pL0 <= z - pH) return s * tiny * tiny;
  }
  ix = j & 0x7fffffff;
  let k = (ix >> 20) - 0x3ff;
  let n = 0;
  if (ix > 0x3fe00000) {
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff;
    const t = fromWords(n & ~(0x000fffff >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  const t = withLow(pL0 + pH, 0);
  const u = t * 6.93147182464599609375e-1;
  const v = (pL0 - (t - pH)) * 6.93147180559945286227e-1 + t * -1.90465429995776804525e-9;
  z = u + v;
  const w = v - (z - u);
  const tt = z * z;
  const P1 = 1.66666666666666019037e-1;
  const P2 = -2.77777777770155933842e-3;
  const P3 = 6.61375632143793436117e-5;
  const P4 = -1.6533902205465251539e-6;
  const P5 = 4.13813679705723846039e-8;
  const u1 = z - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
  // V8's legacy pow divides by the whole difference, where fdlibm has (z·u1)/(u1 − 2) − (w + z·w):
  // kept as V8 has it, since the point is Node's bits.
  const r = (z * u1) / (u1 - 2 - (w + z * w));
  z = 1 - (r - z);
  const hz = high(z) + (n << 20);
  z = hz >> 20 <= 0 ? scalbn(z, n) : withHigh(z, hz);
  return s * z;
}

/** ∛x: a 5-bit guess from the exponent, a polynomial to 23 bits, one Newton step. */
export function cbrt(x: number): number {
  const B1 = 715094163;
  const B2 = 696219795;
  const P0 = 1.87595182427177009643;
  const P1 = -1.88497979543377169875;
  const P2 = 1.62142972010535446614;
  const P3 = -0.758397934778766047437;
  const P4 = 0.145996192886612446982;
  let hx = high(x);
  const sign = hx & 0x80000000;
  hx ^= sign;
  if (hx >= 0x7ff00000) return x + x;
  let t: number;
  if (hx < 0x00100000) {
    if ((hx | low(x)) === 0) return x;
    t = fromWords(0x43500000, 0) * x;
    t = fromWords(sign | (Math.floor((high(t) & 0x7fffffff) / 3) + B2), 0);
  } else {
    t = fromWords(sign | (Math.floor(hx / 3) + B1), 0);
  }
  let r = t * t * (t / x);
  t = t * (P0 + r * (P1 + r * P2) + r * r * r * (P3 + r * P4));
  // round t away from zero to 23 bits: add 2^31 to the 64-bit pattern, clear the low 30 bits
  let lo = low(t) + 0x80000000;
  let hi = high(t) >>> 0;
  if (lo >= 0x100000000) {
    lo -= 0x100000000;
    hi = (hi + 1) >>> 0;
  }
  t = fromWords(hi, lo & 0xc0000000);
  const s = t * t;
  r = x / s;
  const w = t + t;
  r = (r - t) / (w + r);
  return t + t * r;
}
