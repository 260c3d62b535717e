// Where an order stands. Open statuses are on the book (or about to be);
// every other status is final and says how the order ended.
/** Where an order is in its lifecycle. */
export type OrderStatus =
  /** Sent (order-create, or a cancel-replace's replacement); no answer yet. */
  | "pending"
  /**
   * Pending when its session was lost and could not be resumed: the exchange
   * may or may not have it (its request rejected with OutcomeUnknownError).
   * The new session's account events settle it; else it expires.
   */
  | "outcome-unknown"
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
  | "invalid"
  /**
   * No longer followed: its outcome stayed unknown for `unknownOutcomeExpiryMs`
   * after its session was lost (no account event about it came). The
   * exchange may still have it: check with it.
   */
  | "expired";

export const openStatuses: ReadonlySet<OrderStatus> = new Set<OrderStatus>(["pending", "outcome-unknown", "live", "partially-executed"]);

/** Awaiting the exchange's answer to its creation: pending, or outcome-unknown after a lost session. */
export function isUnanswered(status: OrderStatus): boolean {
  return status === "pending" || status === "outcome-unknown";
}

/** On the book: live or partially executed. */
export function isResting(status: OrderStatus): boolean {
  return status === "live" || status === "partially-executed";
}

/** Whether an order in `status` is finished: it can rest on the book no more. */
export function isEnded(status: OrderStatus): boolean {
  return !openStatuses.has(status);
}
