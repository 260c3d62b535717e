// Price ⇄ American (moneyline) odds. Below 50% the odds are positive, the
// profit on a 100 stake: 10000/p − 100. From 50% up they are negative, the
// stake needed to win 100: −100 / (100/p − 1). Both give ±100 at 50%, and
// |odds| < 100 means nothing, so such input is refused.

import { OddsError, show } from "./errors.js";
import { readExact, type DecimalInput } from "./decimal-input.js";
import { checkPrice, priceFrom, type PriceBps } from "./price.js";
import { compare, rational, roundHalfEven, type Rational } from "./rational.js";

/** Exact American odds of a price (in bps, p% = bps/100). */
export function toAmericanExact(price: PriceBps): Rational {
  const bps = BigInt(checkPrice(price));
  return bps < 5000n ? rational(1_000_000n - 100n * bps, bps) : rational(-100n * bps, 10_000n - bps);
}

/**
 * Whole-number American odds, rounded half to even as the seed quantizes:
 * positive below 50% (2500 → 300), negative from 50% (5000 → -100,
 * 7500 → -300). Rounding loses precision: fromAmerican of the result need
 * not give `price` back, though the nearest tick to it is `price` for every
 * tick. Seed: Odds.american.
 */
export function toAmerican(price: PriceBps): number {
  return Number(roundHalfEven(toAmericanExact(price)));
}

/** toAmerican with an explicit "+" on positive odds: "+300", "-110". Seed: Odds.american_str. */
export function toAmericanStr(price: PriceBps): string {
  const odds = toAmerican(price);
  return odds > 0 ? `+${odds}` : String(odds);
}

/**
 * The price for American odds (+300, "-110", or an exact Rational as from
 * toAmericanExact), rounded half to even to a whole bps as the seed
 * quantizes to 0.01%. Odds strictly between -100 and +100 are refused.
 * Seed: Odds.from_american.
 */
export function fromAmerican(american: DecimalInput | Rational): PriceBps {
  const odds = readExact(american, "American odds");
  const hundred = rational(100n);
  const minusHundred = rational(-100n);
  let bps: Rational;
  if (compare(odds, hundred) >= 0) {
    bps = rational(1_000_000n * odds.den, odds.num + 100n * odds.den); // 10^6 / (a + 100)
  } else if (compare(odds, minusHundred) <= 0) {
    const stake = rational(-odds.num, odds.den); // m = -a ≥ 100
    bps = rational(10_000n * stake.num, stake.num + 100n * stake.den); // 10^4 m / (m + 100)
  } else {
    throw new OddsError(`American odds ${show(american)} must be ≥ +100 or ≤ -100`, american);
  }
  return priceFrom(roundHalfEven(bps), american, "American odds");
}
