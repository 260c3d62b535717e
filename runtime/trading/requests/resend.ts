// When a request refused for speed is sent again instead of failed.
//
// A refusal with a THROTTLE_EXCEEDED reason means the exchange read the
// request when its own bucket was empty and did nothing with it: sending it
// again (same reference, new payload seq) cannot act twice. The client's
// pacing makes such refusals rare (a stall that delivers requests together),
// so a few resends are plenty; a request refused more often than that is
// failed with the exchange's typed error, so a caller is never stuck behind
// a limit that the client does not follow.
import type { IncomingEvent } from "../../dispatch/handler-types.js";
import { refusedForSpeed } from "../throttle/exceeded.js";
import type { FinalVerdict } from "./request-spec.js";

/** Resends after refusals for speed before the refusal goes to the caller. */
export const MAX_THROTTLE_RESENDS = 5;

/** Whether a request sent `attempts` times, answered by `event` with `verdict`, is to be sent again. */
export function resendable(event: IncomingEvent, verdict: FinalVerdict<unknown>, attempts: number): boolean {
  return "reject" in verdict && refusedForSpeed(event) && attempts <= MAX_THROTTLE_RESENDS;
}
