// Where an order stands. Open statuses are on the book (or about to be);
// every other status is final and says how the order ended.
/** Where an order is in its lifecycle. */
export type OrderStatus =
  /** Sent (order-create, or a cancel-replace's replacement); no answer yet. */
  | "pending"
  /** On the book, nothing executed. */
  | "live"
  /** On the book, some executed. */
  | "partially-executed"
  /** Ended: its whole size executed. */
  | "executed"
  /** Ended: the rest was cancelled (by request, cancel-all, a halt, …); executions stand. */
  | "cancelled"
  /** Ended: a reduction (order-quantity-reduced, order-reduced) left nothing open. */
  | "reduced"
  /** Ended: a cancel-replace took its rest; `replacedBy` is the new order. */
  | "replaced"
  /** Ended: the exchange voided it (order-voided), or voided all of its executions after it executed. */
  | "voided"
  /** Ended before it began: refused by the exchange (order-rejected, cancel-replace rejected). */
  | "rejected"
  /** Ended before it began: order-invalid. */
  | "invalid";

export const openStatuses: ReadonlySet<OrderStatus> = new Set<OrderStatus>(["pending", "live", "partially-executed"]);

/** On the book: live or partially executed. */
export function isResting(status: OrderStatus): boolean {
  return status === "live" || status === "partially-executed";
}

/** Whether an order in `status` is finished: it can rest on the book no more. */
export function isEnded(status: OrderStatus): boolean {
  return !openStatuses.has(status);
}
