// How a record begins: an order-create this client sent, a cancel-replace's
// replacement, an order first heard of mid-life (placed by another session,
// or before the tracker started), seeded from the exchange's totals, or a
// record an earlier process saved in a durable store.
import type * as seto from "../../../generated/seto.js";
import type { OrderView } from "./order-view.js";
import { OrderRecord, type OrderWhere } from "./order-record.js";

/** An order-create this client has sent: pending, its whole size to be open. */
export function sentRecord(reference: bigint, seq: bigint, m: seto.OrderCreate): OrderRecord {
  const r = new OrderRecord();
  r.reference = reference;
  r.seq = seq;
  r.price = m.price;
  r.quantity = m.quantity;
  r.remainingQuantity = m.quantity;
  r.learn(m);
  return r;
}

/** A record for an order whose acceptance is the first the tracker hears of it. */
export function acceptedElsewhere(reference: bigint | undefined): OrderRecord {
  const r = new OrderRecord();
  r.reference = reference;
  return r;
}

/** A cancel-replace's replacement, pending until accepted or refused. */
export function replacementRecord(m: seto.OrderPendingReplace | seto.OrderCancelReplaceAccepted): OrderRecord {
  const r = new OrderRecord();
  r.orderId = m.orderId;
  r.reference = m.reference;
  r.replaces = m.origOrderId;
  r.price = m.price;
  r.quantity = m.quantity;
  r.remainingQuantity = m.quantity;
  r.learn(m);
  return r;
}

/** What a message about an order already under way tells of it. */
export interface MidLife extends OrderWhere {
  orderId: bigint;
  origPrice?: number | undefined;
  executedQuantity?: bigint | undefined;
  executedAvgPrice?: number | undefined;
}

/**
 * An order first heard of mid-life. Its history is the exchange's summary:
 * executed quantity and a rounded average price, so `complete` is false.
 */
export function adoptedRecord(m: MidLife, executed = m.executedQuantity ?? 0n, remaining = 0n): OrderRecord {
  const r = new OrderRecord();
  r.orderId = m.orderId;
  r.complete = false;
  r.status = "live";
  r.price = m.origPrice;
  r.executedQuantity = executed;
  r.executedValue = m.executedAvgPrice === undefined ? 0n : BigInt(m.executedAvgPrice) * executed;
  r.remainingQuantity = remaining;
  r.quantity = executed + remaining;
  r.learn(m);
  return r;
}

/** An order first heard of through an execution: seeded with what came before this fill, which is then applied. */
export function adoptedFromExecution(m: seto.OrderExecuted): OrderRecord {
  const total = m.totalExecutedQuantity ?? m.quantity;
  const before = total > m.quantity ? total - m.quantity : 0n;
  const r = adoptedRecord(m, before, (m.availableQuantity ?? 0n) + m.quantity);
  r.price = m.origPrice ?? m.price;
  return r;
}

/** A record as an earlier process saved it (its view, without the derived average), under its store key. */
export function restoredRecord(key: number, v: Omit<OrderView, "averagePrice">): OrderRecord {
  const r = new OrderRecord();
  r.key = key;
  r.orderId = v.orderId;
  r.reference = v.reference;
  r.seq = v.seq;
  r.status = v.status;
  r.marketId = v.marketId;
  r.contractId = v.contractId;
  r.side = v.side;
  r.price = v.price;
  r.quantity = v.quantity;
  r.executedQuantity = v.executedQuantity;
  r.executedValue = v.executedValue;
  r.remainingQuantity = v.remainingQuantity;
  r.voidedQuantity = v.voidedQuantity;
  r.label = v.label;
  r.replaces = v.replaces;
  r.replacedBy = v.replacedBy;
  r.reason = v.reason;
  r.accountSequence = v.accountSequence;
  r.complete = v.complete;
  r.announced = true;
  return r;
}
