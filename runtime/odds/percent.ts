// Price ⇄ percent probability. A price is a whole number of 0.01%, so these
// are exact both ways; a percent finer than 0.01% is refused, not rounded
// (snapPercentToTick is the way to bring one onto the ladder).

import { OddsError, show } from "./errors.js";
import { parseDecimal, type DecimalInput } from "./decimal-input.js";
import { checkPrice, priceFrom, type PriceBps } from "./price.js";
import { formatRational, mul, rational } from "./rational.js";

/**
 * The percent with two decimals, as the ladder writes it.
 * Seed: Odds.percent (a Decimal).
 * @example toPercent(2500) // "25.00"
 */
export function toPercent(price: PriceBps): string {
  return formatRational(rational(BigInt(checkPrice(price)), 100n), 2);
}

/**
 * The percent for display: up to two decimals, trailing zeros dropped, with a
 * "%" sign. Seed: Odds.percent_str (format "#,##0.##%").
 * @example toPercentStr(1250) // "12.5%"
 */
export function toPercentStr(price: PriceBps): string {
  return `${toPercent(price).replace(/\.?0+$/, "")}%`;
}

/**
 * The price for a percent given to at most 0.01% ("25", "33.33", 0.3).
 * Seed: Odds.from_percent.
 * @example fromPercent("0.3") // 30
 */
export function fromPercent(percent: DecimalInput): PriceBps {
  const bps = mul(parseDecimal(percent, "percent"), rational(100n));
  if (bps.den !== 1n) {
    throw new OddsError(`percent ${show(percent)} is finer than 0.01%, the price step; snap it with snapPercentToTick`, percent);
  }
  return priceFrom(bps.num, percent, "percent");
}
