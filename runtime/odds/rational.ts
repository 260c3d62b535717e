// Exact arithmetic for prices and odds: a price in basis points turns into
// decimal or American odds that are rarely finite decimals (10000/3333), so
// conversions work on bigint fractions and round once, visibly, at the end.

import { OddsError, show } from "./errors.js";

/** Generous for display, small enough that 10^places stays cheap. */
const MAX_PLACES = 100;

/** An exact fraction `num / den` in lowest terms with `den > 0`. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** `num / den` reduced; `den` must not be zero (callers guarantee it). */
export function rational(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new RangeError("rational: zero denominator");
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

export function div(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den, a.den * b.num);
}

export function add(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** -1, 0 or 1 as `a` is below, equal to or above `b`. */
export function compare(a: Rational, b: Rational): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function floor(r: Rational): bigint {
  const q = r.num / r.den; // truncates toward zero
  return r.num < 0n && q * r.den !== r.num ? q - 1n : q;
}

export function ceil(r: Rational): bigint {
  return -floor(rational(-r.num, r.den));
}

/**
 * The nearest integer, ties to even. This is Python's `Decimal.quantize`
 * default (ROUND_HALF_EVEN), which is how the seed rounds every computed
 * price and odds figure.
 */
export function roundHalfEven(r: Rational): bigint {
  const down = floor(r);
  const twiceRest = 2n * (r.num - down * r.den); // 2 × fractional part, scaled by den
  if (twiceRest < r.den) return down;
  if (twiceRest > r.den) return down + 1n;
  return down % 2n === 0n ? down : down + 1n;
}

/**
 * `r` written with exactly `places` decimals, rounded half to even
 * (e.g. 10000/3333 at 4 places is "3.0003").
 */
export function formatRational(r: Rational, places: number): string {
  if (!Number.isSafeInteger(places) || places < 0 || places > MAX_PLACES) {
    throw new OddsError(`decimal places ${show(places)} must be a whole number from 0 to ${MAX_PLACES}`, places);
  }
  const scale = 10n ** BigInt(places);
  const scaled = roundHalfEven(mul(r, rational(scale)));
  const sign = scaled < 0n ? "-" : "";
  const digits = (scaled < 0n ? -scaled : scaled).toString().padStart(places + 1, "0");
  if (places === 0) return sign + digits;
  return `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}
