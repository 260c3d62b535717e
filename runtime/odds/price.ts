import { OddsError, show } from "./errors.js";

/**
 * A price as it travels on the wire: an integer number of basis points of
 * percent probability (2500 = 25.00% = decimal odds 4.0).
 */
export type PriceBps = number;

/** Lowest price the exchange accepts: 1 bps = 0.01%. */
export const MIN_PRICE_BPS = 1;
/** Highest price the exchange accepts: 9999 bps = 99.99%. */
export const MAX_PRICE_BPS = 9999;

/** Returns `price` if it is a whole number of bps in 1..9999, else throws OddsError saying why. */
export function checkPrice(price: unknown, what = "price"): PriceBps {
  if (typeof price !== "number") {
    throw new OddsError(`${what} must be a number of basis points, got ${show(price)}`, price);
  }
  if (Number.isNaN(price)) throw new OddsError(`${what} is NaN; expected basis points ${MIN_PRICE_BPS}..${MAX_PRICE_BPS}`, price);
  if (!Number.isInteger(price)) {
    throw new OddsError(`${what} ${show(price)} is not a whole number of basis points (1 bps = 0.01%)`, price);
  }
  if (price < MIN_PRICE_BPS || price > MAX_PRICE_BPS) {
    throw new OddsError(`${what} ${show(price)} bps is outside ${MIN_PRICE_BPS}..${MAX_PRICE_BPS}`, price);
  }
  return price;
}

/** Like `checkPrice` for a computed bigint: names the input it came from when out of range. */
export function priceFrom(bps: bigint, input: unknown, what: string): PriceBps {
  if (bps < BigInt(MIN_PRICE_BPS) || bps > BigInt(MAX_PRICE_BPS)) {
    throw new OddsError(
      `${what} ${show(input)} gives a price of ${bps} bps, outside ${MIN_PRICE_BPS}..${MAX_PRICE_BPS} (0.01%..99.99%)`,
      input,
    );
  }
  return Number(bps);
}

/**
 * A price computed from odds, as the seed answers it: any whole number of bps
 * from 0 up, even outside 1..9999 (decimal odds 1 give 10000, 0.5 give 20000,
 * very long odds 0), so the caller sees what the odds mean rather than an
 * error; `isTick` / `checkPrice` tell whether it can be sent. A negative
 * price, or one beyond 2^53 bps, is refused.
 */
export function answeredPrice(bps: bigint, input: unknown, what: string): PriceBps {
  if (bps < 0n) throw new OddsError(`${what} ${show(input)} gives a negative price (${bps} bps)`, input);
  if (bps > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new OddsError(`${what} ${show(input)} gives a price of ${bps} bps, beyond ${Number.MAX_SAFE_INTEGER}`, input);
  }
  return Number(bps);
}

/** A non-negative whole count (ticks to move or list); Infinity means "all". */
export function checkCount(count: unknown, what: string): number {
  if (count === Infinity) return count;
  if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0) {
    throw new OddsError(`${what} ${show(count)} must be a whole number ≥ 0`, count);
  }
  return count;
}
