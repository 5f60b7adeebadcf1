/**
 * The two 32-bit halves of a float64, as fdlibm reads and writes them (GET_HIGH_WORD and friends),
 * and scalbn. Little-endian, as every browser engine is: word [1] holds the sign and exponent.
 *
 * Example: high(1) === 0x3ff00000; fromWords(0x40000000, 0) === 2
 */
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const signed = new Int32Array(bits.buffer);

/** The high word as a signed int32 (fdlibm's int32_t hx). */
export function high(x: number): number {
  bits[0] = x;
  return signed[1];
}

/** The low word as an unsigned int32 (fdlibm's u_int32_t lx). */
export function low(x: number): number {
  bits[0] = x;
  return words[0];
}

/** The float64 with these words (INSERT_WORDS). */
export function fromWords(hi: number, lo: number): number {
  words[1] = hi;
  words[0] = lo;
  return bits[0];
}

/** `x` with its high word replaced (SET_HIGH_WORD). */
export function withHigh(x: number, hi: number): number {
  bits[0] = x;
  words[1] = hi;
  return bits[0];
}

/** `x` with its low word replaced (SET_LOW_WORD). */
export function withLow(x: number, lo: number): number {
  bits[0] = x;
  words[0] = lo;
  return bits[0];
}

/** x · 2^n, rounded once (the subnormal range is reached in one multiplication, as C's scalbn). */
export function scalbn(x: number, n: number): number {
  if (n > 1023) {
    x *= fromWords(0x7fe00000, 0); // 2^1023
    n -= 1023;
    if (n > 1023) {
      x *= fromWords(0x7fe00000, 0);
      n = Math.min(n - 1023, 1023);
    }
  } else if (n < -1022) {
    x *= fromWords(0x03600000, 0); // 2^-969 = 2^-1022 · 2^53: ends below 2^-53, one rounding
    n += 969;
    if (n < -1022) {
      x *= fromWords(0x03600000, 0);
      n = Math.max(n + 969, -1022);
    }
  }
  return x * fromWords((0x3ff + n) << 20, 0);
}
