// Snapping a price onto the ladder for the side of an order. "Equal or worse"
// for the trader: a buyer pays at least the asked price (equal or higher), a
// seller accepts at most it (equal or lower), so snapping never improves a
// price behind the user's back.
//
// The seed snaps in decimal-odds space (bisecting the ladder's decimals);
// this snaps in price space, against the ticks' bps. For any whole-bps price
// the two agree (tests/odds/snap.test.ts checks all 9999); for a finer
// percent (snapPercentToTick) the wire price is what the order will carry, so
// it is what is compared.

import { OddsError, show } from "./errors.js";
import { parseDecimal, type DecimalInput } from "./decimal-input.js";
import { allTicks, firstTickAtOrAbove } from "./ladder.js";
import { checkCount, checkPrice, MAX_PRICE_BPS, MIN_PRICE_BPS, type PriceBps } from "./price.js";
import { ceil, compare, floor, mul, rational } from "./rational.js";

/** The side of an order: "buy" backs the outcome, "sell" lays it. */
export type Side = "buy" | "sell";

function checkSide(side: unknown): Side {
  if (side !== "buy" && side !== "sell") throw new OddsError(`side ${show(side)} must be "buy" or "sell"`, side);
  return side;
}

/** Index in allTicks of the snapped tick; always in range for a valid price (1 and 9999 are ticks). */
function snapIndex(side: Side, price: PriceBps): number {
  const i = firstTickAtOrAbove(price);
  return side === "buy" || allTicks[i] === price ? i : i - 1;
}

/**
 * The nearest tick equal to or worse than `price` for `side`: the lowest tick
 * ≥ price when buying, the highest tick ≤ price when selling. A tick snaps to
 * itself. Every valid price snaps (the ends, 1 and 9999 bps, are ticks).
 * Seed: Odds.snap_to_decimal(side, odds).
 * @example snapToTick("buy", 30) // 33 (0.33%)
 * @example snapToTick("sell", 30) // 20 (0.20%)
 */
export function snapToTick(side: Side, price: PriceBps): PriceBps {
  return allTicks[snapIndex(checkSide(side), checkPrice(price))]!;
}

/**
 * Snap as snapToTick, then move `moveOutBy` more ticks in the worse direction
 * (up when buying, down when selling). `undefined` when that walks off the end
 * of the ladder. Seed: Odds.snap_to_decimal_move_out_by (which returns None).
 * @example snapToTickMovedOut("buy", 1860, 1) // 1923
 */
export function snapToTickMovedOut(side: Side, price: PriceBps, moveOutBy: number): PriceBps | undefined {
  checkSide(side);
  checkPrice(price);
  const steps = checkCount(moveOutBy, "moveOutBy");
  const i = snapIndex(side, price) + (side === "buy" ? steps : -steps);
  return allTicks[i];
}

/**
 * Snap a percent finer than 0.01% (e.g. a model's fair price "45.045") to a
 * tick, as snapToTick. The percent must lie within 0.01..99.99.
 * @example snapPercentToTick("buy", "45.045") // 4505
 */
export function snapPercentToTick(side: Side, percent: DecimalInput): PriceBps {
  checkSide(side);
  const bps = mul(parseDecimal(percent, "percent"), rational(100n));
  if (compare(bps, rational(BigInt(MIN_PRICE_BPS))) < 0 || compare(bps, rational(BigInt(MAX_PRICE_BPS))) > 0) {
    throw new OddsError(`percent ${show(percent)} is outside 0.01..99.99`, percent);
  }
  // Ticks are whole bps, so the first tick ≥ p is the first tick ≥ ceil(p), and likewise below.
  return snapToTick(side, Number(side === "buy" ? ceil(bps) : floor(bps)));
}
