// How each seto message moves one order along its lifecycle. Each returns
// whether it changed the record. Executed totals are summed from the fills
// seen (exact); where a message states the open rest (available_quantity) it
// is taken as the exchange's word.
import * as seto from "../../../generated/seto.js";
import type { OrderRecord, OrderWhere } from "./order-record.js";
import { isUnanswered } from "./order-status.js";

const max0 = (v: bigint): bigint => (v > 0n ? v : 0n);

/** order-accepted, or the acceptance of a cancel-replace's replacement. */
export function accepted(
  r: OrderRecord,
  m: { orderId: bigint; price?: number | undefined; quantity?: bigint | undefined } & OrderWhere,
): boolean {
  if (!isUnanswered(r.status)) return false;
  r.orderId = m.orderId;
  r.learn(m);
  r.price = m.price ?? r.price;
  r.quantity = m.quantity ?? r.quantity;
  r.remainingQuantity = max0(r.quantity - r.executedQuantity);
  r.settle("executed");
  return true;
}

/** Refused before it began: order-rejected, order-invalid, or a replacement's rejection. */
export function refused(r: OrderRecord, status: "rejected" | "invalid", reason: string): boolean {
  if (!isUnanswered(r.status)) return false;
  r.end(status, reason);
  return true;
}

export function executed(r: OrderRecord, m: seto.OrderExecuted): boolean {
  r.executedQuantity += m.quantity;
  r.executedValue += BigInt(m.price) * m.quantity;
  if (r.open) {
    r.remainingQuantity = m.availableQuantity ?? max0(r.remainingQuantity - m.quantity);
    r.settle("executed");
  }
  return true;
}

export function cancelled(r: OrderRecord, m: seto.OrderCancelled): boolean {
  if (r.ended) return false;
  r.end("cancelled", seto.orderCancelledReasonToJSON(m.reason));
  return true;
}

/** order-quantity-reduced: the order's size becomes newQuantity (executed part included). */
export function quantityReduced(r: OrderRecord, m: seto.OrderQuantityReduced): boolean {
  if (r.ended) return false;
  r.quantity = m.newQuantity;
  r.remainingQuantity = max0(m.newQuantity - r.executedQuantity);
  r.settle("reduced");
  return true;
}

/** order-reduced: the exchange changed the order's price and size (e.g. after a withdrawal). */
export function reduced(r: OrderRecord, m: seto.OrderReduced): boolean {
  if (r.ended) return false;
  r.price = m.price;
  r.quantity = m.quantity;
  r.remainingQuantity = m.availableQuantity ?? max0(m.quantity - r.executedQuantity);
  r.settle("reduced");
  return true;
}

/** The original of an accepted cancel-replace: its rest is gone, its executions stay. */
export function replaced(r: OrderRecord, replacementId: bigint): boolean {
  if (r.ended) return false;
  r.replacedBy = replacementId;
  r.end("replaced");
  return true;
}

/** order-voided: the order ends; its executions stand unless order-execute-voided undoes them. */
export function voided(r: OrderRecord, m: seto.OrderVoided): boolean {
  r.voidedQuantity += m.quantity;
  if (r.open) r.end("voided");
  return true;
}

/** order-execute-voided: one execution undone. */
export function executionVoided(r: OrderRecord, m: seto.OrderExecutedVoid): boolean {
  const q = m.quantity < r.executedQuantity ? m.quantity : r.executedQuantity;
  r.executedQuantity -= q;
  r.executedValue = r.executedQuantity === 0n ? 0n : max0(r.executedValue - BigInt(m.price) * q);
  r.voidedQuantity += m.quantity;
  if (r.open) {
    if (m.availableQuantity !== undefined) r.remainingQuantity = m.availableQuantity;
    r.settle("executed");
  } else if (r.status === "executed" && r.executedQuantity === 0n) {
    r.status = "voided";
  }
  return true;
}

/** Its session was lost before the exchange answered: who knows. */
export function outcomeUnknown(r: OrderRecord): boolean {
  if (r.status !== "pending") return false;
  r.status = "outcome-unknown";
  return true;
}

/** Its outcome stayed unknown too long: no longer followed. */
export function expired(r: OrderRecord, reason: string): boolean {
  if (r.status !== "outcome-unknown") return false;
  r.end("expired", reason);
  return true;
}
