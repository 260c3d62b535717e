// Price ⇄ decimal odds (the payout per unit staked, 100 / percent).
// Decimal odds of most prices are not finite decimals (3333 bps is exactly
// 10000/3333 = 3.00030003…), so toDecimalExact gives the exact fraction and
// the string forms say how they round.

import { OddsError, show } from "./errors.js";
import { readExact, type DecimalInput } from "./decimal-input.js";
import { ladderDecimal } from "./ladder.js";
import { answeredPrice, checkPrice, type PriceBps } from "./price.js";
import { dec, decDiv, quantize } from "./decimal-context.js";
import { div, formatRational, rational, type Rational } from "./rational.js";

const HUNDRED = dec(100);

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
 * The price for decimal odds: 100 / decimal percent, rounded half to even to
 * a whole bps as the seed quantizes to 0.01%. Each ladder decimal gives its
 * own tick ("3.00" → 3333), and toDecimalExact's fraction gives its price
 * back exactly. Like the seed it answers for any positive odds, even those
 * no order can carry: 1 → 10000, 0.5 → 20000, 20000 → 0 (check with isTick
 * before sending). Zero or negative odds are refused (the seed divides by
 * zero, or answers a negative price). Decimal input is computed in the
 * seed's 28-digit arithmetic; a Rational exactly. Seed: Odds.from_decimal.
 */
export function fromDecimal(decimal: DecimalInput | Rational): PriceBps {
  const odds = readExact(decimal, "decimal odds");
  if (odds.num <= 0n) throw new OddsError(`decimal odds ${show(decimal)} must be positive`, decimal);
  const percent = typeof decimal === "object" ? div(HUNDRED, odds) : decDiv(HUNDRED, odds);
  return answeredPrice(quantize(percent, 2), decimal, "decimal odds");
}
