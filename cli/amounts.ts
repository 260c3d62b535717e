// How the CLI and the demo show amounts: quantities as pounds of payoff,
// prices as the ladder shows them (percent and decimal odds).
import { toDecimalStr, toPercentStr } from "../runtime/odds/index.js";

/** Quantity is payoff in minor units × 100: 10 000 = £1.00. */
export function pounds(quantity: bigint): string {
  const pence = quantity / 100n;
  return `£${pence / 100n}.${String(pence % 100n).padStart(2, "0")}`;
}

/** "25% (4.0)": a price in bps as percent and decimal odds. */
export function price(bps: number): string {
  return `${toPercentStr(bps)} (${toDecimalStr(bps)})`;
}
