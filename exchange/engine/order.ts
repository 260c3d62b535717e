// One order's record. The engine mutates it in place (the book holds the same
// object); callers outside the engine only ever see an OrderView copy.
import { Side, TimeInForceType } from "../../generated/seto.js";
import { averagePrice } from "./money.js";

/**
 * Where an order is in its life. Exactly one holds at any time:
 * - live: resting on the book with an unfilled remainder;
 * - filled: nothing left to fill (executed in full, or reduced to what had executed);
 * - cancelled: the remainder was cancelled (by the member, IOC, a halt, going in play, settlement);
 * - replaced: the remainder was cancelled by a cancel-replace that created a new order.
 */
export type OrderStatus = "live" | "filled" | "cancelled" | "replaced";

export interface Order {
  readonly id: bigint;
  readonly accountId: number;
  readonly marketId: number;
  readonly contractId: number;
  readonly side: Side;
  readonly price: number;
  readonly tif: TimeInForceType;
  readonly reference: bigint | undefined;
  readonly label: string | undefined;
  /** Total size; a quantity-reduce lowers it. */
  quantity: bigint;
  /** Executed so far. */
  filled: bigint;
  /** Sum of price x quantity over executions, for the average price. */
  executedValue: bigint;
  /** Money held back for the unfilled remainder (its risk at the order's price). */
  reserved: bigint;
  status: OrderStatus;
}

export interface OrderView {
  readonly id: bigint;
  readonly accountId: number;
  readonly marketId: number;
  readonly contractId: number;
  readonly side: Side;
  readonly price: number;
  readonly tif: TimeInForceType;
  readonly reference: bigint | undefined;
  readonly label: string | undefined;
  readonly quantity: bigint;
  readonly filled: bigint;
  readonly remaining: bigint;
  readonly executedAvgPrice: number | undefined;
  readonly reserved: bigint;
  readonly status: OrderStatus;
}

export function remaining(order: Order): bigint {
  return order.quantity - order.filled;
}

export function executedAvgPrice(order: Order): number | undefined {
  return averagePrice(order.executedValue, order.filled);
}

export function viewOrder(order: Order): OrderView {
  return {
    id: order.id,
    accountId: order.accountId,
    marketId: order.marketId,
    contractId: order.contractId,
    side: order.side,
    price: order.price,
    tif: order.tif,
    reference: order.reference,
    label: order.label,
    quantity: order.quantity,
    filled: order.filled,
    remaining: remaining(order),
    executedAvgPrice: executedAvgPrice(order),
    reserved: order.reserved,
    status: order.status,
  };
}

export function opposite(side: Side): Side {
  return side === Side.SIDE_BUY ? Side.SIDE_SELL : Side.SIDE_BUY;
}
