/**
 * atan, atan2, asin, acos as V8 11 (Node 20) computes them (fdlibm). See ./index.ts.
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
import { high, low, withLow } from "./words";

const ATAN_HI = [
  4.63647609000806093515e-1, 7.85398163397448278999e-1, 9.82793723247329054082e-1,
  1.570796326794896558,
];
const ATAN_LO = [
  2.26987774529616870924e-17, 3.06161699786838301793e-17, 1.39033110312309984516e-17,
  6.12323399573676603587e-17,
];
const AT = [
  3.33333333333329318027e-1, -1.99999999998764832476e-1, 1.42857142725034663711e-1,
  -1.1111110405462355788e-1, 9.09088713343650656196e-2, -7.69187620504482999495e-2,
  6.66107313738753120669e-2, -5.83357013379057348645e-2, 4.97687799461593236017e-2,
  -3.6531572744216915527e-2, 1.62858201153657823623e-2,
];

export function atan(x: number): number {
  const hx = high(x);
  const ix = hx & 0x7fffffff;
  let id: number;
  if (ix >= 0x44100000) {
    if (ix > 0x7ff00000 || (ix === 0x7ff00000 && low(x) !== 0)) return x + x;
    return hx > 0 ? ATAN_HI[3] + ATAN_LO[3] : -ATAN_HI[3] - ATAN_LO[3];
  }
  if (ix < 0x3fdc0000) {
    if (ix < 0x3e400000 && 1e300 + x > 1) return x;
    id = -1;
  } else {
    x = Math.abs(x);
    if (ix < 0x3ff30000) {
      if (ix < 0x3fe60000) {
        id = 0;
        x = (2.0 * x - 1) / (2.0 + x);
      } else {
        id = 1;
        x = (x - 1) / (x + 1);
      }
    } else if (ix < 0x40038000) {
      id = 2;
      x = (x - 1.5) / (1 + 1.5 * x);
    } else {
      id = 3;
      x = -1.0 / x;
    }
  }
  const z = x * x;
  const w = z * z;
  const s1 = z * (AT[0] + w * (AT[2] + w * (AT[4] + w * (AT[6] + w * (AT[8] + w * AT[10])))));
  const s2 = w * (AT[1] + w * (AT[3] + w * (AT[5] + w * (AT[7] + w * AT[9]))));
  if (id < 0) return x - x * (s1 + s2);
  const r = ATAN_HI[id] - (x * (s1 + s2) - ATAN_LO[id] - x);
  return hx < 0 ? -r : r;
}

export function atan2(y: number, x: number): number {
  const tiny = 1.0e-300;
  const piO4 = 7.853981633974482789e-1;
  const piO2 = 1.570796326794896558;
  const pi = 3.141592653589793116;
  const piLo = 1.2246467991473531772e-16;
  const hx = high(x);
  const lx = low(x);
  const ix = hx & 0x7fffffff;
  const hy = high(y);
  const ly = low(y);
  const iy = hy & 0x7fffffff;
  if ((ix | ((lx | -lx) >>> 31)) > 0x7ff00000 || (iy | ((ly | -ly) >>> 31)) > 0x7ff00000) {
    return x + y;
  }
  if (((hx - 0x3ff00000) | lx) === 0) return atan(y);
  let m = ((hy >> 31) & 1) | ((hx >> 30) & 2);
  if ((iy | ly) === 0) {
    if (m === 0 || m === 1) return y;
    return m === 2 ? pi + tiny : -pi - tiny;
  }
  if ((ix | lx) === 0) return hy < 0 ? -piO2 - tiny : piO2 + tiny;
  if (ix === 0x7ff00000) {
    if (iy === 0x7ff00000) {
      return [piO4 + tiny, -piO4 - tiny, 3.0 * piO4 + tiny, -3.0 * piO4 - tiny][m];
    }
    return [0, -0, pi + tiny, -pi - tiny][m];
  }
  if (iy === 0x7ff00000) return hy < 0 ? -piO2 - tiny : piO2 + tiny;
  const k = (iy - ix) >> 20;
  let z: number;
  if (k > 60) {
    z = piO2 + 0.5 * piLo;
    m &= 1;
  } else if (hx < 0 && k < -60) {
    z = 0.0;
  } else {
    z = atan(Math.abs(y / x));
  }
  switch (m) {
    case 0:
      return z;
    case 1:
      return -z;
    case 2:
      return pi - (z - piLo);
    default:
      return z - piLo - pi;
  }
}

const pio2Hi = 1.570796326794896558;
const pio2Lo = 6.12323399573676603587e-17;
const pS = [
  1.66666666666666657415e-1, -3.25565818622400915405e-1, 2.01212532134862925881e-1,
  -4.00555345006794114027e-2, 7.91534994289814532176e-4, 3.4793310759602116757e-5,
];
const qS = [
  -2.40339491173441421878, 2.02094576023350569471, -6.8828397160545329303e-1,
  7.70381505559019352791e-2,
];
const p = (z: number) =>
  z * (pS[0] + z * (pS[1] + z * (pS[2] + z * (pS[3] + z * (pS[4] + z * pS[5])))));
const q = (z: number) => 1 + z * (qS[0] + z * (qS[1] + z * (qS[2] + z * qS[3])));

export function asin(x: number): number {
  const hx = high(x);
  const ix = hx & 0x7fffffff;
  let t = 0;
  if (ix >= 0x3ff00000) {
    if (((ix - 0x3ff00000) | low(x)) === 0) return x * pio2Hi + x * pio2Lo;
    return NaN;
  }
  if (ix < 0x3fe00000) {
    if (ix < 0x3e400000) {
      if (1e300 + x > 1) return x;
    } else {
      t = x * x;
    }
    const w = p(t) / q(t);
    return x + x * w;
  }
  const w0 = 1 - Math.abs(x);
  t = w0 * 0.5;
  const pp = p(t);
  const qq = q(t);
  const s = Math.sqrt(t);
  if (ix >= 0x3fef3333) {
    const w = pp / qq;
    t = pio2Hi - (2.0 * (s + s * w) - pio2Lo);
  } else {
    const w = withLow(s, 0);
    const c = (t - w * w) / (s + w);
    const r = pp / qq;
    const p2 = 2.0 * s * r - (pio2Lo - 2.0 * c);
    const q2 = 7.85398163397448278999e-1 - 2.0 * w;
    t = 7.85398163397448278999e-1 - (p2 - q2);
  }
  return hx > 0 ? t : -t;
}

export function acos(x: number): number {
  const pi = 3.141592653589793116;
  const hx = high(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x3ff00000) {
    if (((ix - 0x3ff00000) | low(x)) === 0) return hx > 0 ? 0.0 : pi + 2.0 * pio2Lo;
    return NaN;
  }
  if (ix < 0x3fe00000) {
    if (ix <= 0x3c600000) return pio2Hi + pio2Lo;
    const z = x * x;
    const r = p(z) / q(z);
    return pio2Hi - (x - (pio2Lo - x * r));
  }
  if (hx < 0) {
    const z = (1 + x) * 0.5;
    const s = Math.sqrt(z);
    const r = p(z) / q(z);
    const w = r * s - pio2Lo;
    return pi - 2.0 * (s + w);
  }
  const z = (1 - x) * 0.5;
  const s = Math.sqrt(z);
  const df = withLow(s, 0);
  const c = (z - df * df) / (s + df);
  const r = p(z) / q(z);
  const w = r * s + c;
  return 2.0 * (df + w);
}
