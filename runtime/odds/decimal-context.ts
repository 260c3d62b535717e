// The seed computes odds with Python's `decimal` module in its default
// context: every operation's exact result is rounded to 28 significant digits
// (ties to even) before the next one. Usually invisible, but a quotient like
// 100/68 = 1.470588…(repeating) is cut at 28 digits, and a later exact tie
// (-100 / (8/17) = -212.5) then lands a hair off it (-212.50…02) and rounds
// the other way (-213). These operations reproduce that arithmetic exactly on
// bigint fractions, so the conversions give the seed's answers digit for digit.

import { add, compare, div, rational, roundHalfEven, type Rational } from "./rational.js";

/** Significant digits of Python's default decimal context. */
const PRECISION = 28;

const ten = (n: number): bigint => 10n ** BigInt(n);

/** floor(log10 |r|) for r ≠ 0: the exponent of its leading digit. */
function leadingExponent(r: Rational): number {
  const num = r.num < 0n ? -r.num : r.num;
  const e = num.toString().length - r.den.toString().length;
  // |r| lies in [10^(e-1), 10^(e+1)); one comparison tells which decade.
  const decade = e >= 0 ? rational(ten(e)) : rational(1n, ten(-e));
  return compare(rational(num, r.den), decade) >= 0 ? e : e - 1;
}

/** `r` rounded to 28 significant digits, ties to even: what every decimal operation yields. */
export function toContext(r: Rational): Rational {
  if (r.num === 0n) return r;
  const shift = PRECISION - 1 - leadingExponent(r); // r × 10^shift has 28 digits before the point
  const scaled = shift >= 0 ? rational(r.num * ten(shift), r.den) : rational(r.num, r.den * ten(-shift));
  const coefficient = roundHalfEven(scaled);
  return shift >= 0 ? rational(coefficient, ten(shift)) : rational(coefficient * ten(-shift));
}

/** a / b in the decimal context (b ≠ 0). */
export function decDiv(a: Rational, b: Rational): Rational {
  return toContext(div(a, b));
}

/** a + b in the decimal context. */
export function decAdd(a: Rational, b: Rational): Rational {
  return toContext(add(a, b));
}

/** `Decimal.quantize(Decimal(10) ** -places)`: `r` rounded half to even to `places` decimals, as a count of 10^-places. */
export function quantize(r: Rational, places: number): bigint {
  return roundHalfEven(rational(r.num * ten(places), r.den));
}

/** A whole number or decimal fraction as a Rational (n / 10^places). */
export function dec(n: bigint | number, places = 0): Rational {
  return rational(BigInt(n), ten(places));
}
