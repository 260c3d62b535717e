// order-cancel-all: answered by order-cancel-all-accepted or -rejected,
// echoing the reference. The order-cancelled for each order follow separately
// (the order tracker records them).
import type * as seto from "../../../../generated/seto.js";
import { OrderCancelAllRejectedError } from "../../errors.js";
import { key } from "../keys.js";
import type { RequestSpec } from "../request-spec.js";

export function cancelAllSpec(marketId: number | undefined, reference: bigint): RequestSpec<seto.OrderCancelAllAccepted> {
  const where = marketId === undefined ? "all markets" : `market ${marketId}`;
  // A reply without a reference (not expected) goes to the oldest cancel-all.
  const mine = (m: { reference?: bigint | undefined }): boolean => m.reference === undefined || m.reference === reference;
  return {
    // Spelt out only if an error needs it (a bigint in words costs as much as the rest of the request).
    get what() {
      return `cancelAll (${where}, reference ${reference})`;
    },
    message: { name: "seto.order_cancel_all", body: { reference, marketId } },
    reference,
    keys: [key.reference(reference), key.cancelAll],
    replies: {
      "seto.order_cancel_all_accepted": (m) => (mine(m) ? { resolve: m } : undefined),
      "seto.order_cancel_all_rejected": (m) => (mine(m) ? { reject: new OrderCancelAllRejectedError(m.reason, reference) } : undefined),
    },
  };
}
