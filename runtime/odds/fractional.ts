// Price ⇄ traditional fractional odds ("11 to 4", "Evens"). Fractional odds
// are not computed from a price: like the seed, a price is shown as the entry
// of Smarkets' fixed fractional table at or just above it (equal or shorter
// odds), so only the table's fractions ever appear.

import { OddsError, show } from "./errors.js";
import { FRACTIONAL_ROWS } from "./ladder-data.js";
import { dec, decAdd, decDiv, quantize } from "./decimal-context.js";
import { answeredPrice, checkPrice, type PriceBps } from "./price.js";

/** Fractional odds `numerator / denominator` (11/4: stake 4 to win 11). Not reduced: the table has 4/6. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

/** Table entries by price ascending: each row gives num/den at its price and den/num at the inverse. */
const TABLE: readonly (readonly [bps: number, fraction: Fraction])[] = FRACTIONAL_ROWS.flatMap(
  ([num, den, bps, inverseBps]) =>
    [
      [bps, Object.freeze({ numerator: num, denominator: den })],
      [inverseBps, Object.freeze({ numerator: den, denominator: num })],
    ] as const,
).sort((a, b) => a[0] - b[0]);

/**
 * The table's fraction at the lowest table price ≥ `price`: the nearest
 * fraction with equal or shorter odds. Seed: Odds.fractional.
 * @example toFractional(2500) // { numerator: 3, denominator: 1 }
 * @example toFractional(2550) // { numerator: 11, denominator: 4 } (26.67%)
 */
export function toFractional(price: PriceBps): Fraction {
  checkPrice(price);
  // The table's top price is 9999, the highest valid price, so this always finds one.
  return TABLE.find(([bps]) => bps >= price)![1];
}

/** toFractional as text: "Evens" for 1/1, else "11 to 4". Seed: Odds.fractional_str. */
export function toFractionalStr(price: PriceBps): string {
  const { numerator, denominator } = toFractional(price);
  return numerator === denominator ? "Evens" : `${numerator} to ${denominator}`;
}

const FRACTION_TEXT = /^(\d{1,15})\s*(?:\/|-|to)\s*(\d{1,15})$/i;

/** Reads "11/4", "11-4", "11 to 4" or "Evens" (any case) into a Fraction. */
export function parseFractional(text: string): Fraction {
  if (typeof text !== "string") throw new OddsError(`fractional odds must be a string, got ${show(text)}`, text);
  const trimmed = text.trim();
  if (/^evens$/i.test(trimmed)) return { numerator: 1, denominator: 1 };
  const m = FRACTION_TEXT.exec(trimmed);
  if (!m) {
    throw new OddsError(`fractional odds ${show(text)} is not of the form "11/4", "11 to 4" or "Evens"`, text);
  }
  return checkFraction({ numerator: Number(m[1]), denominator: Number(m[2]) }, text);
}

function checkFraction(fraction: Fraction, input: unknown): Fraction {
  if (typeof fraction !== "object" || fraction === null) {
    throw new OddsError(`fractional odds must be a Fraction or a string like "11/4", got ${show(input)}`, input);
  }
  const { numerator, denominator } = fraction;
  // 0/1 is odds of nothing (a certainty, 100%), as the seed answers; a zero denominator is no fraction.
  for (const [part, least] of [[numerator, 0], [denominator, 1]] as const) {
    if (!Number.isSafeInteger(part) || part < least) {
      throw new OddsError(`fractional odds ${show(input)}: ${show(part)} must be a whole number ≥ ${least}`, input);
    }
  }
  return fraction;
}

/**
 * The price for fractional odds n/d: 100 / (n/d + 1) percent, rounded half to
 * even to a whole bps as the seed quantizes, in its 28-digit arithmetic. Any
 * fraction, not only the table's; the result need not be a tick, nor even a
 * price an order can carry: like the seed, 20000/1 gives 0, 1/20000 and 0/1
 * give 10000 (check with isTick before sending). Note the table itself rounds
 * one entry the other way (31/1 is listed at 3.13%; this gives 3.12%, which
 * toFractional still shows as 31/1). Seed: Odds.from_fractional.
 * @example fromFractional("11/4") // 2667
 */
export function fromFractional(fraction: Fraction | string): PriceBps {
  const f = typeof fraction === "string" ? parseFractional(fraction) : checkFraction(fraction, fraction);
  const odds = decAdd(decDiv(dec(f.numerator), dec(f.denominator)), dec(1));
  return answeredPrice(quantize(decDiv(dec(100), odds), 2), fraction, "fractional odds");
}
