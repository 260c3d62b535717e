// An order quantity: quantity units (10 000 = £1.00 of payoff), or pounds of
// payoff written with a £ sign ("£12.50"). Quantity is what the order pays
// if it wins, not the stake.
import { ArgumentError } from "../runtime/errors.js";

export const QUANTITY_HELP = `payoff in quantity units (10000 = £1) or in pounds ("£12.50")`;

/** Quantity units per pound of payoff. */
const UNITS_PER_POUND = 10_000n;
const MAX_U64 = (1n << 64n) - 1n;

export function quantityArg(flag: string, text: string): bigint {
  const units = /^\d{1,20}$/.test(text) ? BigInt(text) : pounds(flag, text);
  if (units < 1n || units > MAX_U64) {
    throw new ArgumentError(`${flag} must be at least 1 quantity unit (£0.0001) and at most ${MAX_U64} units, got ${JSON.stringify(text)}`);
  }
  return units;
}

function pounds(flag: string, text: string): bigint {
  const m = /^£(\d{1,16})(?:\.(\d+))?$/.exec(text);
  if (!m) throw new ArgumentError(`${flag} must be ${QUANTITY_HELP}, got ${JSON.stringify(text)}`);
  const fraction = m[2] ?? "";
  if (fraction.length > 4) throw new ArgumentError(`${flag} ${JSON.stringify(text)} is finer than £0.0001, the smallest quantity unit`);
  return BigInt(m[1]!) * UNITS_PER_POUND + BigInt(fraction.padEnd(4, "0"));
}
