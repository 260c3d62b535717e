// An order price as a trader types it: basis points ("2500"), percent
// ("25%", "33.33%") or decimal odds, written with a point ("4.0", "1.5").
// It must be a tick of the Smarkets ladder; if not, the error names the
// nearest ticks on either side, in all three notations.
import { ArgumentError } from "../runtime/errors.js";
import { fromDecimal, fromPercent, isTick, MAX_PRICE_BPS, MIN_PRICE_BPS, OddsError, ticksAbove, ticksBelow, toDecimalStr, toPercentStr } from "../runtime/odds/index.js";

export const PRICE_HELP = `basis points of probability (2500), a percent (25%) or decimal odds with a point (4.0)`;

export function priceArg(flag: string, text: string): number {
  const bps = parse(flag, text);
  if (isTick(bps)) return bps;
  const below = ticksBelow(bps, 1)[0];
  const above = ticksAbove(bps, 1)[0];
  const nearest = [below, above].filter((t): t is number => t !== undefined).map(describeTick).join(" and ");
  const given = /^\d+$/.test(text) ? `${bps} bps` : `${JSON.stringify(text)} (${bps} bps)`;
  throw new ArgumentError(`${flag} ${given} is not on the odds ladder; the nearest ticks are ${nearest}${decimalHint(text)}`);
}

/** A whole number is basis points; say how to write it if decimal odds were meant. */
function decimalHint(text: string): string {
  if (!/^\d+$/.test(text)) return "";
  try {
    return isTick(fromDecimal(text)) ? ` (for decimal odds ${text}, write ${text}.0)` : "";
  } catch {
    return "";
  }
}

/** "2500 (25%, 4.0)". */
export function describeTick(bps: number): string {
  return `${bps} (${toPercentStr(bps)}, ${toDecimalStr(bps)})`;
}

function parse(flag: string, text: string): number {
  try {
    if (/^\d+$/.test(text)) {
      const bps = Number(text);
      if (bps < MIN_PRICE_BPS || bps > MAX_PRICE_BPS) {
        throw new ArgumentError(`${flag} ${text} bps is outside ${MIN_PRICE_BPS}..${MAX_PRICE_BPS} (0.01%..99.99%)`);
      }
      return bps;
    }
    if (text.endsWith("%")) {
      // Checked here so the message speaks of the flag, not of the odds API.
      if (!/^\d+(\.\d{1,2})?%$/.test(text)) throw new ArgumentError(`${flag} must be a percent with at most 2 decimals (the price step is 0.01%), got ${JSON.stringify(text)}`);
      return fromPercent(text.slice(0, -1));
    }
    if (/^\d*\.\d+$/.test(text)) return fromDecimal(text);
  } catch (e) {
    if (e instanceof OddsError) throw new ArgumentError(`${flag} ${JSON.stringify(text)}: ${e.message}`, { cause: e });
    throw e;
  }
  throw new ArgumentError(`${flag} must be ${PRICE_HELP}, got ${JSON.stringify(text)}`);
}
