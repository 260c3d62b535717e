// The exchange's ways of saying "too fast": the session-level
// throttle-exceeded, and rejections whose reason is the throttle. Any of them
// means our bucket is fuller than the exchange's, so the throttle empties it.
import * as seto from "../../../generated/seto.js";
import type { TradingEvent } from "../port.js";

export function signalsThrottled(event: TradingEvent): boolean {
  return event.name === "eto.throttle_exceeded" || refusedForSpeed(event);
}

/** A request's typed refusal with a THROTTLE_EXCEEDED reason: the exchange did nothing with that request. */
export function refusedForSpeed(event: TradingEvent): boolean {
  switch (event.name) {
    case "seto.order_rejected":
      return event.message.reason === seto.OrderRejectedReason.ORDER_REJECTED_THROTTLE_EXCEEDED;
    case "seto.order_cancel_rejected":
      return event.message.reason === seto.OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_THROTTLE_EXCEEDED;
    case "seto.order_quantity_reduce_rejected":
      return event.message.reason === seto.OrderQuantityReduceRejectedReason.ORDER_QUANTITY_REDUCE_REJECTED_THROTTLE_EXCEEDED;
    default:
      return false;
  }
}
