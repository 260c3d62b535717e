// What the order tracker shows of one order: an immutable snapshot.
import type * as seto from "../../../generated/seto.js";
import type { Rational } from "../../odds/rational.js";
import type { OrderStatus } from "./order-status.js";

/** One of our orders as `client.trading.orders` knows it: what was asked, what executed and at what exact average price, what is open. */
export interface OrderView {
  /** Undefined until the exchange assigns one (pending, and orders rejected or invalid at creation). */
  readonly orderId: bigint | undefined;
  /** The reference of the request that created the order (order-create or cancel-replace). */
  readonly reference: bigint | undefined;
  /** The payload seq of that request, when this client sent it. */
  readonly seq: bigint | undefined;
  readonly status: OrderStatus;
  readonly marketId: number | undefined;
  readonly contractId: number | undefined;
  readonly side: seto.Side | undefined;
  /** Limit price in bps. */
  readonly price: number | undefined;
  /** The order's size, executed part included (lowered by reductions). */
  readonly quantity: bigint;
  readonly executedQuantity: bigint;
  /** Σ execution price × quantity (bps × quantity), exact. */
  readonly executedValue: bigint;
  /** executedValue / executedQuantity in bps, exact; undefined with nothing executed. */
  readonly averagePrice: Rational | undefined;
  /** Still open on the book (0 once ended). */
  readonly remainingQuantity: bigint;
  /** Executions undone by order-execute-voided, or the quantity order-voided named. */
  readonly voidedQuantity: bigint;
  readonly label: string | undefined;
  /** For a cancel-replace's replacement: the order it replaced. */
  readonly replaces: bigint | undefined;
  /** For a replaced order: its replacement. */
  readonly replacedBy: bigint | undefined;
  /** Why it ended, as the seto enum name(s), e.g. "ORDER_CANCELLED_MEMBER_REQUESTED". */
  readonly reason: string | undefined;
  /** Account sequence of the last message applied to it. */
  readonly accountSequence: bigint | undefined;
  /**
   * False when the tracker first heard of the order from a later message
   * (e.g. an execution of an order placed before it started): totals then
   * come from the exchange's figures and the average is not exact.
   */
  readonly complete: boolean;
}
