// order-cancel: answered by order-cancelled or order-cancel-rejected, each
// echoing the reference. An order-cancelled without a reference for the same
// order (the exchange ended it for its own reasons, e.g. a halt) also settles
// the cancel: the order is cancelled, which is what was asked; the reason
// says why. The cancel-rejected (NOT_LIVE) that may follow is then ignored.
import type * as seto from "../../../../generated/seto.js";
import { OrderCancelRejectedError } from "../../errors.js";
import { key } from "../keys.js";
import { concerns, type RequestSpec } from "../request-spec.js";

export function cancelOrderSpec(orderId: bigint, reference: bigint): RequestSpec<seto.OrderCancelled> {
  return {
    // Spelt out only if an error needs it (a bigint in words costs as much as the rest of the request).
    get what() {
      return `cancelOrder (order ${orderId}, reference ${reference})`;
    },
    message: { name: "seto.order_cancel", body: { orderId, reference } },
    reference,
    keys: [key.reference(reference), key.order(orderId)],
    replies: {
      "seto.order_cancelled": (m) => (concerns(m, reference, orderId) ? { resolve: m } : undefined),
      "seto.order_cancel_rejected": (m) => {
        // A rejection naming an original order belongs to a cancel-replace.
        if (m.origOrderId !== undefined || !concerns(m, reference, orderId)) return undefined;
        return { reject: new OrderCancelRejectedError(m.reason, m.orderId ?? orderId, reference) };
      },
    },
  };
}
