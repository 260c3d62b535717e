// Users type odds and percentages as decimals ("0.3", "2.02", "+150"). Binary
// floating point cannot hold most of them, so they are parsed into exact
// fractions from their text. A JS number is read through its shortest
// round-trip text (String(0.3) is "0.3"), which is the decimal the user wrote.

import { OddsError, show } from "./errors.js";
import { rational, type Rational } from "./rational.js";

/** A decimal number as text ("2.02", "-110", "1e-2") or as a finite JS number. */
export type DecimalInput = string | number;

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
/** Longer text is not a price; refusing it keeps bigint work bounded. */
const MAX_LENGTH = 64;
/** Wide enough for every finite double (5e-324 .. 1.8e308). */
const MAX_EXPONENT = 400;

/**
 * A decimal as parseDecimal, or an exact fraction as the *Exact conversions
 * return (so their results read back without loss).
 */
export function readExact(input: DecimalInput | Rational, what: string): Rational {
  if (typeof input !== "object" || input === null) return parseDecimal(input, what);
  const { num, den } = input as Partial<Rational>;
  if (typeof num !== "bigint" || typeof den !== "bigint" || den === 0n) {
    throw new OddsError(`${what} ${show(input)} is not a fraction with bigint num and non-zero den`, input);
  }
  return rational(num, den);
}

/** `what` names the quantity in error messages ("decimal odds", "percent"). */
export function parseDecimal(input: DecimalInput, what: string): Rational {
  let text: string;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new OddsError(`${what} ${show(input)} is not a finite number`, input);
    text = String(input);
  } else if (typeof input === "string") {
    text = input.trim();
  } else {
    throw new OddsError(`${what} must be a decimal string or a number, got ${show(input)}`, input);
  }
  if (text.length > MAX_LENGTH) {
    throw new OddsError(`${what} ${show(input)} is longer than ${MAX_LENGTH} characters`, input);
  }
  const m = DECIMAL.exec(text);
  const [, sign = "", whole = "", fraction = "", exponent = "0"] = m ?? [];
  if (!m || whole.length + fraction.length === 0) {
    throw new OddsError(`${what} ${show(input)} is not a decimal number (e.g. "2.5")`, input);
  }
  if (Math.abs(Number(exponent)) > MAX_EXPONENT) {
    throw new OddsError(`${what} ${show(input)} has an exponent beyond ±${MAX_EXPONENT}`, input);
  }
  const exp = Number(exponent) - fraction.length; // value = digits × 10^exp
  const digits = BigInt(sign + (whole + fraction || "0"));
  return exp >= 0 ? rational(digits * 10n ** BigInt(exp)) : rational(digits, 10n ** BigInt(-exp));
}
