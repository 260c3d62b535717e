// Public API of the odds module: prices (integer bps on the wire), the
// Smarkets ladder, snapping by side, and conversions to percent, decimal,
// fractional and American odds. A port of smk_python_sdk's smarkets.odds.

export { OddsError } from "./errors.js";
export { type PriceBps, MIN_PRICE_BPS, MAX_PRICE_BPS, checkPrice } from "./price.js";
export { type Rational, formatRational } from "./rational.js";
export { type DecimalInput } from "./decimal-input.js";
export { allTicks, minTick, maxTick, isTick, ticksAbove, ticksAtOrAbove, ticksBelow, ticksAtOrBelow } from "./ladder.js";
export { type Side, snapToTick, snapToTickMovedOut, snapPercentToTick } from "./snap.js";
export { toPercent, toPercentStr, fromPercent } from "./percent.js";
export { toDecimal, toDecimalStr, toDecimalExact, fromDecimal } from "./decimal.js";
export { toAmerican, toAmericanStr, toAmericanExact, fromAmerican } from "./american.js";
export { type Fraction, toFractional, toFractionalStr, fromFractional, parseFractional } from "./fractional.js";
