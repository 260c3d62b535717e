// The exchange's answer to a request it read while the session was over its
// throttle, as exchange/server sends it: eto throttle-exceeded, then the
// request's typed refusal with a THROTTLE_EXCEEDED reason.
import * as seto from "../../../generated/seto.js";
import { incoming } from "./events.js";
import type { FakePort, SentPayload } from "./fake-port.js";

export function refuseForSpeed(port: FakePort, sent: SentPayload): void {
  port.receive(incoming("eto.throttle_exceeded", undefined));
  const b = sent.body as { reference?: bigint; orderId?: bigint; newQuantity?: bigint; label?: string };
  switch (sent.name) {
    case "seto.order_create":
      port.receive(
        incoming("seto.order_rejected", { seq: sent.seq, reference: b.reference, label: b.label, reason: seto.OrderRejectedReason.ORDER_REJECTED_THROTTLE_EXCEEDED }),
      );
      return;
    case "seto.order_cancel":
      port.receive(
        incoming("seto.order_cancel_rejected", {
          orderId: b.orderId,
          reference: b.reference,
          reason: seto.OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_THROTTLE_EXCEEDED,
        }),
      );
      return;
    case "seto.order_cancel_replace": {
      // No THROTTLE_EXCEEDED among the replace-rejected reasons: the exchange uses order-cancel-rejected's.
      const r = sent.body as { origOrderId: bigint; reference: bigint };
      port.receive(
        incoming("seto.order_cancel_rejected", {
          origOrderId: r.origOrderId,
          reference: r.reference,
          reason: seto.OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_THROTTLE_EXCEEDED,
        }),
      );
      return;
    }
    case "seto.order_quantity_reduce":
      port.receive(
        incoming("seto.order_quantity_reduce_rejected", {
          orderId: b.orderId!,
          newQuantity: b.newQuantity!,
          reference: b.reference,
          reason: seto.OrderQuantityReduceRejectedReason.ORDER_QUANTITY_REDUCE_REJECTED_THROTTLE_EXCEEDED,
        }),
      );
      return;
    default:
      throw new Error(`the exchange has no typed refusal for ${sent.name}`);
  }
}
