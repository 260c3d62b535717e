// Price ⇄ American (moneyline) odds. Below 50% the odds are positive, the
// profit on a 100 stake: 10000/p − 100. From 50% up they are negative, the
// stake needed to win 100: −100 / (100/p − 1). Both give ±100 at 50%.
// Whole-number odds and prices from odds are computed as the seed computes
// them, in 28-digit decimal arithmetic (decimal-context.ts), so they agree
// with it digit for digit, ties included.

import { dec, decAdd, decDiv, quantize } from "./decimal-context.js";
import { readExact, type DecimalInput } from "./decimal-input.js";
import { answeredPrice, checkPrice, type PriceBps } from "./price.js";
import { add, div, rational, type Rational } from "./rational.js";

/** Exact American odds of a price (in bps, p% = bps/100). */
export function toAmericanExact(price: PriceBps): Rational {
  const bps = BigInt(checkPrice(price));
  return bps < 5000n ? rational(1_000_000n - 100n * bps, bps) : rational(-100n * bps, 10_000n - bps);
}

/**
 * Whole-number American odds as the seed gives them: positive below 50%
 * (2500 → 300), negative from 50% (5000 → -100, 7500 → -300), the seed's
 * decimal quotient rounded half to even. That quotient is cut to 28 digits
 * first, which at three prices tips an exact .5 tie the other way:
 * 6800 → -213, 9360 → -1463, 9872 → -7713 (exactly -212.5, -1462.5, -7712.5).
 * fromAmerican of the result need not give `price` back, though the nearest
 * tick to it is `price` for every tick. Seed: Odds.american.
 */
export function toAmerican(price: PriceBps): number {
  const percent = dec(checkPrice(price), 2);
  const odds =
    price < 5000
      ? decAdd(decDiv(dec(10_000), percent), dec(-100)) // 10000/p − 100
      : decDiv(dec(-100), decAdd(decDiv(dec(100), percent), dec(-1))); // −100 / (100/p − 1)
  return Number(quantize(odds, 0));
}

/** toAmerican with an explicit "+" on positive odds: "+300", "-110". Seed: Odds.american_str. */
export function toAmericanStr(price: PriceBps): string {
  const odds = toAmerican(price);
  return odds > 0 ? `+${odds}` : String(odds);
}

/**
 * The price for American odds (+300, "-110", or an exact Rational as from
 * toAmericanExact), rounded half to even to a whole bps as the seed quantizes
 * to 0.01%. Like the seed it answers for any odds: negative odds use the
 * stake formula 100 / (100/m + 1)% (m = −odds), zero and positive odds the
 * profit formula 10000 / (odds + 100)%, so odds strictly between −100 and
 * +100, meaningless as moneylines, still give the seed's price (99 → 5025,
 * −99 → 4975, 0 → 10000), and huge odds give 0 or 10000: check the result
 * with isTick before sending it. Decimal input is computed in the seed's
 * 28-digit arithmetic; a Rational exactly. Seed: Odds.from_american.
 */
export function fromAmerican(american: DecimalInput | Rational): PriceBps {
  const odds = readExact(american, "American odds");
  const exact = typeof american === "object";
  const divide = exact ? div : decDiv;
  const plus = exact ? add : decAdd;
  const percent =
    odds.num < 0n
      ? divide(dec(100), plus(divide(dec(-100), odds), dec(1))) // 100 / (−100/a + 1)
      : divide(dec(10_000), plus(odds, dec(100))); // 10000 / (a + 100)
  return answeredPrice(quantize(percent, 2), american, "American odds");
}
