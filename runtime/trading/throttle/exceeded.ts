// The exchange's ways of saying "too fast": the session-level
// throttle-exceeded, and refusals whose reason is the throttle. Any of them
// means our bucket is fuller than the exchange's, so the throttle empties it.
import type { PayloadMessages, PayloadName } from "../../../generated/payload-map.js";
import * as seto from "../../../generated/seto.js";
import type { IncomingEvent } from "../../dispatch/handler-types.js";

/** The typed refusals of a request, by payload name: whether one says THROTTLE_EXCEEDED (the exchange did nothing with that request). */
const speedRefusals: { readonly [N in PayloadName]?: (m: PayloadMessages[N]) => boolean } = {
  "seto.order_rejected": (m) => m.reason === seto.OrderRejectedReason.ORDER_REJECTED_THROTTLE_EXCEEDED,
  "seto.order_cancel_rejected": (m) => m.reason === seto.OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_THROTTLE_EXCEEDED,
  "seto.order_quantity_reduce_rejected": (m) =>
    m.reason === seto.OrderQuantityReduceRejectedReason.ORDER_QUANTITY_REDUCE_REJECTED_THROTTLE_EXCEEDED,
};

/** Whether `event` is a request's typed refusal with a THROTTLE_EXCEEDED reason. */
export function refusedForSpeed(event: IncomingEvent): boolean {
  const refusal = speedRefusals[event.name] as ((m: unknown) => boolean) | undefined;
  return refusal !== undefined && refusal(event.message);
}
