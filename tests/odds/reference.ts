// Test-only helpers, written independently of runtime/odds so tests do not
// check the code against itself.
import { LADDER_TICKS } from "../../runtime/odds/ladder-data.js";

/** 1234 → "12.34", 5 → "0.05": bps as the reference writes percents. */
export function bpsText(bps: number): string {
  const s = String(bps).padStart(3, "0");
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** "2.02" → 202/100 (not reduced). */
export function decimalToRational(text: string): { num: bigint; den: bigint } {
  const [whole, fraction = ""] = text.split(".");
  return { num: BigInt(whole! + fraction), den: 10n ** BigInt(fraction.length) };
}

/** round(num/den), ties to even, for positive num and den. */
export function roundHalfEvenBig(num: bigint, den: bigint): bigint {
  const q = num / den;
  const twice = 2n * (num - q * den);
  if (twice < den) return q;
  if (twice > den) return q + 1n;
  return q % 2n === 0n ? q : q + 1n;
}

/** Tick prices ascending, from the raw data. */
export const TICKS_ASC: readonly number[] = LADDER_TICKS.map(([, bps]) => bps).sort((a, b) => a - b);

/** The tick nearest `price` (a rational bps value num/den), ties to the lower tick. */
export function nearestTick(num: bigint, den: bigint): number {
  let best = TICKS_ASC[0]!;
  let bestDist = -1n;
  for (const tick of TICKS_ASC) {
    const diff = BigInt(tick) * den - num;
    const dist = diff < 0n ? -diff : diff;
    if (bestDist < 0n || dist < bestDist) [best, bestDist] = [tick, dist];
  }
  return best;
}
