// What the exchange's token bucket allows, to check the times the client sent at.
import type { ThrottleLimits } from "../../../runtime/trading/index.js";

/** Most sends the exchange's bucket allows in any window of `span` ms: the burst plus every refill step inside it. */
export function allowed(limits: ThrottleLimits, span: number): number {
  const steps = Math.floor(span / limits.tickMs) + 1;
  return limits.burstSize + Math.floor((steps * limits.averageRatePs * limits.tickMs) / 1000);
}

/** The largest excess over `allowed` of any window of send times (≤ 0 when the limits held). */
export function worstExcess(times: readonly number[], limits: ThrottleLimits): number {
  let worst = -Infinity;
  for (let i = 0; i < times.length; i += 1) {
    for (let j = i; j < times.length; j += 1) {
      worst = Math.max(worst, j - i + 1 - allowed(limits, times[j]! - times[i]!));
    }
  }
  return worst;
}
