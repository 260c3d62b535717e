// Steps in an order's life shared by several commands: admitting a new order
// (hold its risk, announce it), executing it against the book, resting or
// cancelling what is left, and ending it.
import { OrderCancelledReason, Side, TimeInForceType } from "../../generated/seto.js";
import type { CommandContext } from "./context.js";
import { holdRemainder, transferPosition } from "./ledger.js";
import { matchIncoming } from "./matching.js";
import { executedAvgPrice, remaining, type Order, type OrderStatus } from "./order.js";

export interface NewOrder {
  readonly id: bigint;
  readonly accountId: number;
  readonly marketId: number;
  readonly contractId: number;
  readonly side: Side;
  readonly price: number;
  readonly quantity: bigint;
  readonly tif: TimeInForceType;
  readonly reference: bigint | undefined;
  readonly label: string | undefined;
}

/** Registers a live order and holds its risk; the caller announces it, then calls `trade`. */
export function admit(ctx: CommandContext, spec: NewOrder): Order {
  const order: Order = { ...spec, filled: 0n, executedValue: 0n, reserved: 0n, status: "live" };
  ctx.state.orders.add(order);
  holdRemainder(ctx.state.accounts, order);
  return order;
}

/** Takes `order` out of the live state for good and releases what it held. */
export function end(ctx: CommandContext, order: Order, status: Exclude<OrderStatus, "live">): void {
  ctx.state.book(order.contractId).remove(order);
  ctx.touch(order.contractId);
  order.status = status;
  holdRemainder(ctx.state.accounts, order);
  ctx.state.orders.ended(order);
}

/** Ends `order` as cancelled and tells its owner. */
export function cancel(ctx: CommandContext, order: Order, reason: OrderCancelledReason, reference: bigint | undefined): void {
  end(ctx, order, "cancelled");
  const account = ctx.state.accounts.get(order.accountId);
  ctx.tell(order.accountId, {
    kind: "order-cancelled",
    reason,
    reference,
    orderId: order.id,
    marketId: order.marketId,
    contractId: order.contractId,
    side: order.side,
    origPrice: order.price,
    executedQuantity: order.filled,
    executedAvgPrice: executedAvgPrice(order),
    availableBalance: account.available(),
    exposure: account.exposure(),
    label: order.label,
  });
}

function tellExecuted(ctx: CommandContext, order: Order, price: number, quantity: bigint): void {
  if (remaining(order) === 0n) end(ctx, order, "filled");
  else holdRemainder(ctx.state.accounts, order);
  const account = ctx.state.accounts.get(order.accountId);
  ctx.tell(order.accountId, {
    kind: "order-executed",
    orderId: order.id,
    price,
    quantity,
    side: order.side,
    marketId: order.marketId,
    contractId: order.contractId,
    origPrice: order.price,
    totalExecutedQuantity: order.filled,
    executedAvgPrice: executedAvgPrice(order) ?? price,
    availableQuantity: remaining(order),
    availableBalance: account.available(),
    exposure: account.exposure(),
    label: order.label,
  });
}

/**
 * Matches a just-admitted order against its book, settling and announcing
 * every execution (incoming order first, then the resting one), then rests
 * the remainder, or cancels it for IMMEDIATE_OR_CANCEL (reason
 * INSUFFICIENT_LIQUIDITY, with `reference`, the request's).
 */
export function trade(ctx: CommandContext, order: Order, reference: bigint | undefined): void {
  const book = ctx.state.book(order.contractId);
  ctx.touch(order.contractId);
  for (const fill of matchIncoming(book, order)) {
    const { maker, taker, price, quantity } = fill;
    const buyer = taker.side === Side.SIDE_BUY ? taker : maker;
    const seller = taker.side === Side.SIDE_BUY ? maker : taker;
    transferPosition(ctx.state.accounts, buyer.accountId, seller.accountId, order.contractId, quantity, price);
    tellExecuted(ctx, taker, price, quantity);
    tellExecuted(ctx, maker, price, quantity);
    ctx.executed(order.contractId, { price, quantity, liquidity: maker.side, microseconds: ctx.state.microseconds() });
  }
  if (order.status !== "live") return;
  if (order.tif === TimeInForceType.IMMEDIATE_OR_CANCEL) {
    cancel(ctx, order, OrderCancelledReason.ORDER_CANCELLED_INSUFFICIENT_LIQUIDITY, reference);
  } else {
    book.add(order);
  }
}
