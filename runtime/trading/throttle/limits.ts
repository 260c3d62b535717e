// The exchange's rate limit for a session, as throttle-limits-changed states
// it: a bucket of `burstSize` requests, refilled by averageRatePs per second
// in steps every `tickMs`. Sending faster gets throttle-exceeded.
//
// One range check serves both sources of limits: the caller's options (a bad
// value is an ArgumentError) and the exchange's announcements (a bad value is
// a ProtocolError, and the limits in force stay: see Throttle.announce).
import type * as seto from "../../../generated/seto.js";
import { MAX_TIMER_MS } from "../../clock.js";
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

/** Each field's largest value: the wire's uint32, and for the tick the longest timer a clock can hold. */
const MAX: Readonly<Record<keyof ThrottleLimits, number>> = { averageRatePs: MAX_U32, burstSize: MAX_U32, tickMs: MAX_TIMER_MS };

/** What is wrong with `limits`, naming the field, its value and the limit; undefined when they are sound. */
export function limitsProblem(limits: ThrottleLimits | seto.ThrottleLimitsChanged): string | undefined {
  for (const field of ["averageRatePs", "burstSize", "tickMs"] as const) {
    const v: unknown = limits[field];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > MAX[field]) {
      return `throttle ${field} must be a whole number within 0..${MAX[field]}, got ${String(v)}`;
    }
  }
  return undefined;
}

/** Sound limits, ready for use (a tick of 0 becomes 1 ms); undefined when `limitsProblem` finds fault. */
export function usableLimits(limits: ThrottleLimits | seto.ThrottleLimitsChanged): ThrottleLimits | undefined {
  if (limitsProblem(limits) !== undefined) return undefined;
  const { averageRatePs, burstSize, tickMs } = limits;
  // A tick of 0 would mean "refill continuously"; a 1 ms step is as close as a clock gets.
  return { averageRatePs, burstSize, tickMs: Math.max(1, tickMs) };
}

/** Limits from options (checked: whole numbers, 0..2^32-1, tickMs within a timer's range); ArgumentError otherwise. */
export function checkLimits(limits: ThrottleLimits | seto.ThrottleLimitsChanged): ThrottleLimits {
  const problem = limitsProblem(limits);
  if (problem !== undefined) throw new ArgumentError(problem);
  return usableLimits(limits)!;
}
