// The exchange's rate limit for a session, as throttle-limits-changed states
// it: a bucket of `burstSize` requests, refilled by averageRatePs per second
// in steps every `tickMs`. Sending faster gets throttle-exceeded.
import type * as seto from "../../../generated/seto.js";
import { ArgumentError } from "../../errors.js";

/** The request limits the exchange announced: a rate per second and a burst. */
export interface ThrottleLimits {
  /** Requests per second, on average. */
  readonly averageRatePs: number;
  /** Most requests that may go back to back. */
  readonly burstSize: number;
  /** The bucket refills in steps this many ms apart. */
  readonly tickMs: number;
}

const MAX_U32 = 0xffff_ffff;

/** Limits from the exchange's message, or from options (checked: whole numbers, 0..2^32-1, tickMs ≥ 1). */
export function checkLimits(limits: ThrottleLimits | seto.ThrottleLimitsChanged): ThrottleLimits {
  const { averageRatePs, burstSize, tickMs } = limits;
  for (const [field, v] of [["averageRatePs", averageRatePs], ["burstSize", burstSize], ["tickMs", tickMs]] as const) {
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > MAX_U32) {
      throw new ArgumentError(`throttle ${field} must be a whole number within 0..${MAX_U32}, got ${String(v)}`);
    }
  }
  // A tick of 0 would mean "refill continuously"; a 1 ms step is as close as a clock gets.
  return { averageRatePs, burstSize, tickMs: Math.max(1, tickMs) };
}
