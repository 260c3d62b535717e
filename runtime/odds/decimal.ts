// Price ⇄ decimal odds (the payout per unit staked, 100 / percent).
// Decimal odds of most prices are not finite decimals (3333 bps is exactly
// 10000/3333 = 3.00030003…), so toDecimalExact gives the exact fraction and
// the string forms say how they round.

import { OddsError, show } from "./errors.js";
import { readExact, type DecimalInput } from "./decimal-input.js";
import { ladderDecimal } from "./ladder.js";
import { checkPrice, priceFrom, type PriceBps } from "./price.js";
import { compare, div, formatRational, rational, roundHalfEven, type Rational } from "./rational.js";

const TEN_THOUSAND = rational(10000n);

/** Exactly 10000 / price: the true decimal odds of a price. */
export function toDecimalExact(price: PriceBps): Rational {
  return rational(10000n, BigInt(checkPrice(price)));
}

/**
 * Decimal odds as text. For a tick, the ladder's own figure as the ladder
 * writes it ("3.00" for 3333 bps, though exactly 3.0003…; "4.1"; "21").
 * Otherwise 10000 / price rounded half to even to 4 decimals (the ladder's
 * finest step, 1.0001), trailing zeros trimmed to 2 decimals; 4 decimals is
 * enough for fromDecimal to give back the same price for every price.
 * Seed: Odds.decimal (which gives 28 significant digits off the ladder).
 * @example toDecimal(3333) // "3.00"
 * @example toDecimal(3000) // "3.3333"
 */
export function toDecimal(price: PriceBps): string {
  const onLadder = ladderDecimal(checkPrice(price));
  if (onLadder !== undefined) return onLadder;
  return trimToTwoPlaces(formatRational(toDecimalExact(price), 4));
}

/** "6.2500" → "6.25", "3.3330" → "3.333"; never fewer than 2 decimals. */
function trimToTwoPlaces(fixed: string): string {
  const [whole, fraction = ""] = fixed.split(".");
  return `${whole}.${fraction.replace(/0+$/, "").padEnd(2, "0")}`;
}

/**
 * toDecimal with trailing zeros after the first decimal dropped, as the seed
 * shows odds: "2.80" → "2.8", "2.00" → "2.0", "1.0001" and "21" unchanged.
 * Seed: Odds.decimal_str.
 */
export function toDecimalStr(price: PriceBps): string {
  return toDecimal(price).replace(/(\.\d)0+$/, "$1");
}

/**
 * The price for decimal odds: 10000 / decimal rounded half to even to a
 * whole bps (as the seed quantizes to 0.01%). Each ladder decimal gives its
 * own tick ("3.00" → 3333), and toDecimalExact's fraction gives its price
 * back exactly. Decimal odds must exceed 1 and give a price within 1..9999
 * (so below 20000, and above 1.00005).
 * Seed: Odds.from_decimal.
 */
export function fromDecimal(decimal: DecimalInput | Rational): PriceBps {
  const odds = readExact(decimal, "decimal odds");
  if (compare(odds, rational(1n)) <= 0) {
    throw new OddsError(`decimal odds ${show(decimal)} must be greater than 1`, decimal);
  }
  return priceFrom(roundHalfEven(div(TEN_THOUSAND, odds)), decimal, "decimal odds");
}
