// order-cancel-replace. The exchange answers with order-pending-replace (the
// replacement's id; not final) and then one of order-cancel-replace-accepted,
// order-cancel-replace-rejected, or order-cancel-rejected (the original is
// unknown, or the replacement lacks funds: that enum has the reasons). A bad
// price or quantity gets order-invalid, echoing the seq, as for order-create.
import type * as seto from "../../../../generated/seto.js";
import { OrderCancelRejectedError, OrderCancelReplaceRejectedError, OrderInvalidError } from "../../errors.js";
import { key } from "../keys.js";
import { echoes, type RequestSpec } from "../request-spec.js";

export function replaceOrderSpec(body: seto.OrderCancelReplace & { reference: bigint }): RequestSpec<seto.OrderCancelReplaceAccepted> {
  const { origOrderId, reference } = body;
  // By reference when the reply has one, else by the original order's id.
  const mine = (m: { reference?: bigint | undefined; origOrderId?: bigint | undefined }): boolean =>
    m.reference !== undefined ? m.reference === reference : m.origOrderId === origOrderId;
  return {
    // Spelt out only if an error needs it (a bigint in words costs as much as the rest of the request).
    get what() {
      return `replaceOrder (order ${origOrderId}, reference ${reference})`;
    },
    message: { name: "seto.order_cancel_replace", body },
    reference,
    keys: [key.reference(reference), key.origOrder(origOrderId)],
    replies: {
      "seto.order_pending_replace": (m) => (mine(m) ? { progress: true } : undefined),
      "seto.order_cancel_replace_accepted": (m) => (mine(m) ? { resolve: m } : undefined),
      "seto.order_cancel_replace_rejected": (m) =>
        mine(m) ? { reject: new OrderCancelReplaceRejectedError(m.reason, origOrderId, m.orderId, reference) } : undefined,
      "seto.order_cancel_rejected": (m) => {
        // Only a rejection naming an original order (or our reference) is a cancel-replace's.
        if (m.reference === undefined ? m.origOrderId !== origOrderId : m.reference !== reference) return undefined;
        return { reject: new OrderCancelRejectedError(m.reason, m.orderId, reference, origOrderId) };
      },
      "seto.order_invalid": (m, seq) => (echoes(m, reference, seq) ? { reject: new OrderInvalidError(m.reasons, seq, reference) } : undefined),
    },
  };
}
