// The exchange's ways of saying "too fast": the session-level
// throttle-exceeded, and rejections whose reason is the throttle. Any of them
// means our bucket is fuller than the exchange's, so the throttle empties it.
import * as seto from "../../../generated/seto.js";
import type { TradingEvent } from "../port.js";

export function signalsThrottled(event: TradingEvent): boolean {
  switch (event.name) {
    case "eto.throttle_exceeded":
      return true;
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
