// The ladder of prices a user can pick on Smarkets, in bps ascending, and
// walks along it. Seed: the module-level ticks_gt/ticks_geq/ticks_lt/
// ticks_leq/is_a_tick and MIN_TICK/MAX_TICK of smarkets.odds, which work in
// Decimal percent; here every price is bps. Like the seed's, the walks take
// any point, off the ladder or outside it, and give [] when no tick lies
// beyond it (ticksAtOrAbove(9999.1), ticksBelow(0.01)).

import { LADDER_TICKS } from "./ladder-data.js";
import { OddsError, show } from "./errors.js";
import { checkCount, type PriceBps } from "./price.js";

/** Every tick in bps, lowest (0.01%) first. */
export const allTicks: readonly PriceBps[] = Object.freeze(LADDER_TICKS.map(([, bps]) => bps).reverse());

const tickSet: ReadonlySet<number> = new Set(allTicks);
const decimalByTick: ReadonlyMap<number, string> = new Map(LADDER_TICKS.map(([decimal, bps]) => [bps, decimal]));

/** The lowest tick, 1 bps (0.01%, decimal 10000). Seed: MIN_TICK. */
export const minTick: PriceBps = allTicks[0]!;
/** The highest tick, 9999 bps (99.99%, decimal 1.0001). Seed: MAX_TICK. */
export const maxTick: PriceBps = allTicks[allTicks.length - 1]!;

/**
 * Whether `price` is on the ladder. Total: anything that is not a tick
 * (including NaN, non-integers and non-numbers) is simply not one.
 * Seed: is_a_tick.
 */
export function isTick(price: unknown): price is PriceBps {
  return typeof price === "number" && tickSet.has(price);
}

/** The ladder's decimal odds text for a tick ("3.00", "4.1", "21"), or undefined off the ladder. */
export function ladderDecimal(price: PriceBps): string | undefined {
  return decimalByTick.get(price);
}

/** Index of the first tick ≥ `price` (allTicks.length if none). */
export function firstTickAtOrAbove(price: number): number {
  let lo = 0;
  let hi = allTicks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (allTicks[mid]! < price) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A point to walk from: any number but NaN, which has no place on the ladder. */
function checkPoint(price: unknown): number {
  if (typeof price !== "number" || Number.isNaN(price)) {
    throw new OddsError(`price ${show(price)} must be a number of basis points to walk the ladder from`, price);
  }
  return price;
}

function walkUp(from: number, count: number): PriceBps[] {
  return allTicks.slice(from, count === Infinity ? undefined : from + count);
}

function walkDown(from: number, count: number): PriceBps[] {
  const start = count === Infinity ? 0 : Math.max(0, from - count + 1);
  return allTicks.slice(start, from + 1).reverse();
}

/**
 * Up to `count` ticks strictly above `price`, nearest first; fewer (or none)
 * near the top of the ladder. `price` need not be a tick, nor whole, nor
 * within 1..9999.
 * Seed: ticks_gt (which yields all of them).
 * @example ticksAbove(9750) // [9804, 9901, 9999]
 */
export function ticksAbove(price: number, count: number = Infinity): PriceBps[] {
  checkPoint(price);
  const from = firstTickAtOrAbove(price);
  return walkUp(allTicks[from] === price ? from + 1 : from, checkCount(count, "tick count"));
}

/** Like ticksAbove, but includes `price` itself when it is a tick. Seed: ticks_geq. */
export function ticksAtOrAbove(price: number, count: number = Infinity): PriceBps[] {
  checkPoint(price);
  return walkUp(firstTickAtOrAbove(price), checkCount(count, "tick count"));
}

/**
 * Up to `count` ticks strictly below `price`, nearest first; fewer (or none)
 * near the bottom of the ladder. Seed: ticks_lt.
 * @example ticksBelow(35) // [34, 33, 20, 10, 1]
 */
export function ticksBelow(price: number, count: number = Infinity): PriceBps[] {
  checkPoint(price);
  return walkDown(firstTickAtOrAbove(price) - 1, checkCount(count, "tick count"));
}

/** Like ticksBelow, but includes `price` itself when it is a tick. Seed: ticks_leq. */
export function ticksAtOrBelow(price: number, count: number = Infinity): PriceBps[] {
  checkPoint(price);
  const from = firstTickAtOrAbove(price);
  return walkDown(allTicks[from] === price ? from : from - 1, checkCount(count, "tick count"));
}
