// order-create: answered by exactly one of order-accepted, order-rejected or
// order-invalid, each echoing the payload seq and the reference.
import type * as seto from "../../../../generated/seto.js";
import { OrderInvalidError, OrderRejectedError } from "../../errors.js";
import { accountSequenceOf } from "../../orders/account-sequence.js";
import { key } from "../keys.js";
import { echoes, type RequestSpec } from "../request-spec.js";

/** What placeOrder resolves with. */
export interface OrderAcceptance {
  readonly orderId: bigint;
  /** The order-create payload's seq. */
  readonly seq: bigint;
  readonly reference: bigint;
  /** account_sequence_64 (or the 32-bit field) of the acceptance. */
  readonly accountSequence: bigint | undefined;
  readonly message: seto.OrderAccepted;
}

/** What the order tracker learns of the request: each attempt sent, and a withdrawal after a refusal for speed. */
export type PlaceOrderHooks = Pick<RequestSpec<OrderAcceptance>, "onSent" | "onWithdrawn">;

export function placeOrderSpec(body: seto.OrderCreate & { reference: bigint }, hooks: PlaceOrderHooks): RequestSpec<OrderAcceptance> {
  const reference = body.reference;
  return {
    // Spelt out only if an error needs it (a bigint in words costs as much as the rest of the request).
    get what() {
      return `placeOrder (market ${body.marketId}, contract ${body.contractId}, reference ${reference})`;
    },
    message: { name: "seto.order_create", body },
    reference,
    keys: [key.reference(reference)],
    onSent: hooks.onSent,
    onWithdrawn: hooks.onWithdrawn,
    replies: {
      "seto.order_accepted": (m, seq) =>
        echoes(m, reference, seq) ? { resolve: { orderId: m.orderId, seq, reference, accountSequence: accountSequenceOf(m), message: m } } : undefined,
      "seto.order_rejected": (m, seq) => (echoes(m, reference, seq) ? { reject: new OrderRejectedError(m.reason, seq, reference) } : undefined),
      "seto.order_invalid": (m, seq) => (echoes(m, reference, seq) ? { reject: new OrderInvalidError(m.reasons, seq, reference) } : undefined),
    },
  };
}
