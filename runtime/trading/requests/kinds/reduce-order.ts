// order-quantity-reduce: answered by order-quantity-reduced or
// order-quantity-reduce-rejected, echoing the reference (or, failing that,
// naming the order and the new quantity).
import type * as seto from "../../../../generated/seto.js";
import { OrderQuantityReduceRejectedError } from "../../errors.js";
import { key } from "../keys.js";
import { concerns, type RequestSpec } from "../request-spec.js";

export function reduceOrderSpec(orderId: bigint, newQuantity: bigint, reference: bigint): RequestSpec<seto.OrderQuantityReduced> {
  const mine = (m: { reference?: bigint | undefined; orderId: bigint; newQuantity: bigint }): boolean =>
    concerns(m, reference, orderId) && (m.reference !== undefined || m.newQuantity === newQuantity);
  return {
    // Spelt out only if an error needs it (a bigint in words costs as much as the rest of the request).
    get what() {
      return `reduceOrder (order ${orderId} to ${newQuantity}, reference ${reference})`;
    },
    message: { name: "seto.order_quantity_reduce", body: { orderId, newQuantity, reference } },
    reference,
    keys: [key.reference(reference), key.order(orderId)],
    replies: {
      "seto.order_quantity_reduced": (m) => (mine(m) ? { resolve: m } : undefined),
      "seto.order_quantity_reduce_rejected": (m) =>
        mine(m) ? { reject: new OrderQuantityReduceRejectedError(m.reason, orderId, newQuantity, reference) } : undefined,
    },
  };
}
